#include "AtomicFile.h"

#include "FileName.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tokendesk {

namespace {

constexpr int kMaxLinks = 40;                       // as the kernel's MAXSYMLINKS
constexpr qint64 kMaxReadSize = 64LL * 1024 * 1024; // files replaced this way are small

FileError fail(FileError::Code code, const QString& path, int osError = 0, const QByteArray& target = {})
{
    FileError e;
    e.code = code;
    e.path = path;
    e.osError = osError;
    if (!target.isEmpty() && target != FileName::toBytes(path)) {
        e.target = FileName::fromBytes(target);
    }
    return e;
}

/// The code for a failed system call's errno.
FileError::Code codeOf(int osError)
{
    switch (osError) {
    case EACCES:
    case EPERM:
    case EROFS:
    case ETXTBSY:
        return FileError::Code::NotWritable;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return FileError::Code::DiskFull;
    case ENOENT:
    case ENOTDIR:
        return FileError::Code::FolderMissing;
    case ELOOP:
        return FileError::Code::SymlinkLoop;
    case EISDIR:
        return FileError::Code::NotRegular;
    default:
        return FileError::Code::Io;
    }
}

QByteArray folderOf(const QByteArray& path)
{
    const qsizetype slash = path.lastIndexOf('/');
    if (slash < 0) {
        return QByteArrayLiteral(".");
    }
    return slash == 0 ? QByteArrayLiteral("/") : path.left(slash);
}

QByteArray nameOf(const QByteArray& path)
{
    return path.mid(path.lastIndexOf('/') + 1);
}

/// A link may be followed unless it sits in a sticky world-writable folder (/tmp) and belongs to
/// neither the follower nor the folder's owner: the kernel's fs.protected_symlinks rule, which does
/// not protect us because we resolve links ourselves.
bool mayFollow(const QByteArray& link, const struct stat& linkStat)
{
    struct stat folder = {};
    if (::stat(folderOf(link).constData(), &folder) != 0) {
        return false;
    }
    const bool stickyWorldWritable = (folder.st_mode & S_ISVTX) != 0 && (folder.st_mode & S_IWOTH) != 0;
    return !stickyWorldWritable || linkStat.st_uid == ::geteuid() || linkStat.st_uid == folder.st_uid;
}

/// The regular file (or the name of a new one) that `path` leads to; `exists` says which.
Result<QByteArray, FileError> resolveBytes(const QString& path, bool* exists)
{
    QByteArray current = FileName::toBytes(path);
    if (current.isEmpty()) {
        return fail(FileError::Code::FolderMissing, path, ENOENT);
    }
    for (int hops = 0; hops <= kMaxLinks; ++hops) {
        struct stat st = {};
        if (::lstat(current.constData(), &st) != 0) {
            const int osError = errno;
            if (osError != ENOENT) {
                return fail(codeOf(osError), path, osError, current);
            }
            if (hops > 0) {
                return fail(FileError::Code::DanglingSymlink, path, ENOENT, current);
            }
            struct stat folder = {};
            if (::stat(folderOf(current).constData(), &folder) != 0 || !S_ISDIR(folder.st_mode)) {
                return fail(FileError::Code::FolderMissing, path, ENOENT, current);
            }
            *exists = false;
            return current;
        }
        if (S_ISREG(st.st_mode)) {
            *exists = true;
            return current;
        }
        if (!S_ISLNK(st.st_mode)) {
            return fail(FileError::Code::NotRegular, path, 0, current);
        }
        if (!mayFollow(current, st)) {
            return fail(FileError::Code::UnsafeSymlink, path, 0, current);
        }
        QByteArray target(PATH_MAX, Qt::Uninitialized);
        const ssize_t length = ::readlink(current.constData(), target.data(), static_cast<size_t>(target.size()));
        if (length < 0 || length >= target.size()) {
            return fail(FileError::Code::Io, path, length < 0 ? errno : ENAMETOOLONG, current);
        }
        target.truncate(length);
        current = target.startsWith('/') ? target : folderOf(current) + '/' + target;
    }
    return fail(FileError::Code::SymlinkLoop, path, ELOOP, current);
}

bool writeAll(int fd, const QByteArray& data)
{
    const char* p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, static_cast<size_t>(left));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        p += n;
        left -= n;
    }
    return true;
}

Result<QByteArray, FileError> readBytes(const QString& path, const QByteArray& file)
{
    const int fd = ::open(file.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        return fail(codeOf(errno), path, errno, file);
    }
    const auto closer = qScopeGuard([fd] { ::close(fd); });
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return fail(FileError::Code::NotRegular, path, 0, file); // swapped since it was resolved
    }
    QByteArray data;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return fail(codeOf(errno), path, errno, file);
        }
        if (n == 0) {
            return data;
        }
        if (data.size() + n > kMaxReadSize) {
            return fail(FileError::Code::Io, path, EFBIG, file);
        }
        data.append(buffer, n);
    }
}

