#include "LdapUrl.h"

#include <ldap.h>

namespace tokendesk {

Result<LdapUrl, PairingError> LdapUrl::parse(const QString& text)
{
    const auto refuse = [&text]() {
        return PairingError::make(PairingError::Code::BadStoreSpec, QString(), text);
    };
    if (!isDirectory(text)) {
        return refuse();
    }
    const QByteArray utf8 = text.toUtf8();
    if (utf8.contains('\0')) {
        return refuse();
    }
    LDAPURLDesc* desc = nullptr;
    if (ldap_url_parse(utf8.constData(), &desc) != LDAP_URL_SUCCESS || !desc) {
        return refuse();
    }
    LdapUrl url;
    url.text = text;
    url.ldaps = qstricmp(desc->lud_scheme, "ldaps") == 0;
    url.host = QString::fromUtf8(desc->lud_host ? desc->lud_host : "");
    url.port = desc->lud_port > 0 ? desc->lud_port : (url.ldaps ? LDAPS_PORT : LDAP_PORT);
    url.base = QString::fromUtf8(desc->lud_dn ? desc->lud_dn : "");
    const bool critical = desc->lud_crit_exts > 0;
    ldap_free_urldesc(desc);
    // A host is required: "ldap:///" would mean whatever ldap.conf says, not what the user typed.
    if (url.host.isEmpty() || url.base.isEmpty() || critical) {
        return refuse();
    }
    const QString host =
        url.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + url.host + QLatin1Char(']') : url.host;
    url.server =
        QStringLiteral("%1://%2:%3")
            .arg(url.ldaps ? QStringLiteral("ldaps") : QStringLiteral("ldap"), host, QString::number(url.port));
    return url;
}

} // namespace tokendesk
