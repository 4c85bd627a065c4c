#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <sys/types.h>

namespace tokendesk {

/// Why a file could not be replaced. The code is for the UI's sentence; nothing was written.
struct FileError
{
    enum class Code
    {
        NotRegular,       ///< the path (or a link's target) is a device, folder, pipe or socket
        UnsafeSymlink,    ///< a link in a sticky world-writable folder, owned by neither us nor the folder's owner
        DanglingSymlink,  ///< a link whose target does not exist
        SymlinkLoop,      ///< links that go round, or too many of them
        FolderMissing,    ///< the folder the file would be in does not exist
        NotWritable,      ///< permission denied, read-only file system
        ChangedMeanwhile, ///< the file is not what the caller read: someone else changed it
        DiskFull,         ///< no space or quota left
        Io,               ///< any other failure of the system calls
    };

    Code code = Code::Io;
    QString path;    ///< the path the caller gave
    QString target;  ///< the file that would have been replaced, when a link led elsewhere
    int osError = 0; ///< errno, where a system call failed

    /// "not_regular", "unsafe_symlink", ...: for JSON and logs.
    QString codeName() const;
    bool operator==(const FileError& o) const
    {
        return code == o.code && path == o.path && target == o.target && osError == o.osError;
    }
};

/// Replaces a file whole or not at all: a temporary file in the same folder, fsync, rename, fsync of
/// the folder. What was there keeps its owner, group and mode. Only regular files are replaced: a
/// device node, a folder or a pipe is refused, never turned into a file. A symbolic link is followed
/// to its target, which must exist, and is refused where `fs.protected_symlinks` would refuse it (a
/// link in a sticky world-writable folder not owned by us or by the folder's owner). Paths go to
/// the system as bytes (FileName::toBytes), so names that are not UTF-8 work.
class AtomicFile
{
public:
    struct Options
    {
        /// What the caller read from the file earlier (an empty array: it did not exist). Set, the
        /// write is refused with ChangedMeanwhile when the file holds anything else by then.
        std::optional<QByteArray> expected;
        /// Set, the file's previous content is kept under path + backupSuffix (e.g. "~").
        QString backupSuffix;
        /// Permissions of a file that did not exist (the umask applies).
        mode_t newFileMode = 0666;
    };

    /// The regular file that writing `path` would replace (links followed), after the rules above.
    /// A file that does not exist yet is its own target.
    [[nodiscard]] static Result<QString, FileError> resolve(const QString& path);

    [[nodiscard]] static Status<FileError> write(const QString& path, const QByteArray& data);
    [[nodiscard]] static Status<FileError> write(const QString& path, const QByteArray& data, const Options& options);

    /// The whole file as it is now, for Options::expected (missing: empty). Only regular files.
    [[nodiscard]] static Result<QByteArray, FileError> read(const QString& path);
};

} // namespace tokendesk
