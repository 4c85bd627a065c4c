// CertificateFields::readExtensions: the extensions of a certificate, each as OpenSSL prints it for the
// field tree, and the ones TokenDesk shows as fields decoded into CertificateInfo.

#include "CertificateFields.h"
#include "backend/common/CFree.h"

#include <limits>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

namespace tokendesk {

namespace {
using Bio = CPtr<BIO, BIO_free>;

QByteArray asn1Bytes(const ASN1_STRING* s)
{
    if (!s || ASN1_STRING_length(s) <= 0) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
}

/// The decoded extension, or null when it is absent, malformed or there twice.
template<typename T, auto Free> CPtr<T, Free> decoded(X509* cert, int nid)
{
    int found = -1; // -1: absent; -2: there twice; else its critical flag
    void* value = X509_get_ext_d2i(cert, nid, &found, nullptr);
    if (!value && found != -1) {
        // OpenSSL's errors for a malformed one. Only then: nine look-ups a certificate, most for
        // absent extensions, each emptying the error queue was 5% of a parse (docs/BENCHMARKS.md).
        ERR_clear_error();
    }
    return CPtr<T, Free>(static_cast<T*>(value));
}

// Names that stay put whatever OpenSSL calls them ("msSmartcardLogin", "ipsecIKE"...).
QString ekuName(const ASN1_OBJECT* object)
{
    static const struct
    {
        const char* oid;
        const char* name;
    } known[] = {
        {eku::kServerAuth, "serverAuth"},
        {eku::kClientAuth, "clientAuth"},
        {eku::kCodeSigning, "codeSigning"},
        {eku::kEmailProtection, "emailProtection"},
        {eku::kTimeStamping, "timeStamping"},
        {eku::kOcspSigning, "OCSPSigning"},
        {eku::kSmartcardLogon, "smartcardLogon"},
        {eku::kPkinitClient, "pkinitClientAuth"},
        {eku::kPkinitKdc, "pkinitKDC"},
        {eku::kAny, "anyExtendedKeyUsage"},
        {"1.3.6.1.4.1.311.10.3.4", "msEFS"},
        {"1.3.6.1.4.1.311.10.3.12", "msDocumentSigning"},
        {"1.3.6.1.5.5.7.3.17", "ipsecIKE"},
        {"1.3.6.1.5.5.7.3.5", "ipsecEndSystem"},
        {"1.3.6.1.5.5.7.3.6", "ipsecTunnel"},
        {"1.3.6.1.5.5.7.3.7", "ipsecUser"},
        {"1.3.6.1.4.1.311.20.2.1", "enrollmentAgent"},
    };
    const QString oid = CertificateFields::objectText(object, true);
    for (const auto& k : known) {
        if (oid == QLatin1String(k.oid)) {
            return QString::fromLatin1(k.name);
        }
    }
    return CertificateFields::objectShortName(object);
}

/// One extension, its text left for when it is asked for (CertificateExtension::text).
CertificateExtension extension(X509_EXTENSION* ext)
{
    CertificateExtension e;
    const ASN1_OBJECT* object = X509_EXTENSION_get_object(ext);
    e.oid = CertificateFields::objectText(object, true);
    e.shortName = CertificateFields::objectShortName(object);
    e.critical = X509_EXTENSION_get_critical(ext) > 0;
    e.value = asn1Bytes(X509_EXTENSION_get_data(ext));
    return e;
}

QStringList uris(const GENERAL_NAMES* names, bool othersAsText)
{
    QStringList result;
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names); ++i) {
        const GeneralName n = CertificateFields::generalName(sk_GENERAL_NAME_value(names, i));
        if (n.type == GeneralName::Type::Uri || (othersAsText && !n.value.isEmpty())) {
            result << n.value;
        }
    }
    return result;
}

void readKeyUsage(X509* cert, CertificateInfo& info)
{
    info.hasKeyUsage = X509_get_ext_by_NID(cert, NID_key_usage, -1) >= 0;
    const auto bits = decoded<ASN1_BIT_STRING, ASN1_BIT_STRING_free>(cert, NID_key_usage);
    for (int bit = 0; bits && bit <= static_cast<int>(KeyUsage::DecipherOnly); ++bit) {
        if (ASN1_BIT_STRING_get_bit(bits.get(), bit)) {
            info.keyUsage.append(static_cast<KeyUsage>(bit));
        }
    }
}

void readAccess(X509* cert, CertificateInfo& info)
{
    const auto aia = decoded<AUTHORITY_INFO_ACCESS, AUTHORITY_INFO_ACCESS_free>(cert, NID_info_access);
    for (int i = 0; aia && i < sk_ACCESS_DESCRIPTION_num(aia.get()); ++i) {
        const ACCESS_DESCRIPTION* ad = sk_ACCESS_DESCRIPTION_value(aia.get(), i);
        const GeneralName location = CertificateFields::generalName(ad->location);
        if (location.value.isEmpty()) {
            continue;
        }
        const int method = OBJ_obj2nid(ad->method);
        if (method == NID_ad_OCSP) {
            info.ocspUrls << location.value;
        } else if (method == NID_ad_ca_issuers) {
            info.caIssuersUrls << location.value;
        }
    }
    const auto crldp = decoded<CRL_DIST_POINTS, CRL_DIST_POINTS_free>(cert, NID_crl_distribution_points);
    for (int i = 0; crldp && i < sk_DIST_POINT_num(crldp.get()); ++i) {
        const DIST_POINT* dp = sk_DIST_POINT_value(crldp.get(), i);
        if (dp->distpoint && dp->distpoint->type == 0) {
            info.crlDistributionPoints << uris(dp->distpoint->name.fullname, true);
        }
    }
}
} // namespace

