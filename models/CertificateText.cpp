#include "CertificateText.h"

#include "PrintableText.h"

#include <QLocale>
#include <climits>

namespace tokendesk {

QString CertificateText::validity(CertificateValidity validity)
{
    switch (validity) {
    case CertificateValidity::Valid:
        return tr("Valid");
    case CertificateValidity::Expired:
        return tr("Expired");
    case CertificateValidity::NotYetValid:
        return tr("Not yet valid");
    case CertificateValidity::ExpiresSoon:
        return tr("Expires soon");
    }
    return {};
}

QString CertificateText::validityDetails(const CertificateInfo& info, const QDateTime& now)
{
    const qint64 days = info.daysLeft(now);
    switch (info.validityAt(now)) {
    case CertificateValidity::Valid:
    case CertificateValidity::ExpiresSoon:
        return days == 0   ? tr("Expires today.")
               : days == 1 ? tr("Expires tomorrow.")
                           : tr("Expires in %n days.", nullptr, static_cast<int>(days));
    case CertificateValidity::Expired:
        return (days == -1 ? tr("Expired yesterday.")
                           : tr("Expired %n days ago.", nullptr, static_cast<int>(std::min<qint64>(-days, INT_MAX))));
    case CertificateValidity::NotYetValid:
        return tr("Valid from %1.").arg(dateTime(info.notBefore));
    }
    return {};
}

QString CertificateText::validityShort(const CertificateInfo& info, const QDateTime& now)
{
    const qint64 days = info.daysLeft(now);
    const QString iso = QStringLiteral("yyyy-MM-dd");
    switch (info.validityAt(now)) {
    case CertificateValidity::Valid:
        return tr("Valid until %1").arg(info.notAfter.toUTC().toString(iso));
    case CertificateValidity::ExpiresSoon:
        return days == 0   ? tr("Expires today")
               : days == 1 ? tr("Expires tomorrow")
                           : tr("Expires in %n days", nullptr, static_cast<int>(days));
    case CertificateValidity::Expired:
        return days == 0
                   ? tr("Expired today")
                   : (days == -1
                          ? tr("Expired yesterday")
                          : tr("Expired %n days ago", nullptr, static_cast<int>(std::min<qint64>(-days, INT_MAX))));
    case CertificateValidity::NotYetValid:
        return tr("Not valid before %1").arg(info.notBefore.toUTC().toString(iso));
    }
    return {};
}

QString CertificateText::validitySentence(const CertificateInfo& info, const QDateTime& now)
{
    const qint64 days = info.daysLeft(now);
    const QLocale locale;
    const QString until = locale.toString(info.notAfter.toUTC().date(), QStringLiteral("d MMMM yyyy"));
    switch (info.validityAt(now)) {
    case CertificateValidity::Valid:
    case CertificateValidity::ExpiresSoon:
        return (days == 1 ? tr("Valid until %1 (1 day)")
                          : tr("Valid until %1 (%n days)", nullptr, static_cast<int>(std::min<qint64>(days, INT_MAX))))
            .arg(until);
    case CertificateValidity::Expired:
        return days == 0
                   ? tr("Expired today (%1)").arg(until)
                   : (days == -1
                          ? tr("Expired 1 day ago (%1)")
                          : tr("Expired %n days ago (%1)", nullptr, static_cast<int>(std::min<qint64>(-days, INT_MAX))))
                         .arg(until);
    case CertificateValidity::NotYetValid:
        return tr("Not valid before %1")
            .arg(locale.toString(info.notBefore.toUTC().date(), QStringLiteral("d MMMM yyyy")));
    }
    return {};
}

QString CertificateText::keyAlgorithm(KeyAlgorithm algorithm)
{
    switch (algorithm) {
    case KeyAlgorithm::Rsa:
        return QStringLiteral("RSA");
    case KeyAlgorithm::Ec:
        return QStringLiteral("EC");
    case KeyAlgorithm::Ed25519:
        return QStringLiteral("Ed25519");
    case KeyAlgorithm::Ed448:
        return QStringLiteral("Ed448");
    case KeyAlgorithm::Dsa:
        return QStringLiteral("DSA");
    case KeyAlgorithm::Other:
        return tr("Other");
    }
    return {};
}

QString CertificateText::key(const PublicKeyInfo& key)
{
    switch (key.algorithm) {
    case KeyAlgorithm::Rsa:
    case KeyAlgorithm::Dsa:
        return tr("%1 %2 bits").arg(keyAlgorithm(key.algorithm)).arg(key.bits);
    case KeyAlgorithm::Ec:
        if (key.curve.isEmpty()) {
            return tr("EC %1 bits").arg(key.bits);
        }
        return key.nistCurve.isEmpty() ? QStringLiteral("EC %1").arg(key.curve)
                                       : QStringLiteral("EC %1 (%2)").arg(key.nistCurve, key.curve);
    case KeyAlgorithm::Ed25519:
    case KeyAlgorithm::Ed448:
        return keyAlgorithm(key.algorithm);
    case KeyAlgorithm::Other:
        break;
    }
    return key.name.isEmpty() ? tr("Unknown (%1)").arg(key.oid) : key.name;
}

QString CertificateText::generalNameType(GeneralName::Type type)
{
    switch (type) {
    case GeneralName::Type::Dns:
        return tr("DNS");
    case GeneralName::Type::Email:
        return tr("Email");
    case GeneralName::Type::Uri:
        return tr("URI");
    case GeneralName::Type::Ip:
        return tr("IP address");
    case GeneralName::Type::Upn:
        return tr("UPN", "Microsoft user principal name");
    case GeneralName::Type::DirectoryName:
        return tr("Directory name");
    case GeneralName::Type::RegisteredId:
        return tr("Registered ID");
    case GeneralName::Type::Other:
        return tr("Other name");
    }
    return {};
}

QString CertificateText::generalName(const GeneralName& name)
{
    if (name.type == GeneralName::Type::Other && !name.oid.isEmpty()) {
        return tr("Other name %1: %2").arg(name.oid, name.value);
    }
    return generalNameType(name.type) % QStringLiteral(": ") % name.value;
}

QString CertificateText::keyUsage(KeyUsage usage)
{
    switch (usage) {
    case KeyUsage::DigitalSignature:
        return tr("Digital signature");
    case KeyUsage::NonRepudiation:
        return tr("Non-repudiation");
    case KeyUsage::KeyEncipherment:
        return tr("Key encipherment");
    case KeyUsage::DataEncipherment:
        return tr("Data encipherment");
    case KeyUsage::KeyAgreement:
        return tr("Key agreement");
    case KeyUsage::KeyCertSign:
        return tr("Certificate signing");
    case KeyUsage::CrlSign:
        return tr("CRL signing");
    case KeyUsage::EncipherOnly:
        return tr("Encipher only");
    case KeyUsage::DecipherOnly:
        return tr("Decipher only");
    }
    return {};
}

QString CertificateText::extendedKeyUsage(const ExtendedKeyUsage& usage)
{
    const QString& oid = usage.oid;
    if (oid == QLatin1String(eku::kServerAuth)) {
        return tr("TLS server authentication");
    }
    if (oid == QLatin1String(eku::kClientAuth)) {
        return tr("TLS client authentication");
    }
    if (oid == QLatin1String(eku::kCodeSigning)) {
        return tr("Code signing");
    }
    if (oid == QLatin1String(eku::kEmailProtection)) {
        return tr("Email protection (S/MIME)");
    }
    if (oid == QLatin1String(eku::kTimeStamping)) {
        return tr("Time stamping");
    }
    if (oid == QLatin1String(eku::kOcspSigning)) {
        return tr("OCSP signing");
    }
    if (oid == QLatin1String(eku::kSmartcardLogon)) {
        return tr("Smart card logon");
    }
    if (oid == QLatin1String(eku::kPkinitClient)) {
        return tr("Kerberos client authentication (PKINIT)");
    }
    if (oid == QLatin1String(eku::kPkinitKdc)) {
        return tr("Kerberos KDC (PKINIT)");
    }
    if (oid == QLatin1String(eku::kAny)) {
        return tr("Any purpose");
    }
    return usage.name.isEmpty() ? oid : usage.name;
}

QString CertificateText::basicConstraints(const BasicConstraints& c)
{
    if (!c.present || !c.ca) {
        return tr("Not a CA");
    }
    return c.pathLength ? tr("CA, path length %1").arg(*c.pathLength) : tr("CA, no path length limit");
}

QString CertificateText::chainStatus(ChainStatus status)
{
    switch (status) {
    case ChainStatus::Trusted:
        return tr("The certificate is trusted.");
    case ChainStatus::UntrustedRoot:
        return tr("The chain ends at a root certificate that is not trusted.");
    case ChainStatus::MissingIssuer:
        return tr("The certificate of an issuer is missing, so the chain cannot be checked.");
    case ChainStatus::Expired:
        return tr("A certificate of the chain has expired.");
    case ChainStatus::NotYetValid:
        return tr("A certificate of the chain is not valid yet.");
    case ChainStatus::Revoked:
        return tr("A certificate of the chain has been revoked.");
    case ChainStatus::SignatureFailure:
        return tr("A signature in the chain does not verify: a certificate was altered or mis-issued.");
    case ChainStatus::Other:
        return tr("The chain could not be verified.");
    }
    return {};
}

QString CertificateText::error(const X509Error& e)
{
    const QString path = PrintableText::escape(e.path);
    const QString what = e.path.isEmpty() ? tr("The data") : tr("The file %1").arg(path);
    switch (e.code) {
    case X509Error::Code::Empty:
        return tr("%1 is empty.").arg(what);
    case X509Error::Code::Truncated:
        return tr("%1 holds a certificate that is cut off.").arg(what);
    case X509Error::Code::NotACertificate:
        return tr("%1 is not a certificate.").arg(what);
    case X509Error::Code::BadPem:
        return tr("%1 holds a PEM certificate block that is damaged.").arg(what);
    case X509Error::Code::Unreadable:
        return e.path.isEmpty() ? tr("The certificate cannot be read.")
                                : tr("The file %1 cannot be read (%2).").arg(path, e.detail);
    case X509Error::Code::TooLarge:
        return tr("%1 is too large to be a certificate file.").arg(what);
    case X509Error::Code::Internal:
        return tr("Reading the certificate failed inside OpenSSL.");
    }
    return {};
}

QString CertificateText::dateTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC")
                          : tr("unknown");
}

QString CertificateText::bundleSkipped(const CertificateBundle& bundle)
{
    QStringList parts;
    if (bundle.skippedBytes() > 0) {
        parts << tr("%n byte(s) of text that is not PEM", nullptr,
                    int(qMin<qsizetype>(bundle.skippedBytes(), INT_MAX)));
    }
    if (bundle.otherBlocks() > 0) {
        parts << tr("%n block(s) that are not certificates", nullptr, bundle.otherBlocks());
    }
    if (bundle.brokenBlocks() > 0) {
        parts << tr("%n damaged certificate block(s)", nullptr, bundle.brokenBlocks());
    }
    if (bundle.truncated()) {
        parts << tr("the certificates after the first %1").arg(CertificateBundle::kMaxCertificates);
    }
    return tr("skipped %1.").arg(parts.join(QStringLiteral("; ")));
}

} // namespace tokendesk
