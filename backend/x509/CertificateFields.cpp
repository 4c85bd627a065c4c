#include "CertificateFields.h"

#include "backend/common/CFree.h"

#include <QCryptographicHash>
#include <QHash>
#include <QStringDecoder>
#include <cstring>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

namespace tokendesk {

namespace {

enum class Digest
{
    Sha1,
    Sha256
};

/// A certificate's fingerprint by OpenSSL, which uses the CPU's SHA instructions where it has them
/// (a certificate's SHA-256 in 0.4 us against 2.6 us with QCryptographicHash, here: four a
/// certificate, a token of thousands). Each algorithm is fetched once; Qt's where it cannot be.
QByteArray digest(Digest which, const QByteArray& bytes)
{
    // The default provider's where it is loaded: a provider configured in openssl.cnf (a PKCS#11
    // one) must not hash a card manager's certificates.
    static EVP_MD* const sha1 = EVP_MD_fetch(nullptr, "SHA1", "?provider=default");
    static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", "?provider=default");
    const EVP_MD* md = which == Digest::Sha1 ? sha1 : sha256;
    // A context per thread and algorithm, initialized again for each digest (EVP_Digest makes and
    // frees one each time: four a certificate).
    using Context = CPtr<EVP_MD_CTX, EVP_MD_CTX_free>;
    thread_local const Context contexts[2] = {Context(EVP_MD_CTX_new()), Context(EVP_MD_CTX_new())};
    EVP_MD_CTX* context = contexts[which == Digest::Sha1 ? 0 : 1].get();
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (md && context && EVP_DigestInit_ex2(context, md, nullptr) == 1 &&
        EVP_DigestUpdate(context, bytes.constData(), static_cast<size_t>(bytes.size())) == 1 &&
        EVP_DigestFinal_ex(context, out, &length) == 1) {
        return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(length));
    }
    ERR_clear_error();
    return QCryptographicHash::hash(bytes,
                                    which == Digest::Sha1 ? QCryptographicHash::Sha1 : QCryptographicHash::Sha256);
}

/// Whether two names are the same DER bytes (what a certificate's subject and issuer are when it
/// issued itself); false when either cannot be encoded.
bool sameEncoding(const X509_NAME* a, const X509_NAME* b)
{
    const unsigned char* aDer = nullptr;
    const unsigned char* bDer = nullptr;
    size_t aLength = 0;
    size_t bLength = 0;
    if (!a || !b || X509_NAME_get0_der(a, &aDer, &aLength) != 1 || X509_NAME_get0_der(b, &bDer, &bLength) != 1) {
        ERR_clear_error();
        return false;
    }
    return aLength == bLength && std::memcmp(aDer, bDer, aLength) == 0;
}
using Bio = CPtr<BIO, BIO_free>;

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data);
    return size > 0 && data ? QByteArray(data, static_cast<qsizetype>(size)) : QByteArray();
}

QByteArray asn1Bytes(const ASN1_STRING* s)
{
    if (!s || ASN1_STRING_length(s) <= 0) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
}

QString decodeLossy(const QByteArray& bytes, QStringConverter::Encoding encoding)
{
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    return decoder(bytes);
}

// RFC 4514 section 2.4, for the rare name X509_NAME_print_ex refuses.
QString escapeRfc4514(const QString& value)
{
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        const bool special = QStringLiteral(",+\"\\<>;=").contains(c);
        const bool edge = (i == 0 && (c == QLatin1Char(' ') || c == QLatin1Char('#'))) ||
                          (i == value.size() - 1 && c == QLatin1Char(' '));
        if (special || edge) {
            out += QLatin1Char('\\');
        }
        out += c;
    }
    return out;
}

QString friendlyNameOf(const CertificateInfo& info)
{
    const auto last = [&info](const char* shortName) {
        QString found;
        for (const NameEntry& e : info.subjectEntries) {
            if (e.shortName == QLatin1String(shortName) && !e.value.isEmpty()) {
                found = e.value;
            }
        }
        return found;
    };
    for (const char* name : {"CN", "O"}) {
        const QString value = last(name);
        if (!value.isEmpty()) {
            return value;
        }
    }
    // S/MIME certificates may carry the address only, in the subject or in subjectAltName.
    const QString email = last("emailAddress");
    if (!email.isEmpty()) {
        return email;
    }
    for (const GeneralName& n : info.subjectAltNames) {
        if (n.type == GeneralName::Type::Email) {
            return n.value;
        }
    }
    return info.subjectEntries.isEmpty() ? QString() : info.subjectEntries.constFirst().value;
}

