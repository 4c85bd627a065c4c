#include "PublicKeyShortcut.h"

#include "CertificateFields.h"
#include "backend/common/CFree.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/provider.h>
#include <openssl/x509v3.h>
#include <utility>
#include <vector>

namespace tokendesk {

namespace {

/// One TLV of DER: where its header starts, where its contents start and end.
struct Tlv
{
    long start = 0;
    long contents = 0;
    long end = 0;
    int tag = 0;
    int cls = 0;
};

/// The TLV at `offset` within [offset, limit); false on anything but clean definite-length DER.
bool readTlv(const unsigned char* base, long offset, long limit, Tlv* tlv)
{
    const unsigned char* p = base + offset;
    long length = 0;
    int tag = 0;
    int cls = 0;
    const int ret = ASN1_get_object(&p, &length, &tag, &cls, limit - offset);
    if ((ret & 0x80) != 0 || (ret & 0x01) != 0) { // error, or indefinite length
        ERR_clear_error();
        return false;
    }
    tlv->start = offset;
    tlv->contents = static_cast<long>(p - base);
    tlv->end = tlv->contents + length;
    tlv->tag = tag;
    tlv->cls = cls;
    return tlv->end <= limit;
}

constexpr unsigned char kRsaOid[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01}; // 1.2.840.113549.1.1.1
constexpr unsigned char kEcOid[] = {0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01};              // 1.2.840.10045.2.1

using Group = CPtr<EC_GROUP, EC_GROUP_free>;
using Point = CPtr<EC_POINT, EC_POINT_free>;
using Bignum = CPtr<BIGNUM, BN_free>;
using BignumContext = CPtr<BN_CTX, BN_CTX_free>;

void freeAsn1Sequence(ASN1_SEQUENCE_ANY* sequence)
{
    sk_ASN1_TYPE_pop_free(sequence, ASN1_TYPE_free);
}
using Sequence = CPtr<ASN1_SEQUENCE_ANY, freeAsn1Sequence>;

/// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }: the modulus' bits.
int rsaBits(const unsigned char* key, int length)
{
    const unsigned char* p = key;
    Sequence sequence(d2i_ASN1_SEQUENCE_ANY(nullptr, &p, length));
    if (!sequence || p != key + length || sk_ASN1_TYPE_num(sequence.get()) != 2) {
        return 0;
    }
    const ASN1_TYPE* modulus = sk_ASN1_TYPE_value(sequence.get(), 0);
    const ASN1_TYPE* exponent = sk_ASN1_TYPE_value(sequence.get(), 1);
    if (ASN1_TYPE_get(modulus) != V_ASN1_INTEGER || ASN1_TYPE_get(exponent) != V_ASN1_INTEGER) {
        return 0; // not integers: the full parse says what it says
    }
    // A negative INTEGER is still V_ASN1_INTEGER as an ASN1_TYPE; only the string's type tells.
    // OpenSSL's RSA decoder reads the modulus bytes as unsigned (x_bignum.c), so a modulus of
    // 80 E4 ... counts 1032 bits there and 1031 as a negative number here: leave it to OpenSSL.
    if (ASN1_STRING_type(modulus->value.integer) != V_ASN1_INTEGER ||
        ASN1_STRING_type(exponent->value.integer) != V_ASN1_INTEGER) {
        return 0;
    }
    Bignum n(ASN1_INTEGER_to_BN(modulus->value.integer, nullptr));
    return n ? BN_num_bits(n.get()) : 0;
}

/// The named curve's group, made once per thread and curve: EC_GROUP_new_by_curve_name
/// precomputes Montgomery forms (~8 us, a tenth of the parse). A group is only read
/// afterwards, but OpenSSL does not promise that of EC_GROUP: one per thread.
const EC_GROUP* curveGroup(int curve)
{
    thread_local std::vector<std::pair<int, Group>> groups;
    for (const auto& [nid, group] : groups) {
        if (nid == curve) {
            return group.get();
        }
    }
    Group group(EC_GROUP_new_by_curve_name(curve));
    if (!group) {
        return nullptr;
    }
    groups.emplace_back(curve, std::move(group));
    return groups.back().second.get();
}

} // namespace

OSSL_LIB_CTX* PublicKeyShortcut::keylessContext()
{
    // Made once, kept until exit (a library context freed at exit races other static destructors).
    static OSSL_LIB_CTX* const context = [] {
        OSSL_LIB_CTX* made = OSSL_LIB_CTX_new();
        if (made && !OSSL_PROVIDER_load(made, "null")) {
            OSSL_LIB_CTX_free(made);
            made = nullptr;
        }
        ERR_clear_error();
        return made;
    }();
    return context;
}

std::optional<PublicKeyShortcut::Prepared> PublicKeyShortcut::prepare(const QByteArray& der)
{
    const auto* base = reinterpret_cast<const unsigned char*>(der.constData());
    const long size = static_cast<long>(der.size());
    Tlv certificate;
    Tlv tbs;
    if (!readTlv(base, 0, size, &certificate) || certificate.tag != V_ASN1_SEQUENCE ||
        !readTlv(base, certificate.contents, certificate.end, &tbs) || tbs.tag != V_ASN1_SEQUENCE) {
        return std::nullopt;
    }
    // version [0] (optional), serial, signature, issuer, validity, subject: then the key.
    Tlv field;
    long at = tbs.contents;
    if (!readTlv(base, at, tbs.end, &field)) {
        return std::nullopt;
    }
    int skip = field.cls == V_ASN1_CONTEXT_SPECIFIC && field.tag == 0 ? 6 : 5;
    while (skip-- > 0) {
        if (!readTlv(base, at, tbs.end, &field)) {
            return std::nullopt;
        }
        at = field.end;
    }
    Tlv spki;
    Tlv algorithm;
    Tlv oid;
    if (!readTlv(base, at, tbs.end, &spki) || spki.tag != V_ASN1_SEQUENCE ||
        !readTlv(base, spki.contents, spki.end, &algorithm) || algorithm.tag != V_ASN1_SEQUENCE ||
        !readTlv(base, algorithm.contents, algorithm.end, &oid) || oid.tag != V_ASN1_OBJECT) {
        return std::nullopt;
    }
    const QByteArray oidBytes = der.mid(oid.contents, oid.end - oid.contents);
    Prepared prepared;
    if (oidBytes == QByteArray::fromRawData(reinterpret_cast<const char*>(kRsaOid), sizeof kRsaOid)) {
        prepared.keyNid = NID_rsaEncryption;
    } else if (oidBytes == QByteArray::fromRawData(reinterpret_cast<const char*>(kEcOid), sizeof kEcOid)) {
        prepared.keyNid = NID_X9_62_id_ecPublicKey;
    } else {
        return std::nullopt;
    }
    prepared.oid = der.mid(oid.start, oid.end - oid.start);
    prepared.patched = der;
    // Last arc 127: 1.2.840.113549.1.1.127 and 1.2.840.10045.2.127 name nothing OpenSSL knows.
    prepared.patched[static_cast<qsizetype>(oid.end - 1)] = '\x7F';
    prepared.patchedOid = prepared.patched.mid(oid.start, oid.end - oid.start);
    return prepared;
}

std::optional<PublicKeyShortcut::Key> PublicKeyShortcut::read(X509* cert, const Prepared& prepared)
{
    const unsigned char* key = nullptr;
    int keyLength = 0;
    X509_ALGOR* parameters = nullptr;
    if (X509_PUBKEY_get0_param(nullptr, &key, &keyLength, &parameters, X509_get_X509_PUBKEY(cert)) != 1 || !key) {
        return std::nullopt;
    }
    Key result;
    // The SPKI as OpenSSL re-encodes it, with the algorithm put back (same length).
    unsigned char* encoded = nullptr;
    const int encodedLength = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &encoded);
    if (encodedLength <= 0) {
        ERR_clear_error();
        return std::nullopt;
    }
    result.spki = QByteArray(reinterpret_cast<const char*>(encoded), encodedLength);
    OPENSSL_free(encoded);
    const qsizetype oidAt = result.spki.indexOf(prepared.patchedOid);
    if (oidAt < 0) {
        return std::nullopt;
    }
    result.spki.replace(oidAt, prepared.oid.size(), prepared.oid);
    const ASN1_OBJECT* algorithm = OBJ_nid2obj(prepared.keyNid);
    result.info.oid = CertificateFields::objectText(algorithm, true);
    result.info.name = CertificateFields::objectShortName(algorithm);
    if (prepared.keyNid == NID_rsaEncryption) {
        result.info.algorithm = KeyAlgorithm::Rsa;
        result.info.bits = rsaBits(key, keyLength);
        if (result.info.bits == 0) {
            return std::nullopt;
        }
    } else {
        int parameterType = 0;
        const void* parameter = nullptr;
        X509_ALGOR_get0(nullptr, &parameterType, &parameter, parameters);
        if (parameterType != V_ASN1_OBJECT) {
            return std::nullopt; // explicit parameters: the full parse
        }
        const int curve = OBJ_obj2nid(static_cast<const ASN1_OBJECT*>(parameter));
        // SM2's curve makes an SM2 key, not an EC one, in OpenSSL's decoder: the full parse says what.
        const char* curveName = curve == NID_undef || curve == NID_sm2 ? nullptr : OSSL_EC_curve_nid2name(curve);
        const EC_GROUP* group = curveName ? curveGroup(curve) : nullptr;
        Point point(group ? EC_POINT_new(group) : nullptr);
        // The point's arithmetic in a BN_CTX this thread keeps (without one OpenSSL makes and frees
        // one per step: a tenth of this function).
        thread_local const BignumContext numbers(BN_CTX_new());
        if (!point || !numbers ||
            EC_POINT_oct2point(group, point.get(), key, static_cast<size_t>(keyLength), numbers.get()) != 1) {
            ERR_clear_error();
            return std::nullopt;
        }
        result.info.algorithm = KeyAlgorithm::Ec;
        result.info.bits = EC_GROUP_order_bits(group);
        result.info.curve = QString::fromLatin1(curveName);
        const char* nist = EC_curve_nid2nist(curve);
        result.info.nistCurve = nist ? QString::fromLatin1(nist) : QString();
    }
    ERR_clear_error();
    return result;
}

} // namespace tokendesk
