#include "CertificateSummary.h"

#include "CertificateFields.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

namespace tokendesk {

namespace {

/// One DER element inside [data, end): its tag, where its contents start and end.
struct Element
{
    unsigned char tag = 0;
    const unsigned char* begin = nullptr; ///< the tag byte
    const unsigned char* content = nullptr;
    const unsigned char* end = nullptr; ///< one past the contents
};

/// Reads the element at `p` (single-byte tags, definite lengths up to 4 bytes, as DER has).
std::optional<Element> element(const unsigned char* p, const unsigned char* end)
{
    if (end - p < 2 || (p[0] & 0x1f) == 0x1f) {
        return std::nullopt;
    }
    Element e;
    e.begin = p;
    e.tag = p[0];
    size_t length = p[1];
    const unsigned char* q = p + 2;
    if (length & 0x80) {
        const size_t bytes = length & 0x7f;
        if (bytes == 0 || bytes > 4 || size_t(end - q) < bytes) {
            return std::nullopt;
        }
        length = 0;
        for (size_t i = 0; i < bytes; ++i) {
            length = (length << 8) | *q++;
        }
    }
    if (size_t(end - q) < length) {
        return std::nullopt;
    }
    e.content = q;
    e.end = q + length;
    return e;
}

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
    constexpr unsigned char kSequence = 0x30;
    const auto* start = reinterpret_cast<const unsigned char*>(der.constData());
    const unsigned char* end = start + der.size();
    // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature }, nothing after it.
    const auto certificate = element(start, end);
    if (!certificate || certificate->tag != kSequence || certificate->end != end) {
        return std::nullopt;
    }
    const auto tbs = element(certificate->content, certificate->end);
    if (!tbs || tbs->tag != kSequence) {
        return std::nullopt;
    }
    // TBSCertificate: [0] version (optional), serialNumber, signature, issuer, validity, subject, ...
    const unsigned char* p = tbs->content;
    auto field = element(p, tbs->end);
    if (field && field->tag == 0xa0) {
        field = element(field->end, tbs->end);
    }
    if (!field || field->tag != 0x02) { // serialNumber INTEGER
        return std::nullopt;
    }
    const auto signature = element(field->end, tbs->end);
    const auto issuer = signature ? element(signature->end, tbs->end) : std::nullopt;
    const auto validity = issuer ? element(issuer->end, tbs->end) : std::nullopt;
    const auto subject = validity ? element(validity->end, tbs->end) : std::nullopt;
    if (!subject || signature->tag != kSequence || issuer->tag != kSequence || validity->tag != kSequence ||
        subject->tag != kSequence) {
        return std::nullopt;
    }
    const auto notBefore = element(validity->content, validity->end);
    const auto notAfter = notBefore ? element(notBefore->end, validity->end) : std::nullopt;
    if (!notAfter) {
        return std::nullopt;
    }
    CertificateSummary s;
    const unsigned char* q = notAfter->begin;
    ASN1_TIME* time = d2i_ASN1_TIME(nullptr, &q, long(notAfter->end - notAfter->begin));
    q = subject->begin;
    X509_NAME* name = d2i_X509_NAME(nullptr, &q, long(subject->end - subject->begin));
    if (time && name) {
        s.notAfter = CertificateFields::time(time);
        s.subject = CertificateFields::nameText(name);
    }
    ASN1_TIME_free(time);
    X509_NAME_free(name);
    if (!s.notAfter.isValid()) {
        ERR_clear_error();
        return std::nullopt;
    }
    s.sha256.resize(SHA256_DIGEST_LENGTH);
    SHA256(start, size_t(der.size()), reinterpret_cast<unsigned char*>(s.sha256.data()));
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
