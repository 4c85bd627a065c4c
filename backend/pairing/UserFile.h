#pragma once

#include "PairingError.h"
#include "UserAccounts.h"
#include "backend/common/Result.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <sys/types.h>

namespace tokendesk {

/// A file inside an account's home folder (`~/.eid/authorized_certificates`), read and written as
/// that account: while root works on it, the thread's file system identity is the account's
/// (setfsuid/setfsgid, which are per thread), so a link the user planted can only lead where the user
/// may write anyway, and what is created belongs to the user. On top of that, links below the home
/// folder are refused for writing. Missing folders are created with `folderMode`, a missing file with
/// `fileMode` (exactly: the umask does not apply). Changes go through AtomicFile with the bytes read
/// as expected content and a backup.
class UserFile
{
public:
    UserFile(UserAccount account, QString relativePath, mode_t folderMode, mode_t fileMode);

    const UserAccount& account() const { return m_account; }
    /// home + "/" + relativePath.
    QString path() const;

    /// The whole file; empty when it or its folder does not exist. NoSuchAccount without a home folder.
    [[nodiscard]] Result<QByteArray, PairingError> read() const;
    /// Replaces the file with `after` unless it no longer holds `before` (ChangedMeanwhile). Folders
    /// created for it are removed again when the write fails.
    [[nodiscard]] Status<PairingError> write(const QByteArray& before, const QByteArray& after) const;

    /// A file of every account with a home folder, in getpwent order (as pam_pkcs11's per-user
    /// mappers walk them), with its bytes. Files that cannot be read are left out: the mappers, too,
    /// take an unreadable file for no match.
    struct Read
    {
        UserAccount account;
        QString path; ///< the file
        QByteArray data;
    };
    static QList<Read> readEach(const QString& relativePath, mode_t folderMode, mode_t fileMode);
    /// A store's path inside the home: "~/" dropped; `fallback` when empty.
    static QString relativePath(QString given, const QString& fallback);

    /// Test seam: called with the file's path between the checks and the write, to change the file
    /// behind the store's back. Empty: none.
    static void setBeforeWriteHook(std::function<void(const QString& path)> hook);

private:
    [[nodiscard]] Status<PairingError> checkHome() const;
    PairingError errorFor(int osError, const QString& where) const;

    UserAccount m_account;
    QString m_relativePath;
    mode_t m_folderMode;
    mode_t m_fileMode;
};

} // namespace tokendesk
