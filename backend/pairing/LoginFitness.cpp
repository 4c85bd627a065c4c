#include "LoginFitness.h"

namespace tokendesk {

namespace {
const QString kClientAuth = QStringLiteral("1.3.6.1.5.5.7.3.2");
const QString kSmartcardLogon = QStringLiteral("1.3.6.1.4.1.311.20.2.2");
const QString kAnyExtendedKeyUsage = QStringLiteral("2.5.29.37.0");
} // namespace

QList<FitnessWarning> LoginFitness::check(const CertificateInfo& certificate, const ChainResult* chain,
                                          const QDateTime& now)
{
    QList<FitnessWarning> warnings;
    switch (certificate.validityAt(now)) {
    case CertificateValidity::Expired:
        warnings.append(FitnessWarning::Expired);
        break;
    case CertificateValidity::NotYetValid:
        warnings.append(FitnessWarning::NotYetValid);
        break;
    case CertificateValidity::ExpiresSoon:
        warnings.append(FitnessWarning::ExpiresSoon);
        break;
    case CertificateValidity::Valid:
        break;
    }
    if (certificate.hasKeyUsage && !certificate.hasKeyUsageBit(KeyUsage::DigitalSignature)) {
        warnings.append(FitnessWarning::NoDigitalSignature);
    }
    // RFC 5280 4.2.1.12: without the extension the key may serve any purpose.
    if (!certificate.extendedKeyUsage.isEmpty() && !certificate.hasExtendedKeyUsage(kClientAuth) &&
        !certificate.hasExtendedKeyUsage(kSmartcardLogon) && !certificate.hasExtendedKeyUsage(kAnyExtendedKeyUsage)) {
        warnings.append(FitnessWarning::NoLoginUsage);
    }
    if (chain && !chain->trusted()) {
        warnings.append(FitnessWarning::Untrusted);
    }
    return warnings;
}

QString LoginFitness::codeName(FitnessWarning warning)
{
    switch (warning) {
    case FitnessWarning::Expired:
        return QStringLiteral("expired");
    case FitnessWarning::NotYetValid:
        return QStringLiteral("not_yet_valid");
    case FitnessWarning::ExpiresSoon:
        return QStringLiteral("expires_soon");
    case FitnessWarning::NoDigitalSignature:
        return QStringLiteral("no_digital_signature");
    case FitnessWarning::NoLoginUsage:
        return QStringLiteral("no_login_usage");
    case FitnessWarning::Untrusted:
        return QStringLiteral("untrusted");
    }
    return QString();
}

} // namespace tokendesk
