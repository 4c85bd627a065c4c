#include "UserFile.h"

#include "MapFileStore.h"
#include "backend/common/AtomicFile.h"
#include "backend/common/FileName.h"

#include <QMutex>
#include <QMutexLocker>
#include <QStringList>
#include <cerrno>
#include <fcntl.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tokendesk {

namespace {

QMutex& hookLock()
{
    static QMutex lock;
    return lock;
}

std::function<void(const QString&)>& hook()
{
    static std::function<void(const QString&)> h;
    return h;
}

/// The calling thread's file system identity becomes the account's for this object's life. Only
/// root can (and needs to) switch; anyone else works on their own files as themselves.
class ActingAs
{
public:
    explicit ActingAs(const UserAccount& account)
    {
        if (::geteuid() == 0 && account.uid != 0) {
            // The group first: after setfsuid the thread may still set it (CAP_SETGID stays), but
            // doing it in this order keeps the pair consistent when restoring in reverse.
            m_oldGid = static_cast<gid_t>(::setfsgid(account.gid));
            m_oldUid = static_cast<uid_t>(::setfsuid(account.uid));
            m_active = true;
            // setfsuid() says nothing when it fails (no CAP_SETUID, a uid not mapped in a user
            // namespace): an invalid id asks for the current one without changing it.
            m_switched = static_cast<uid_t>(::setfsuid(static_cast<uid_t>(-1))) == account.uid &&
                         static_cast<gid_t>(::setfsgid(static_cast<gid_t>(-1))) == account.gid;
        }
    }
    /// False when the switch was needed and did not happen: then nothing may be touched, as root
    /// would create files the account cannot use and follow links the account planted.
    bool ok() const { return !m_active || m_switched; }
    ~ActingAs()
    {
        if (m_active) {
            ::setfsuid(m_oldUid);
            ::setfsgid(m_oldGid);
        }
    }
    ActingAs(const ActingAs&) = delete;
    ActingAs& operator=(const ActingAs&) = delete;

private:
    bool m_active = false;
    bool m_switched = false;
    uid_t m_oldUid = 0;
    gid_t m_oldGid = 0;
};

} // namespace

UserFile::UserFile(UserAccount account, QString relativePath, mode_t folderMode, mode_t fileMode)
    : m_account(std::move(account)), m_relativePath(std::move(relativePath)), m_folderMode(folderMode),
      m_fileMode(fileMode)
{}

QString UserFile::path() const
{
    return m_account.home + QLatin1Char('/') + m_relativePath;
}

void UserFile::setBeforeWriteHook(std::function<void(const QString& path)> h)
{
    QMutexLocker locker(&hookLock());
    hook() = std::move(h);
}

PairingError UserFile::errorFor(int osError, const QString& where) const
{
    PairingError error;
    error.path = path();
    error.osError = osError;
    switch (osError) {
    case EACCES:
    case EPERM:
    case EROFS:
        error.code = PairingError::Code::NotWritable;
        error.privilege = UserAccounts::describe(m_account);
        break;
    case ENOENT:
        error.code = PairingError::Code::FolderMissing;
        break;
    default:
        error.code = PairingError::Code::Io;
        break;
    }
    error.detail = where;
    return error;
}

QList<UserFile::Read> UserFile::readEach(const QString& relativePath, mode_t folderMode, mode_t fileMode)
{
    QList<Read> files;
    for (const UserAccount& account : UserAccounts::all()) {
        if (account.home.isEmpty()) {
            continue;
        }
        const UserFile file(account, relativePath, folderMode, fileMode);
        const auto data = file.read();
        if (data) {
            files.append(Read{account, file.path(), data.value()});
        }
    }
    return files;
}

QString UserFile::relativePath(QString given, const QString& fallback)
{
    if (given.startsWith(QLatin1String("~/"))) {
        given = given.mid(2);
    }
    return given.isEmpty() ? fallback : given;
}

