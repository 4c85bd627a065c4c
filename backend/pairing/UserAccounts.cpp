#include "UserAccounts.h"

#include "backend/common/FileName.h"

#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <cerrno>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace tokendesk {

namespace {
QMutex& walkLock()
{
    static QMutex lock;
    return lock;
}

UserAccount toAccount(const struct passwd& pw)
{
    UserAccount account;
    account.login = QString::fromLocal8Bit(pw.pw_name);
    account.uid = pw.pw_uid;
    account.gid = pw.pw_gid;
    if (pw.pw_dir && *pw.pw_dir) {
        account.home = FileName::fromBytes(QByteArray(pw.pw_dir));
    }
    return account;
}
} // namespace

QList<UserAccount> UserAccounts::all()
{
    QMutexLocker locker(&walkLock());
    QList<UserAccount> accounts;
    ::setpwent();
    while (const struct passwd* pw = ::getpwent()) {
        accounts.append(toAccount(*pw));
    }
    ::endpwent();
    return accounts;
}

std::optional<UserAccount> UserAccounts::find(const QString& login)
{
    const QByteArray name = login.toLocal8Bit();
    if (name.isEmpty() || name.contains('\0')) {
        return std::nullopt;
    }
    long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(static_cast<size_t>(size > 0 ? size : 16384));
    struct passwd pw = {};
    struct passwd* found = nullptr;
    for (;;) {
        const int rc = ::getpwnam_r(name.constData(), &pw, buffer.data(), buffer.size(), &found);
        if (rc == ERANGE && buffer.size() < 1024 * 1024) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (rc != 0 || !found) {
            return std::nullopt;
        }
        return toAccount(pw);
    }
}

QString UserAccounts::ownerOf(const QString& path)
{
    struct stat st = {};
    if (::stat(FileName::toBytes(path).constData(), &st) != 0 &&
        ::stat(FileName::toBytes(QFileInfo(path).absolutePath()).constData(), &st) != 0) {
        return QString();
    }
    const struct passwd* pw = ::getpwuid(st.st_uid);
    if (st.st_uid != 0 && !pw) {
        return QStringLiteral("uid %1").arg(st.st_uid);
    }
    UserAccount owner;
    owner.uid = st.st_uid;
    owner.login = pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
    return describe(owner);
}

QString UserAccounts::describe(const UserAccount& account)
{
    if (account.uid == 0) {
        return QStringLiteral("root");
    }
    return QStringLiteral("%1 (uid %2)").arg(account.login).arg(account.uid);
}

} // namespace tokendesk
