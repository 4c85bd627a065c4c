#include "CertificateInfo.h"

#include "CertificateParser.h"

namespace tokendesk {

bool CertificateInfo::hasExtendedKeyUsage(const QString& oid) const
{
    for (const ExtendedKeyUsage& e : extendedKeyUsage) {
        if (e.oid == oid) {
            return true;
        }
    }
    return false;
}

CertificateValidity CertificateInfo::validityAt(const QDateTime& now) const
{
    if (notBefore.isValid() && now < notBefore) {
        return CertificateValidity::NotYetValid;
    }
    if (notAfter.isValid() && now > notAfter) {
        return CertificateValidity::Expired;
    }
    if (notAfter.isValid() && now.addDays(kExpiresSoonDays) > notAfter) {
        return CertificateValidity::ExpiresSoon;
    }
    return CertificateValidity::Valid;
}

qint64 CertificateInfo::daysLeft(const QDateTime& now) const
{
    if (!notAfter.isValid()) {
        return 0;
    }
    const qint64 seconds = now.secsTo(notAfter);
    // Round towards minus infinity, so that an hour past expiry is already day -1.
    constexpr qint64 day = 24 * 3600;
    return seconds >= 0 ? seconds / day : -((-seconds + day - 1) / day);
}

QString CertificateInfo::colonHex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex(':').toUpper());
}

bool CertificateInfo::operator==(const CertificateInfo& o) const
{
    // The rest is derived from the DER, but a snapshot compares whole so that a changed parser shows.
    return der == o.der && subject == o.subject && issuer == o.issuer && subjectEntries == o.subjectEntries &&
           issuerEntries == o.issuerEntries && friendlyName == o.friendlyName && version == o.version &&
           serial == o.serial && notBefore == o.notBefore && notAfter == o.notAfter && key == o.key &&
           signatureAlgorithm == o.signatureAlgorithm && signatureAlgorithmOid == o.signatureAlgorithmOid &&
           subjectAltNames == o.subjectAltNames && hasKeyUsage == o.hasKeyUsage && keyUsage == o.keyUsage &&
           extendedKeyUsage == o.extendedKeyUsage && basicConstraints == o.basicConstraints && policies == o.policies &&
           ocspUrls == o.ocspUrls && caIssuersUrls == o.caIssuersUrls &&
           crlDistributionPoints == o.crlDistributionPoints && subjectKeyId == o.subjectKeyId &&
           authorityKeyId == o.authorityKeyId && sha1 == o.sha1 && sha256 == o.sha256 &&
           publicKeySha1 == o.publicKeySha1 && spkiSha256 == o.spkiSha256 && extensions == o.extensions &&
           namesRepaired == o.namesRepaired;
}

bool CertificateInfo::isSelfSigned() const
{
    return CertificateParser::isSelfSigned(der);
}

} // namespace tokendesk