QString utf8Param(const EVP_PKEY* key, const char* param)
{
    char buffer[128] = {};
    size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, param, buffer, sizeof buffer, &length) != 1) {
        return {};
    }
    return QString::fromUtf8(buffer, static_cast<qsizetype>(length));
}

PublicKeyInfo keyInfo(X509* cert)
{
    PublicKeyInfo key;
    ASN1_OBJECT* algorithm = nullptr;
    if (X509_PUBKEY_get0_param(&algorithm, nullptr, nullptr, nullptr, X509_get_X509_PUBKEY(cert)) == 1 && algorithm) {
        key.oid = CertificateFields::objectText(algorithm, true);
        key.name = CertificateFields::objectShortName(algorithm);
    }
    // NULL for algorithms no provider knows (GOST, ...): the OID is all we can say.
    const EVP_PKEY* pkey = X509_get0_pubkey(cert);
    if (!pkey) {
        ERR_clear_error();
        return key;
    }
    switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
        key.algorithm = KeyAlgorithm::Rsa;
        break;
    case EVP_PKEY_EC:
        key.algorithm = KeyAlgorithm::Ec;
        break;
    case EVP_PKEY_ED25519:
        key.algorithm = KeyAlgorithm::Ed25519;
        break;
    case EVP_PKEY_ED448:
        key.algorithm = KeyAlgorithm::Ed448;
        break;
    case EVP_PKEY_DSA:
        key.algorithm = KeyAlgorithm::Dsa;
        break;
    default:
        key.algorithm = KeyAlgorithm::Other;
        break;
    }
    key.bits = std::max(0, EVP_PKEY_get_bits(pkey));
    if (key.algorithm == KeyAlgorithm::Ec) {
        key.curve = utf8Param(pkey, OSSL_PKEY_PARAM_GROUP_NAME);
        if (!key.curve.isEmpty()) {
            const char* nist = EC_curve_nid2nist(OBJ_sn2nid(key.curve.toUtf8().constData()));
            key.nistCurve = nist ? QString::fromLatin1(nist) : QString();
        }
    }
    ERR_clear_error();
    return key;
}
} // namespace

QString CertificateFields::takeErrors()
{
    QStringList lines;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256] = {};
        ERR_error_string_n(code, buffer, sizeof buffer);
        lines << QString::fromUtf8(buffer);
    }
    return lines.join(QLatin1Char('\n'));
}

namespace {
/// OBJ_obj2txt as a QString (objectText, not remembered).
QString objectTextOf(const ASN1_OBJECT* object, bool numeric)
{
    char buffer[128] = {};
    const int length = OBJ_obj2txt(buffer, sizeof buffer, object, numeric ? 1 : 0);
    if (length <= 0) {
        return {};
    }
    if (length < static_cast<int>(sizeof buffer)) {
        return QString::fromLatin1(buffer, length);
    }
    QByteArray big(length + 1, '\0');
    OBJ_obj2txt(big.data(), length + 1, object, numeric ? 1 : 0);
    return QString::fromLatin1(big.constData(), length);
}

/// The texts of OIDs OpenSSL knows, made once per thread and shared by every certificate after:
/// the same few dozen names (CN, keyUsage, ...) are asked for thousands of times on a large
/// token, and a QString each was 0.7 MB of 1,000 certificates' 6.8 (docs/BENCHMARKS.md).
/// Per thread, so no lock: the parser threads each keep their own.
QString& knownObjectText(int nid, int kind)
{
    thread_local QHash<int, QString> texts;
    return texts[nid * 4 + kind];
}
} // namespace

QString CertificateFields::objectText(const ASN1_OBJECT* object, bool numeric)
{
    if (!object) {
        return {};
    }
    if (const int nid = OBJ_obj2nid(object); nid != NID_undef) {
        QString& text = knownObjectText(nid, numeric ? 1 : 0);
        if (text.isNull()) {
            text = objectTextOf(object, numeric);
        }
        return text;
    }
    return objectTextOf(object, numeric);
}

