#pragma once

#include "backend/common/Result.h"
#include "backend/pairing/PairingError.h"

#include <QList>
#include <QString>
#include <cstdint>

namespace tokendesk {

/// One of SSSD's certificate mapping rules (sssd.conf's `[certmap/DOMAIN/NAME]`, sss-certmap(5)).
struct CertmapRule
{
    QString domain;
    QString name;
    QString matchRule;             ///< which certificates the rule is for, e.g. "<ISSUER>^CN=Test CA$"
    QString mapRule;               ///< how to find the account, e.g. "LDAP:(userCertificate;binary={cert!bin})"
    quint32 priority = UINT32_MAX; ///< 0 is the highest; absent: the lowest
    bool isDefault = false;        ///< SSSD's own rule, used when the configuration has none

    /// "certmap/DOMAIN/NAME", or "SSSD's default rule".
    QString section() const;
};

/// The rules SSSD would apply, read from its configuration (INI, sssd.conf(5)).
class CertmapRules
{
public:
    /// The rules of `path` in priority order (stable: file order within a priority); SSSD's default
    /// rule when it has none. Errors: ConfigUnreadable (not there or not readable), ConfigInvalid
    /// (a priority that is not a number, a rule without maprule).
    [[nodiscard]] static Result<QList<CertmapRule>, PairingError> read(const QString& path);
    /// The same from text (for tests and read()).
    [[nodiscard]] static Result<QList<CertmapRule>, PairingError> parse(const QByteArray& text, const QString& path);
    /// SSSD's default: match "<KU>digitalSignature<EKU>clientAuth", map
    /// "LDAP:(userCertificate;binary={cert!bin})".
    static CertmapRule defaultRule();
};

} // namespace tokendesk