Status<PairingError> UserFile::checkHome() const
{
    // The file is a path inside the home: ".." or "." would leave it (`--store ssh:../../etc/shadow`).
    const QStringList parts = m_relativePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.contains(QStringLiteral("..")) || parts.contains(QStringLiteral("."))) {
        return PairingError::make(PairingError::Code::NotRegular, path(), m_relativePath);
    }
    struct stat st = {};
    if (m_account.home.isEmpty() || ::stat(FileName::toBytes(m_account.home).constData(), &st) != 0 ||
        !S_ISDIR(st.st_mode)) {
        return PairingError{PairingError::Code::NoSuchAccount, path(), m_account.login};
    }
    return Done{};
}

Result<QByteArray, PairingError> UserFile::read() const
{
    if (auto home = checkHome(); !home) {
        return home.error();
    }
    const ActingAs as(m_account);
    if (!as.ok()) {
        return PairingError::make(PairingError::Code::NotWritable, path(), m_account.login);
    }
    auto data = AtomicFile::read(path());
    if (!data) {
        if (data.error().code == FileError::Code::FolderMissing) {
            return QByteArray();
        }
        PairingError error = PairingError::fromFileError(data.error());
        if (error.code == PairingError::Code::NotWritable) {
            error.code = PairingError::Code::Unreadable;
            error.privilege.clear();
        }
        return error;
    }
    return data.value();
}

Status<PairingError> UserFile::write(const QByteArray& before, const QByteArray& after) const
{
    if (auto home = checkHome(); !home) {
        return home.error();
    }
    const ActingAs as(m_account);
    if (!as.ok()) {
        return PairingError::make(PairingError::Code::NotWritable, path(), m_account.login);
    }
    QStringList parts = m_relativePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.contains(QStringLiteral("..")) || parts.contains(QStringLiteral("."))) {
        return PairingError{PairingError::Code::NotRegular, path(), m_relativePath};
    }
    parts.removeLast();
    QByteArray current = FileName::toBytes(m_account.home);
    QList<QByteArray> created;
    const auto undo = [&created] {
        for (auto it = created.crbegin(); it != created.crend(); ++it) {
            ::rmdir(it->constData());
        }
    };
    for (const QString& part : parts) {
        current += '/' + FileName::toBytes(part);
        struct stat st = {};
        if (::lstat(current.constData(), &st) == 0) {
            if (!S_ISDIR(st.st_mode)) {
                undo();
                // A link (or anything but a folder) where the store keeps its folder: refused.
                return PairingError{PairingError::Code::NotRegular, path(),
                                    S_ISLNK(st.st_mode) ? QStringLiteral("symlink") : FileName::fromBytes(current)};
            }
            continue;
        }
        if (errno != ENOENT || ::mkdir(current.constData(), m_folderMode) != 0) {
            const int osError = errno;
            PairingError error = errorFor(osError, FileName::fromBytes(current));
            if (error.code == PairingError::Code::NotWritable) {
                error.privilege = UserAccounts::ownerOf(FileName::fromBytes(current.left(current.lastIndexOf('/'))));
            }
            undo();
            return error;
        }
        created.append(current);
        ::chmod(current.constData(), m_folderMode); // the umask is not ours to apply here
    }
    const QByteArray file = FileName::toBytes(path());
    struct stat st = {};
    const bool existed = ::lstat(file.constData(), &st) == 0;
    if (existed && !S_ISREG(st.st_mode)) {
        undo();
        return PairingError{PairingError::Code::NotRegular, path(),
                            S_ISLNK(st.st_mode) ? QStringLiteral("symlink") : QStringLiteral("not_regular_file")};
    }
    {
        QMutexLocker locker(&hookLock());
        if (hook()) {
            hook()(path());
        }
    }
    AtomicFile::Options options;
    options.expected = before;
    options.backupSuffix = QString::fromLatin1(MapFileStore::kBackupSuffix);
    options.newFileMode = m_fileMode;
    const auto written = AtomicFile::write(path(), after, options);
    if (!written) {
        undo();
        PairingError error = PairingError::fromFileError(written.error());
        error.path = path();
        if (error.code == PairingError::Code::NotWritable && error.privilege.isEmpty()) {
            error.privilege = UserAccounts::describe(m_account);
        }
        return error;
    }
    if (!existed) {
        const int fd = ::open(file.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd >= 0) {
            ::fchmod(fd, m_fileMode);
            ::close(fd);
        }
    }
    return Done{};
}

} // namespace tokendesk