QString CertificateFields::objectShortName(const ASN1_OBJECT* object)
{
    const int nid = OBJ_obj2nid(object);
    const char* shortName = nid != NID_undef ? OBJ_nid2sn(nid) : nullptr;
    if (!shortName) {
        return objectText(object, true);
    }
    QString& text = knownObjectText(nid, 2);
    if (text.isNull()) {
        text = QString::fromLatin1(shortName);
    }
    return text;
}

QString CertificateFields::stringText(const ASN1_STRING* string)
{
    if (!string) {
        return {};
    }
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, string);
    if (length >= 0) {
        const QString text = QString::fromUtf8(reinterpret_cast<const char*>(utf8), length);
        OPENSSL_free(utf8);
        return text;
    }
    ERR_clear_error();
    // Bytes the type does not allow: decode what can be decoded.
    const QByteArray bytes = asn1Bytes(string);
    switch (ASN1_STRING_type(string)) {
    case V_ASN1_BMPSTRING:
        return decodeLossy(bytes, QStringConverter::Utf16BE);
    case V_ASN1_UNIVERSALSTRING:
        return decodeLossy(bytes, QStringConverter::Utf32BE);
    default:
        return decodeLossy(bytes, QStringConverter::Utf8);
    }
}

QString CertificateFields::nameText(const X509_NAME* name)
{
    if (!name) {
        return {};
    }
    // One memory BIO per thread, emptied for each name (a certificate has two names; a large token
    // thousands): not one made and freed each time.
    thread_local const Bio bio(BIO_new(BIO_s_mem()));
    if (bio && BIO_reset(bio.get()) == 1 &&
        X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) >= 0) {
        return QString::fromUtf8(bioBytes(bio.get()));
    }
    ERR_clear_error();
    QStringList parts;
    for (const NameEntry& e : nameEntries(name)) {
        parts.prepend(e.shortName % QLatin1Char('=') % escapeRfc4514(e.value));
    }
    return parts.join(QLatin1Char(','));
}

QList<NameEntry> CertificateFields::nameEntries(const X509_NAME* name)
{
    QList<NameEntry> entries;
    const int count = name ? X509_NAME_entry_count(name) : 0;
    entries.reserve(count); // no room to spare: a large token holds thousands of these lists
    for (int i = 0; i < count; ++i) {
        const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
        const ASN1_OBJECT* object = X509_NAME_ENTRY_get_object(entry);
        entries.append(
            {objectShortName(object), objectText(object, true), stringText(X509_NAME_ENTRY_get_data(entry))});
    }
    return entries;
}

GeneralName CertificateFields::generalName(const GENERAL_NAME* name)
{
    GeneralName result;
    int type = -1;
    void* value = GENERAL_NAME_get0_value(name, &type);
    switch (type) {
    case GEN_DNS:
    case GEN_EMAIL:
    case GEN_URI:
        result.type = type == GEN_DNS     ? GeneralName::Type::Dns
                      : type == GEN_EMAIL ? GeneralName::Type::Email
                                          : GeneralName::Type::Uri;
        // IA5String: ASCII when well formed; anything else decodes lossily.
        result.value = decodeLossy(asn1Bytes(static_cast<const ASN1_STRING*>(value)), QStringConverter::Utf8);
        break;
    case GEN_IPADD: {
        result.type = GeneralName::Type::Ip;
        const QByteArray ip = asn1Bytes(static_cast<const ASN1_STRING*>(value));
        QStringList parts;
        if (ip.size() == 4) {
            for (const char byte : ip) {
                parts << QString::number(static_cast<quint8>(byte));
            }
            result.value = parts.join(QLatin1Char('.'));
        } else if (ip.size() == 16) {
            for (int i = 0; i < 16; i += 2) {
                const int group = static_cast<quint8>(ip.at(i)) << 8 | static_cast<quint8>(ip.at(i + 1));
                parts << QString::number(group, 16).toUpper();
            }
            result.value = parts.join(QLatin1Char(':'));
        } else {
            result.value = CertificateInfo::colonHex(ip);
        }
        break;
    }
    case GEN_DIRNAME:
        result.type = GeneralName::Type::DirectoryName;
        result.value = nameText(static_cast<const X509_NAME*>(value));
        break;
    case GEN_RID:
        result.type = GeneralName::Type::RegisteredId;
        result.value = objectText(static_cast<const ASN1_OBJECT*>(value), true);
        break;
    case GEN_OTHERNAME: {
        const auto* other = static_cast<const OTHERNAME*>(value);
        result.oid = objectText(other->type_id, true);
        if (OBJ_obj2nid(other->type_id) == NID_ms_upn && other->value && other->value->type == V_ASN1_UTF8STRING) {
            result.type = GeneralName::Type::Upn;
            result.value = decodeLossy(asn1Bytes(other->value->value.utf8string), QStringConverter::Utf8);
        } else {
            result.type = GeneralName::Type::Other;
            unsigned char* der = nullptr;
            const int length = other->value ? i2d_ASN1_TYPE(other->value, &der) : -1;
            if (length > 0) {
                result.value =
                    QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(der), length).toHex(':').toUpper());
            }
            OPENSSL_free(der);
        }
        break;
    }
    default:
        result.type = GeneralName::Type::Other;
        break;
    }
    return result;
}

