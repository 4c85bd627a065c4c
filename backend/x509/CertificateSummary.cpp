#include "CertificateSummary.h"

#include "CertificateFields.h"

#include <QCryptographicHash>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/x509.h>

namespace tokendesk {

namespace {
QString bignumDecimal(BIGNUM* bn)
{
    QString text;
    if (bn) {
        if (char* dec = BN_bn2dec(bn)) {
            text = QString::fromLatin1(dec);
            OPENSSL_free(dec);
        }
        BN_free(bn);
    }
    return text;
}
} // namespace

std::optional<CertificateSummary> CertificateSummary::read(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509* cert = d2i_X509(nullptr, &p, long(der.size()));
    if (!cert) {
        ERR_clear_error();
        return std::nullopt;
    }
    const bool whole = p == reinterpret_cast<const unsigned char*>(der.constData()) + der.size();
    CertificateSummary s;
    s.sha256 = QCryptographicHash::hash(der, QCryptographicHash::Sha256);
    s.subject = CertificateFields::nameText(X509_get_subject_name(cert));
    s.issuer = CertificateFields::nameText(X509_get_issuer_name(cert));
    s.serialDecimal = bignumDecimal(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
    s.notAfter = CertificateFields::time(X509_get0_notAfter(cert));
    X509_free(cert);
    if (!whole) {
        return std::nullopt;
    }
    return s;
}

QString CertificateSummary::decimalSerial(const QString& hex)
{
    const bool negative = hex.startsWith(QLatin1Char('-'));
    const QByteArray digits = (negative ? hex.mid(1) : hex).toLatin1();
    BIGNUM* bn = nullptr;
    if (digits.isEmpty() || BN_hex2bn(&bn, digits.constData()) != digits.size()) {
        BN_free(bn);
        return {};
    }
    BN_set_negative(bn, negative ? 1 : 0);
    return bignumDecimal(bn);
}

} // namespace tokendesk
