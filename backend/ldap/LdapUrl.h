#pragma once

#include "backend/common/Result.h"
#include "backend/pairing/PairingError.h"

#include <QString>

namespace tokendesk {

/// A directory named by an LDAP URL (RFC 4516) with its search base:
/// `ldap://dir.example:389/ou=people,dc=example,dc=test` or `ldaps://...`. Parsed by libldap's own
/// ldap_url_parse, so TokenDesk reads it as ldapsearch -H and SSSD's ldap_uri do.
struct LdapUrl
{
    QString text;   ///< as given: the store's name
    QString server; ///< scheme://host:port, for ldap_initialize
    QString host;
    int port = 0;
    QString base; ///< the search base (the URL's DN), never empty
    bool ldaps = false;

    /// Errors: BadStoreSpec (detail: the text) for anything but ldap:// or ldaps:// with a host and a base.
    [[nodiscard]] static Result<LdapUrl, PairingError> parse(const QString& text);
    /// Whether `spec` names a directory (starts with ldap:// or ldaps://).
    /// Inline: the pairing layer asks it without linking libldap (docs/ARCHITECTURE.md).
    static bool isDirectory(const QString& spec)
    {
        return spec.startsWith(QLatin1String("ldap://"), Qt::CaseInsensitive) ||
               spec.startsWith(QLatin1String("ldaps://"), Qt::CaseInsensitive);
    }
};

} // namespace tokendesk