QDateTime CertificateFields::time(const ASN1_TIME* t)
{
    struct tm tm = {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1) {
        ERR_clear_error();
        return {};
    }
    // Not through time_t: GeneralizedTime reaches years a 32-bit time_t, or mktime's time zone, would mangle.
    const QDate date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    const QTime clock(tm.tm_hour, tm.tm_min, tm.tm_sec);
    return QDateTime(date, clock, Qt::UTC);
}

QString CertificateFields::integerHex(const ASN1_INTEGER* integer)
{
    if (!integer) {
        return {};
    }
    const QByteArray bytes = asn1Bytes(integer);
    const QString hex = bytes.isEmpty() ? QStringLiteral("00") : QString::fromLatin1(bytes.toHex().toUpper());
    return ASN1_STRING_type(integer) == V_ASN1_NEG_INTEGER ? QLatin1Char('-') + hex : hex;
}

CertificateInfo CertificateFields::read(X509* cert, const QByteArray& der, const PublicKeyShortcut::Key* key)
{
    CertificateInfo info;
    info.der = der;
    info.version = static_cast<int>(X509_get_version(cert)) + 1;
    const X509_NAME* subject = X509_get_subject_name(cert);
    const X509_NAME* issuer = X509_get_issuer_name(cert);
    info.subject = nameText(subject);
    info.subjectEntries = nameEntries(subject);
    if (sameEncoding(subject, issuer)) {
        // A root or a self-issued certificate: the issuer's text and entries are the subject's,
        // made from the same bytes, and shared (a token's CA certificates, a software token's own).
        info.issuer = info.subject;
        info.issuerEntries = info.subjectEntries;
    } else {
        info.issuer = nameText(issuer);
        info.issuerEntries = nameEntries(issuer);
    }
    info.serial = integerHex(X509_get0_serialNumber(cert));
    info.notBefore = time(X509_get0_notBefore(cert));
    info.notAfter = time(X509_get0_notAfter(cert));
    info.key = key ? key->info : keyInfo(cert);

    const X509_ALGOR* signature = nullptr;
    X509_get0_signature(nullptr, &signature, cert);
    const ASN1_OBJECT* signatureObject = nullptr;
    if (signature) {
        X509_ALGOR_get0(&signatureObject, nullptr, nullptr, signature);
    }
    info.signatureAlgorithm = objectText(signatureObject, false);
    info.signatureAlgorithmOid = objectText(signatureObject, true);

    info.sha1 = digest(Digest::Sha1, der);
    info.sha256 = digest(Digest::Sha256, der);
    if (const ASN1_BIT_STRING* bits = X509_get0_pubkey_bitstr(cert)) {
        info.publicKeySha1 = digest(Digest::Sha1, asn1Bytes(bits));
    }
    if (key) {
        info.spkiSha256 = digest(Digest::Sha256, key->spki);
    } else {
        unsigned char* spki = nullptr;
        const int spkiLength = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &spki);
        if (spkiLength > 0) {
            info.spkiSha256 = digest(Digest::Sha256, QByteArray(reinterpret_cast<const char*>(spki), spkiLength));
        }
        OPENSSL_free(spki);
    }

    readExtensions(cert, info);
    info.friendlyName = friendlyNameOf(info);
    ERR_clear_error();
    return info;
}

} // namespace tokendesk
