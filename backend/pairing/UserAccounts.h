#pragma once

#include <QList>
#include <QString>
#include <optional>
#include <sys/types.h>

namespace tokendesk {

/// One account as the system's user database (NSS: /etc/passwd, a directory) gives it.
struct UserAccount
{
    QString login;
    uid_t uid = 0;
    gid_t gid = 0;
    QString home; ///< empty when the account has none

    bool operator==(const UserAccount& o) const
    {
        return login == o.login && uid == o.uid && gid == o.gid && home == o.home;
    }
};

/// The accounts the per-user stores live in, read the way pam_pkcs11's opensc and openssh mappers
/// read them: getpwent order for "every account", getpwnam for one. getpwent's cursor is shared by
/// the whole process, so every walk holds one lock from setpwent to endpwent.
class UserAccounts
{
public:
    /// Every account, in getpwent order (the order the mappers try them in).
    static QList<UserAccount> all();
    /// The account named `login`, if the system knows it.
    static std::optional<UserAccount> find(const QString& login);
    /// "alice (uid 1001)", or "root".
    static QString describe(const UserAccount& account);
    /// Who owns `path`, or the folder it would be created in, as describe() says it ("uid N" for an
    /// owner without an account); empty when neither exists.
    static QString ownerOf(const QString& path);
};

} // namespace tokendesk