/// A new file in `folder` named after `name`, created exclusively with `mode` (the umask applies).
int createTemporary(const QByteArray& folder, const QByteArray& name, mode_t mode, QByteArray* tempPath)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        *tempPath =
            folder + "/." + name + '.' + QByteArray::number(QRandomGenerator::system()->generate64(), 36) + ".tmp";
        const int fd = ::open(tempPath->constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
        if (fd >= 0 || errno != EEXIST) {
            return fd;
        }
    }
    errno = EEXIST;
    return -1;
}

void syncFolder(const QByteArray& folder)
{
    const int fd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

QString FileError::codeName() const
{
    switch (code) {
    case Code::NotRegular:
        return QStringLiteral("not_regular_file");
    case Code::UnsafeSymlink:
        return QStringLiteral("unsafe_symlink");
    case Code::DanglingSymlink:
        return QStringLiteral("dangling_symlink");
    case Code::SymlinkLoop:
        return QStringLiteral("symlink_loop");
    case Code::FolderMissing:
        return QStringLiteral("folder_missing");
    case Code::NotWritable:
        return QStringLiteral("not_writable");
    case Code::ChangedMeanwhile:
        return QStringLiteral("changed_meanwhile");
    case Code::DiskFull:
        return QStringLiteral("disk_full");
    case Code::Io:
        break;
    }
    return QStringLiteral("io_error");
}

Result<QString, FileError> AtomicFile::resolve(const QString& path)
{
    bool exists = false;
    auto target = resolveBytes(path, &exists);
    if (!target) {
        return target.error();
    }
    return FileName::fromBytes(target.value());
}

Result<QByteArray, FileError> AtomicFile::read(const QString& path)
{
    bool exists = false;
    auto target = resolveBytes(path, &exists);
    if (!target) {
        return target.error();
    }
    return exists ? readBytes(path, target.value()) : QByteArray();
}

Status<FileError> AtomicFile::write(const QString& path, const QByteArray& data)
{
    return write(path, data, Options{});
}

Status<FileError> AtomicFile::write(const QString& path, const QByteArray& data, const Options& options)
{
    bool exists = false;
    auto resolved = resolveBytes(path, &exists);
    if (!resolved) {
        return resolved.error();
    }
    const QByteArray target = resolved.value();
    struct stat original = {};
    if (exists && ::stat(target.constData(), &original) != 0) {
        return fail(codeOf(errno), path, errno, target);
    }

    const QByteArray folder = folderOf(target);
    QByteArray temp;
    const int fd = createTemporary(folder, nameOf(target), options.newFileMode & 07777, &temp);
    if (fd < 0) {
        return fail(codeOf(errno), path, errno, target);
    }
    bool renamed = false;
    const auto cleanup = qScopeGuard([&] {
        if (!renamed) {
            ::unlink(temp.constData());
        }
    });
    int osError = 0;
    if (!writeAll(fd, data)) {
        osError = errno;
    } else if (exists && ::fchown(fd, original.st_uid, original.st_gid) != 0) {
        osError = errno; // we may not give the file its owner back: then we do not replace it
    } else if (exists && ::fchmod(fd, original.st_mode & 07777) != 0) {
        osError = errno;
    } else if (::fsync(fd) != 0) {
        osError = errno;
    }
    if (::close(fd) != 0 && osError == 0) {
        osError = errno;
    }
    if (osError != 0) {
        return fail(codeOf(osError), path, osError, target);
    }

    if (options.expected) {
        auto now = exists ? readBytes(path, target) : Result<QByteArray, FileError>(QByteArray());
        struct stat again = {};
        const bool appeared = !exists && ::lstat(target.constData(), &again) == 0;
        if (!now || appeared || now.value() != *options.expected) {
            return fail(FileError::Code::ChangedMeanwhile, path, 0, target);
        }
    }
    if (exists && !options.backupSuffix.isEmpty()) {
        // A hard link keeps the old file, owner and mode included, under the backup name.
        const QByteArray backup = target + FileName::toBytes(options.backupSuffix);
        struct stat old = {};
        if (::lstat(backup.constData(), &old) == 0 && !S_ISREG(old.st_mode)) {
            return fail(FileError::Code::NotRegular, path, 0, backup);
        }
        ::unlink(backup.constData());
        if (::link(target.constData(), backup.constData()) != 0) {
            return fail(codeOf(errno), path, errno, backup);
        }
    }
    if (::rename(temp.constData(), target.constData()) != 0) {
        return fail(codeOf(errno), path, errno, target);
    }
    renamed = true;
    syncFolder(folder);
    return Done{};
}

} // namespace tokendesk
