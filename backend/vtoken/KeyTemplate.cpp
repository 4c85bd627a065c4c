#include "KeyTemplate.h"

#include "backend/common/CFree.h"

#include <memory>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <p11-kit/pkcs11.h>

namespace tokendesk {

namespace {

using Bignum = std::unique_ptr<BIGNUM, CFree<BN_clear_free>>;

QByteArray ulong(CK_ULONG value)
{
    return Pkcs11Session::ulongValue(value);
}

QByteArray boolean(bool value)
{
    return Pkcs11Session::boolValue(value);
}

/// A big number as unsigned big-endian bytes, `width` long when given (EC private scalars).
QByteArray bignumParam(const EVP_PKEY* key, const char* name, int width = 0)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) {
        return {};
    }
    const Bignum number(raw);
    const int size = width > 0 ? width : BN_num_bytes(number.get());
    QByteArray bytes(size, Qt::Uninitialized);
    if (BN_bn2binpad(number.get(), reinterpret_cast<unsigned char*>(bytes.data()), size) != size) {
        SecureBytes::wipe(bytes);
        return {};
    }
    return bytes;
}

/// CKA_EC_PARAMS: the DER of the named curve's OID.
QByteArray curveParams(const EVP_PKEY* key)
{
    char group[80] = {};
    size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length) != 1) {
        return {};
    }
    const int nid = OBJ_sn2nid(group);
    ASN1_OBJECT* oid = nid == NID_undef ? nullptr : OBJ_nid2obj(nid);
    if (oid == nullptr) {
        return {};
    }
    const int size = i2d_ASN1_OBJECT(oid, nullptr);
    if (size <= 0) {
        return {};
    }
    QByteArray der(size, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    i2d_ASN1_OBJECT(oid, &out);
    return der;
}

/// CKA_EC_POINT: the uncompressed point in a DER OCTET STRING, as PKCS#11 2.40 asks.
QByteArray ecPoint(const EVP_PKEY* key)
{
    unsigned char point[256];
    size_t length = 0;
    if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &length) != 1 ||
        length >= 128 + 128) {
        return {};
    }
    QByteArray der;
    der.append(char(0x04));
    if (length < 128) {
        der.append(char(length));
    } else {
        der.append(char(0x81));
        der.append(char(length));
    }
    der.append(reinterpret_cast<const char*>(point), qsizetype(length));
    return der;
}

} // namespace

KeyTemplate::~KeyTemplate()
{
    for (auto& attribute : m_private) {
        SecureBytes::wipe(attribute.second);
    }
}

