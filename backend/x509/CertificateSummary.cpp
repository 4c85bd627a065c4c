#include "CertificateSummary.h"

#include "CertificateFields.h"

#include <cstring>
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

/// The short name OpenSSL prints for the common attribute types of a name (DER of the OID's
/// contents); null for others.
const char* shortName(const unsigned char* oid, size_t size)
{
    struct Known
    {
        const char* der;
        size_t size;
        const char* name;
    };
    static const Known known[] = {
        {"\x55\x04\x03", 3, "CN"},
        {"\x55\x04\x06", 3, "C"},
        {"\x55\x04\x07", 3, "L"},
        {"\x55\x04\x08", 3, "ST"},
        {"\x55\x04\x0a", 3, "O"},
        {"\x55\x04\x0b", 3, "OU"},
        {"\x55\x04\x05", 3, "serialNumber"},
        {"\x55\x04\x04", 3, "SN"},
        {"\x55\x04\x2a", 3, "GN"},
        {"\x55\x04\x0c", 3, "title"},
        {"\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x19", 10, "DC"},
        {"\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x01", 10, "UID"},
        {"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x01", 9, "emailAddress"},
    };
    for (const Known& k : known) {
        if (k.size == size && std::memcmp(k.der, oid, size) == 0) {
            return k.name;
        }
    }
    return nullptr;
}

/// RFC 4514 text of a Name as CertificateFields::nameText prints it, for the plain case only:
/// one attribute per RDN, a type above, a PrintableString, UTF8String or IA5String of printable
/// ASCII that needs no escaping. Null otherwise (OpenSSL then prints it).
std::optional<QString> plainNameText(const unsigned char* p, const unsigned char* end)
{
    QList<QString> rdns;
    while (p < end) {
        const auto set = element(p, end);
        if (!set || set->tag != 0x31) {
            return std::nullopt;
        }
        const auto pair = element(set->content, set->end);
        if (!pair || pair->tag != 0x30 || pair->end != set->end) {
            return std::nullopt; // a multi-valued RDN
        }
        const auto oid = element(pair->content, pair->end);
        const auto value = oid ? element(oid->end, pair->end) : std::nullopt;
        if (!value || oid->tag != 0x06 || value->end != pair->end ||
            (value->tag != 0x13 && value->tag != 0x0c && value->tag != 0x16) || value->content == value->end) {
            return std::nullopt;
        }
        const char* name = shortName(oid->content, size_t(oid->end - oid->content));
        if (!name) {
            return std::nullopt;
        }
        const auto first = *value->content;
        const auto last = *(value->end - 1);
        if (first == '#' || first == ' ' || last == ' ') {
            return std::nullopt;
        }
        for (const unsigned char* c = value->content; c < value->end; ++c) {
            if (*c < 0x20 || *c > 0x7e || std::strchr(",+\"\\<>;", *c)) {
                return std::nullopt;
            }
        }
        rdns.append(QLatin1String(name) + QLatin1Char('=') +
                    QLatin1String(reinterpret_cast<const char*>(value->content), value->end - value->content));
        p = set->end;
    }
    QString text;
    for (qsizetype i = rdns.size() - 1; i >= 0; --i) { // RFC 4514: the last RDN first
        text += rdns.at(i);
        if (i > 0) {
            text += QLatin1Char(',');
        }
    }
    return text;
}

/// UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ, as CertificateFields::time reads
/// them (UTCTime 50-99 is 19xx); invalid for any other form (OpenSSL then reads it).
QDateTime plainTime(const Element& e)
{
    const qsizetype size = e.end - e.content;
    const bool utc = e.tag == 0x17 && size == 13;
    const bool generalized = e.tag == 0x18 && size == 15;
    if ((!utc && !generalized) || e.content[size - 1] != 'Z') {
        return {};
    }
    int digits[14] = {};
    for (qsizetype i = 0; i < size - 1; ++i) {
        if (e.content[i] < '0' || e.content[i] > '9') {
            return {};
        }
        digits[i] = e.content[i] - '0';
    }
    const auto two = [&digits](int at) {
        return digits[at] * 10 + digits[at + 1];
    };
    int year = 0;
    int at = 0;
    if (utc) {
        year = two(0);
        year += year < 50 ? 2000 : 1900;
        at = 2;
    } else {
        year = two(0) * 100 + two(2);
        at = 4;
    }
    const QDate date(year, two(at), two(at + 2));
    const QTime time(two(at + 4), two(at + 6), two(at + 8));
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    return QDateTime(date, time, Qt::UTC);
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
    // The plain cases by hand; anything else as the whole parse reads it, through OpenSSL.
    s.notAfter = plainTime(*notAfter);
    if (!s.notAfter.isValid()) {
        const unsigned char* q = notAfter->begin;
        ASN1_TIME* time = d2i_ASN1_TIME(nullptr, &q, long(notAfter->end - notAfter->begin));
        if (time) {
            s.notAfter = CertificateFields::time(time);
        }
        ASN1_TIME_free(time);
    }
    if (auto plain = plainNameText(subject->content, subject->end)) {
        s.subject = std::move(*plain);
    } else {
        const unsigned char* q = subject->begin;
        X509_NAME* name = d2i_X509_NAME(nullptr, &q, long(subject->end - subject->begin));
        if (!name) {
            ERR_clear_error();
            return std::nullopt;
        }
        s.subject = CertificateFields::nameText(name);
        X509_NAME_free(name);
    }
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
