#pragma once

#include "backend/common/SecureBytes.h"

#include <QString>
#include <memory>

namespace tokendesk {

/// How TokenDesk talks to a directory (the ldap pairing store): who binds, how TLS is checked,
/// where accounts and certificates are, how long to wait. The URL itself is the store's name.
struct DirectoryOptions
{
    static constexpr int kDefaultTimeoutMs = 5000;
    static constexpr int kDefaultPageSize = 1000;
    /// The first page of a listing: the certificates of each page are parsed before it is shown,
    /// so a small first page is on screen in a fraction of the time of a full one.
    static constexpr int kDefaultFirstPageSize = 100;

    QString bindDn;        ///< empty: anonymous bind
    QString caFile;        ///< PEM file of the CA(s) to trust; empty: the system's store
    bool startTls = false; ///< ldap:// upgraded with StartTLS (required: no plain-text fallback)
    /// %s is the login, escaped as an RFC 4515 value.
    QString userFilter = QStringLiteral("(&(objectClass=posixAccount)(uid=%s))");
    QString loginAttribute = QStringLiteral("uid");
    QString certificateAttribute = QStringLiteral("userCertificate;binary");
    int connectTimeoutMs = kDefaultTimeoutMs;
    int operationTimeoutMs = kDefaultTimeoutMs;
    int pageSize = kDefaultPageSize;
    int firstPageSize = kDefaultFirstPageSize; ///< at most pageSize
    QString sssdConf; ///< SSSD's configuration with the certificate mapping rules; empty: the system's

    /// The settings' (Settings::Key::Directory*), with the defaults above where unset.
    static DirectoryOptions fromSettings();
    /// Writes every field into the settings.
    void save() const;
    /// /etc/sssd/sssd.conf.
    static QString defaultSssdConf();
};

/// Options and the bind password, shared by the copies of a pairing choice for as long as any
/// holds it; the password is wiped when the last one goes.
struct DirectoryAccess
{
    DirectoryOptions options;
    SecureBytes password;
};

using DirectoryAccessPtr = std::shared_ptr<const DirectoryAccess>;

} // namespace tokendesk