Result<KeyTemplate, ImportError> KeyTemplate::fromPkcs8(const SecureBytes& pkcs8, const QByteArray& id,
                                                        const QByteArray& label, const QByteArray& subject)
{
    const auto* in = reinterpret_cast<const unsigned char*>(pkcs8.bytes().constData());
    const std::unique_ptr<PKCS8_PRIV_KEY_INFO, CFree<PKCS8_PRIV_KEY_INFO_free>> info(
        d2i_PKCS8_PRIV_KEY_INFO(nullptr, &in, long(pkcs8.size())));
    const std::unique_ptr<EVP_PKEY, CFree<EVP_PKEY_free>> key(info ? EVP_PKCS82PKEY(info.get()) : nullptr);
    if (!key) {
        return ImportError::make(ImportError::Code::UnsupportedKey,
                                 QStringLiteral("a private key OpenSSL cannot read"));
    }
    KeyTemplate result;
    const CK_OBJECT_CLASS privateClass = CKO_PRIVATE_KEY;
    const CK_OBJECT_CLASS publicClass = CKO_PUBLIC_KEY;
    const auto common = [&](AttributeList& list, CK_OBJECT_CLASS objectClass, CK_KEY_TYPE type) {
        list.append({CKA_CLASS, ulong(objectClass)});
        list.append({CKA_KEY_TYPE, ulong(type)});
        list.append({CKA_TOKEN, boolean(true)});
        list.append({CKA_ID, id});
        list.append({CKA_LABEL, label});
        if (!subject.isEmpty()) {
            list.append({CKA_SUBJECT, subject});
        }
    };
    const auto privateFlags = [&](bool rsa) {
        result.m_private.append({CKA_PRIVATE, boolean(true)});
        result.m_private.append({CKA_SENSITIVE, boolean(true)});
        result.m_private.append({CKA_EXTRACTABLE, boolean(false)});
        // What a client identity is used for: signing (TLS, SSH, mail), RSA decryption (mail),
        // ECDH; never unwrapping other keys.
        result.m_private.append({CKA_SIGN, boolean(true)});
        result.m_private.append({CKA_DECRYPT, boolean(rsa)});
        result.m_private.append({CKA_DERIVE, boolean(!rsa)});
        result.m_private.append({CKA_UNWRAP, boolean(false)});
    };

    switch (EVP_PKEY_get_base_id(key.get())) {
    case EVP_PKEY_RSA: {
        common(result.m_private, privateClass, CKK_RSA);
        privateFlags(true);
        const struct
        {
            CK_ATTRIBUTE_TYPE type;
            const char* param;
        } parts[] = {
            {CKA_MODULUS, OSSL_PKEY_PARAM_RSA_N},
            {CKA_PUBLIC_EXPONENT, OSSL_PKEY_PARAM_RSA_E},
            {CKA_PRIVATE_EXPONENT, OSSL_PKEY_PARAM_RSA_D},
            {CKA_PRIME_1, OSSL_PKEY_PARAM_RSA_FACTOR1},
            {CKA_PRIME_2, OSSL_PKEY_PARAM_RSA_FACTOR2},
            {CKA_EXPONENT_1, OSSL_PKEY_PARAM_RSA_EXPONENT1},
            {CKA_EXPONENT_2, OSSL_PKEY_PARAM_RSA_EXPONENT2},
            {CKA_COEFFICIENT, OSSL_PKEY_PARAM_RSA_COEFFICIENT1},
        };
        for (const auto& part : parts) {
            QByteArray value = bignumParam(key.get(), part.param);
            if (value.isEmpty()) {
                return ImportError::make(ImportError::Code::UnsupportedKey,
                                         QStringLiteral("an RSA key without its CRT parts"));
            }
            result.m_private.append({part.type, value});
        }
        common(result.m_public, publicClass, CKK_RSA);
        result.m_public.append({CKA_PRIVATE, boolean(false)});
        result.m_public.append({CKA_VERIFY, boolean(true)});
        result.m_public.append({CKA_ENCRYPT, boolean(true)});
        result.m_public.append({CKA_MODULUS, bignumParam(key.get(), OSSL_PKEY_PARAM_RSA_N)});
        result.m_public.append({CKA_PUBLIC_EXPONENT, bignumParam(key.get(), OSSL_PKEY_PARAM_RSA_E)});
        break;
    }
    case EVP_PKEY_EC: {
        const QByteArray params = curveParams(key.get());
        const QByteArray point = ecPoint(key.get());
        const int width = (EVP_PKEY_get_bits(key.get()) + 7) / 8;
        QByteArray scalar = bignumParam(key.get(), OSSL_PKEY_PARAM_PRIV_KEY, width);
        if (params.isEmpty() || point.isEmpty() || scalar.isEmpty()) {
            SecureBytes::wipe(scalar);
            return ImportError::make(ImportError::Code::UnsupportedKey,
                                     QStringLiteral("an EC key on an unnamed curve"));
        }
        common(result.m_private, privateClass, CKK_EC);
        privateFlags(false);
        result.m_private.append({CKA_EC_PARAMS, params});
        result.m_private.append({CKA_VALUE, scalar});
        common(result.m_public, publicClass, CKK_EC);
        result.m_public.append({CKA_PRIVATE, boolean(false)});
        result.m_public.append({CKA_VERIFY, boolean(true)});
        result.m_public.append({CKA_EC_PARAMS, params});
        result.m_public.append({CKA_EC_POINT, point});
        break;
    }
    default:
        return ImportError::make(ImportError::Code::UnsupportedKey,
                                 QString::fromLatin1(OBJ_nid2sn(EVP_PKEY_get_base_id(key.get()))));
    }
    return result;
}

} // namespace tokendesk