void CertificateFields::readExtensions(X509* cert, CertificateInfo& info)
{
    const int count = X509_get_ext_count(cert);
    info.extensions.reserve(count); // no room to spare: a large token holds thousands of these lists
    for (int i = 0; i < count; ++i) {
        if (X509_EXTENSION* ext = X509_get_ext(cert, i)) {
            info.extensions.append(extension(ext));
        }
    }

    if (const auto san = decoded<GENERAL_NAMES, GENERAL_NAMES_free>(cert, NID_subject_alt_name)) {
        for (int i = 0; i < sk_GENERAL_NAME_num(san.get()); ++i) {
            info.subjectAltNames.append(generalName(sk_GENERAL_NAME_value(san.get(), i)));
        }
    }
    readKeyUsage(cert, info);
    if (const auto ekus = decoded<EXTENDED_KEY_USAGE, EXTENDED_KEY_USAGE_free>(cert, NID_ext_key_usage)) {
        for (int i = 0; i < sk_ASN1_OBJECT_num(ekus.get()); ++i) {
            const ASN1_OBJECT* object = sk_ASN1_OBJECT_value(ekus.get(), i);
            info.extendedKeyUsage.append({objectText(object, true), ekuName(object)});
        }
    }
    if (const auto bc = decoded<BASIC_CONSTRAINTS, BASIC_CONSTRAINTS_free>(cert, NID_basic_constraints)) {
        info.basicConstraints.present = true;
        info.basicConstraints.ca = bc->ca != 0;
        int64_t pathLength = 0;
        if (bc->pathlen && ASN1_INTEGER_get_int64(&pathLength, bc->pathlen) == 1) {
            info.basicConstraints.pathLength = pathLength;
        }
    }
    if (const auto policies = decoded<CERTIFICATEPOLICIES, CERTIFICATEPOLICIES_free>(cert, NID_certificate_policies)) {
        for (int i = 0; i < sk_POLICYINFO_num(policies.get()); ++i) {
            info.policies << objectText(sk_POLICYINFO_value(policies.get(), i)->policyid, true);
        }
    }
    readAccess(cert, info);
    if (const auto ski = decoded<ASN1_OCTET_STRING, ASN1_OCTET_STRING_free>(cert, NID_subject_key_identifier)) {
        info.subjectKeyId = asn1Bytes(ski.get());
    }
    if (const auto aki = decoded<AUTHORITY_KEYID, AUTHORITY_KEYID_free>(cert, NID_authority_key_identifier)) {
        info.authorityKeyId = asn1Bytes(aki->keyid);
    }
    ERR_clear_error();
}

CertificateExtension::Text CertificateExtension::text() const
{
    Text result;
    ERR_set_mark(); // the caller's pending errors stay as they were
    // The extension as the certificate holds it, made again from its parts: X509V3_EXT_print reads
    // the object, the flag and the value only.
    using Object = CPtr<ASN1_OBJECT, ASN1_OBJECT_free>;
    using OctetString = CPtr<ASN1_OCTET_STRING, ASN1_OCTET_STRING_free>;
    using Extension = CPtr<X509_EXTENSION, X509_EXTENSION_free>;
    const Object object(OBJ_txt2obj(oid.toLatin1().constData(), 1));
    const OctetString data(ASN1_OCTET_STRING_new());
    Extension ext;
    if (object && data && value.size() <= std::numeric_limits<int>::max() &&
        ASN1_OCTET_STRING_set(data.get(), reinterpret_cast<const unsigned char*>(value.constData()),
                              static_cast<int>(value.size())) == 1) {
        ext.reset(X509_EXTENSION_create_by_OBJ(nullptr, object.get(), critical ? 1 : 0, data.get()));
    }
    const Bio bio(ext ? BIO_new(BIO_s_mem()) : nullptr);
    if (bio && X509V3_EXT_print(bio.get(), ext.get(), X509V3_EXT_DEFAULT, 0) == 1) {
        char* printed = nullptr;
        const long size = BIO_ctrl(bio.get(), BIO_CTRL_INFO, 0, &printed);
        result.text =
            size > 0 && printed ? QString::fromUtf8(printed, static_cast<qsizetype>(size)).trimmed() : QString();
        result.known = true;
    } else {
        // Unknown to OpenSSL, or known but malformed: the bytes are all there is to show.
        result.text = CertificateInfo::colonHex(value);
    }
    ERR_pop_to_mark();
    return result;
}

} // namespace tokendesk
