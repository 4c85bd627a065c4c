#pragma once

#include "CertmapRules.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace tokendesk {

/// What one rule makes of a certificate.
struct CertmapMatch
{
    CertmapRule rule;
    QString filter; ///< the LDAP filter the rule's maprule gives, as SSSD would search with it
};

/// SSSD's certificate mapping, done by SSSD's own library (libsss_certmap): which rules match a
/// certificate and the LDAP filter each gives. A rule SSSD would refuse is reported, not skipped.
class CertmapEvaluator
{
public:
    /// The rules that match `der`, highest priority first: the first is the one SSSD searches with.
    /// Errors: ConfigInvalid (detail: the rule and why) when libsss_certmap refuses a rule.
    [[nodiscard]] static Result<QList<CertmapMatch>, PairingError>
    evaluate(const QList<CertmapRule>& rules, const QByteArray& der, const QString& configPath);
};

} // namespace tokendesk
