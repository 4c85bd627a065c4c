// What the per-user pairing store tests (tst_eidstore, tst_sshkeystore) share: a pam_pkcs11.conf of
// the test's own for one mapper, pklogin_finder run on it, and files in the private accounts' homes
// (PrivatePasswd.h) written, read and checked the way the tests need.
#pragma once

#include "PamPkcs11Peer.h"
#include "PeerProcess.h"
#include "PrivatePasswd.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <sys/stat.h>
#include <unistd.h>

namespace UserStoreFixture {

/// A pam_pkcs11.conf that reads the bench's card through OpenSC and maps with `mapper` only
/// ("opensc" or "openssh").
inline bool writePamConfig(const QString& path, const QString& mapper)
{
    return pampeer::writeConfig(path, {{mapper, QString(), QString()}});
}

/// The login pklogin_finder prints for the card ("" when none; it then exits 1).
inline PeerResult findLogin(const QString& config)
{
    return pampeer::runFinder(config);
}

inline QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Writes `bytes` to `path` owned by `account` with `mode`, creating the folder (0755, the account's).
inline bool writeAs(const PrivatePasswd::Account& account, const QString& path, const QByteArray& bytes, mode_t mode,
                    mode_t folderMode)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder) || ::chown(QFile::encodeName(folder).constData(), account.uid, account.gid) != 0 ||
        ::chmod(QFile::encodeName(folder).constData(), folderMode) != 0) {
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        return false;
    }
    file.close();
    return ::chown(QFile::encodeName(path).constData(), account.uid, account.gid) == 0 &&
           ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

struct Owner
{
    bool exists = false;
    uid_t uid = 0;
    gid_t gid = 0;
    mode_t mode = 0;
    bool isLink = false;
};

inline Owner ownerOf(const QString& path)
{
    struct stat st = {};
    Owner o;
    if (::lstat(QFile::encodeName(path).constData(), &st) == 0) {
        o.exists = true;
        o.uid = st.st_uid;
        o.gid = st.st_gid;
        o.mode = st.st_mode & 07777;
        o.isLink = S_ISLNK(st.st_mode);
    }
    return o;
}

} // namespace UserStoreFixture
