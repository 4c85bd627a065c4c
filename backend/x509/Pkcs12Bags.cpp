#include "Pkcs12Bags.h"

#include "backend/common/CFree.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs7.h>
#include <openssl/x509.h>

namespace tokendesk {

namespace {
using Code = Pkcs12Error::Code;

void freeSafes(STACK_OF(PKCS7) * safes)
{
    sk_PKCS7_pop_free(safes, PKCS7_free);
}
void freeBags(STACK_OF(PKCS12_SAFEBAG) * bags)
{
    sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
}
using Safes = CPtr<STACK_OF(PKCS7), freeSafes>;
using Bags = CPtr<STACK_OF(PKCS12_SAFEBAG), freeBags>;
using PrivateKeyInfo = CPtr<PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free>;
using Key = CPtr<EVP_PKEY, EVP_PKEY_free>;
using KeyManagement = CPtr<EVP_KEYMGMT, EVP_KEYMGMT_free>;
using X509Ptr = CPtr<X509, X509_free>;

Pkcs12Error corrupt(const QString& what)
{
    const QString errors = pkcs12TakeErrors();
    return pkcs12Error(Code::Corrupt, errors.isEmpty() ? what : what + QLatin1Char('\n') + errors);
}

QString friendlyName(const PKCS12_SAFEBAG* bag)
{
    // OpenSSL's BMPString-to-UTF-8; not const in its signature only.
    char* name = PKCS12_get_friendlyname(const_cast<PKCS12_SAFEBAG*>(bag));
    const QString text = name ? QString::fromUtf8(name) : QString();
    OPENSSL_free(name);
    return text;
}

QByteArray localKeyId(const PKCS12_SAFEBAG* bag)
{
    const ASN1_TYPE* id = PKCS12_SAFEBAG_get0_attr(bag, NID_localKeyID);
    if (!id || id->type != V_ASN1_OCTET_STRING || !id->value.octet_string) {
        return {};
    }
    const ASN1_OCTET_STRING* octets = id->value.octet_string;
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(octets)), ASN1_STRING_length(octets));
}

QString objectName(const ASN1_OBJECT* object)
{
    char buffer[128] = {};
    if (!object || OBJ_obj2txt(buffer, sizeof buffer, object, 0) <= 0) {
        return QStringLiteral("?");
    }
    return QString::fromLatin1(buffer);
}

QString keyType(const EVP_PKEY* key)
{
    const int bits = EVP_PKEY_get_bits(key);
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        return QStringLiteral("RSA %1").arg(bits);
    case EVP_PKEY_RSA_PSS:
        return QStringLiteral("RSA-PSS %1").arg(bits);
    case EVP_PKEY_DSA:
        return QStringLiteral("DSA %1").arg(bits);
    case EVP_PKEY_EC: {
        char group[80] = {};
        size_t length = 0;
        if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length) != 1) {
            ERR_clear_error();
            return QStringLiteral("EC %1").arg(bits); // explicit curve parameters
        }
        const char* nist = EC_curve_nid2nist(OBJ_sn2nid(group));
        return QStringLiteral("EC ") + QString::fromLatin1(nist ? nist : group);
    }
    case EVP_PKEY_ED25519:
        return QStringLiteral("Ed25519");
    case EVP_PKEY_ED448:
        return QStringLiteral("Ed448");
    case EVP_PKEY_X25519:
        return QStringLiteral("X25519");
    case EVP_PKEY_X448:
        return QStringLiteral("X448");
    default: {
        const char* name = EVP_PKEY_get0_type_name(key);
        return name ? QString::fromLatin1(name) : QStringLiteral("?");
    }
    }
}
} // namespace

Pkcs12Bags::Pkcs12Bags(const std::vector<Pkcs12Password>& candidates, int chosen, Pkcs12Budget* budget)
    : m_candidates(candidates), m_chosen(chosen), m_macVerified(chosen >= 0), m_budget(budget)
{}

std::optional<Pkcs12Error> Pkcs12Bags::read(const PKCS12* p12, Pkcs12Contents* out)
{
    m_out = out;
    const Safes safes(PKCS12_unpack_authsafes(p12));
    if (!safes) {
        return corrupt(QStringLiteral("authenticated safe"));
    }
    for (int i = 0; i < sk_PKCS7_num(safes.get()); ++i) {
        PKCS7* p7 = sk_PKCS7_value(safes.get(), i);
        Bags bags;
        switch (OBJ_obj2nid(p7->type)) {
        case NID_pkcs7_data:
            bags.reset(PKCS12_unpack_p7data(p7));
            if (!bags) {
                return corrupt(QStringLiteral("safe contents"));
            }
            break;
        case NID_pkcs7_encrypted: {
            const PKCS7_ENC_CONTENT* content = p7->d.encrypted ? p7->d.encrypted->enc_data : nullptr;
            if (!content || !content->algorithm || !content->enc_data) {
                return corrupt(QStringLiteral("encrypted safe contents"));
            }
            const auto decrypt = [p7](const Pkcs12Password& password) {
                return Bags(PKCS12_unpack_p7encdata(p7, password.data, password.length));
            };
            if (auto e = tryPasswords(content->algorithm, ASN1_STRING_length(content->enc_data), decrypt, &bags)) {
                return e;
            }
            break;
        }
        default:
            // envelopedData (public-key privacy mode) and anything else: nothing we can open.
            return pkcs12Error(Code::UnsupportedAlgorithm, objectName(p7->type));
        }
        if (auto e = readBags(bags.get(), 0)) {
            return e;
        }
    }
    return std::nullopt;
}

std::optional<Pkcs12Error> Pkcs12Bags::readBags(const STACK_OF(PKCS12_SAFEBAG) * bags, int depth)
{
    for (int i = 0; i < sk_PKCS12_SAFEBAG_num(bags); ++i) {
        if (auto e = readBag(sk_PKCS12_SAFEBAG_value(bags, i), depth)) {
            return e;
        }
    }
    return std::nullopt;
}

std::optional<Pkcs12Error> Pkcs12Bags::readBag(const PKCS12_SAFEBAG* bag, int depth)
{
    switch (PKCS12_SAFEBAG_get_nid(bag)) {
    case NID_keyBag: {
        const PKCS8_PRIV_KEY_INFO* p8 = PKCS12_SAFEBAG_get0_p8inf(bag);
        return p8 ? readKey(p8, bag) : corrupt(QStringLiteral("key bag"));
    }
    case NID_pkcs8ShroudedKeyBag: {
        const X509_SIG* shrouded = PKCS12_SAFEBAG_get0_pkcs8(bag);
        const X509_ALGOR* algorithm = nullptr;
        const ASN1_OCTET_STRING* ciphertext = nullptr;
        if (shrouded) {
            X509_SIG_get0(shrouded, &algorithm, &ciphertext);
        }
        if (!algorithm || !ciphertext) {
            return corrupt(QStringLiteral("shrouded key bag"));
        }
        const auto decrypt = [bag](const Pkcs12Password& password) {
            return PrivateKeyInfo(PKCS12_decrypt_skey_ex(bag, password.data, password.length, nullptr, nullptr));
        };
        PrivateKeyInfo p8;
        if (auto e = tryPasswords(algorithm, ASN1_STRING_length(ciphertext), decrypt, &p8)) {
            return e;
        }
        return readKey(p8.get(), bag);
    }
    case NID_certBag:
        return readCertificate(bag);
    case NID_safeContentsBag:
        if (depth >= Pkcs12Reader::kMaxNesting) {
            return pkcs12Error(Code::Corrupt, QStringLiteral("safe contents nested too deep"));
        }
        return readBags(PKCS12_SAFEBAG_get0_safes(bag), depth + 1);
    default:
        return std::nullopt; // CRLs, secrets: nothing the import wizard takes
    }
}

std::optional<Pkcs12Error> Pkcs12Bags::readKey(const PKCS8_PRIV_KEY_INFO* p8, const PKCS12_SAFEBAG* bag)
{
    Pkcs12Key key;
    unsigned char* der = nullptr;
    const int length = i2d_PKCS8_PRIV_KEY_INFO(p8, &der);
    if (length <= 0) {
        return corrupt(QStringLiteral("private key"));
    }
    key.pkcs8 = SecureBytes(reinterpret_cast<const char*>(der), length);
    OPENSSL_clear_free(der, size_t(length));

    const Key pkey(EVP_PKCS82PKEY_ex(p8, nullptr, nullptr));
    if (!pkey) {
        // A key of an algorithm a provider knows, that does not decode, is broken; one of an
        // algorithm no provider knows (GOST, ...) is unsupported.
        const ASN1_OBJECT* algorithm = nullptr;
        PKCS8_pkey_get0(&algorithm, nullptr, nullptr, nullptr, p8);
        char oid[128] = {};
        if (algorithm) {
            OBJ_obj2txt(oid, sizeof oid, algorithm, 1);
        }
        const KeyManagement known(oid[0] ? EVP_KEYMGMT_fetch(nullptr, oid, nullptr) : nullptr);
        if (known) {
            return corrupt(QStringLiteral("private key ") + objectName(algorithm));
        }
        ERR_clear_error();
        return pkcs12Error(Code::UnsupportedAlgorithm, QStringLiteral("private key ") + objectName(algorithm));
    }
    unsigned char* spki = nullptr;
    const int spkiLength = i2d_PUBKEY(pkey.get(), &spki);
    if (spkiLength <= 0) {
        return pkcs12Error(Code::Internal, QStringLiteral("public key\n") + pkcs12TakeErrors());
    }
    key.publicKeyDer = QByteArray(reinterpret_cast<const char*>(spki), spkiLength);
    OPENSSL_free(spki);
    key.keyType = keyType(pkey.get());
    key.friendlyName = friendlyName(bag);
    key.localKeyId = localKeyId(bag);
    m_out->keys.push_back(std::move(key));
    return std::nullopt;
}

std::optional<Pkcs12Error> Pkcs12Bags::readCertificate(const PKCS12_SAFEBAG* bag)
{
    if (PKCS12_SAFEBAG_get_bag_nid(bag) != NID_x509Certificate) {
        return std::nullopt; // SDSI certificates
    }
    const X509Ptr cert(PKCS12_SAFEBAG_get1_cert(bag));
    unsigned char* der = nullptr;
    const int length = cert ? i2d_X509(cert.get(), &der) : 0;
    if (length <= 0) {
        return corrupt(QStringLiteral("certificate"));
    }
    Pkcs12Certificate certificate;
    certificate.der = QByteArray(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    certificate.friendlyName = friendlyName(bag);
    certificate.localKeyId = localKeyId(bag);
    m_out->certificates.append(certificate);
    return std::nullopt;
}

template<typename T, typename F>
std::optional<Pkcs12Error> Pkcs12Bags::tryPasswords(const X509_ALGOR* algorithm, qsizetype ciphertextSize, F decrypt,
                                                    T* result)
{
    const Pkcs12Pbe pbe = Pkcs12Pbe::encryption(algorithm);
    if (!pbe.name.isEmpty() && !m_out->encryptionAlgorithms.contains(pbe.name)) {
        m_out->encryptionAlgorithms << pbe.name;
    }
    m_out->weakEncryption = m_out->weakEncryption || pbe.weak;
    if (pbe.problem) {
        return pbe.problem;
    }
    // Cut-off ciphertext is damage, not a wrong password.
    if (ciphertextSize <= 0 || ciphertextSize % std::max(1, pbe.blockSize) != 0) {
        return pkcs12Error(Code::Corrupt, pbe.name + QStringLiteral(" ciphertext of %1 bytes").arg(ciphertextSize));
    }
    // The candidate that worked before first: the others only when it fails (a file made by two tools).
    std::vector<int> order;
    if (m_chosen >= 0) {
        order.push_back(m_chosen);
    }
    for (int i = 0; i < int(m_candidates.size()); ++i) {
        if (i != m_chosen) {
            order.push_back(i);
        }
    }
    for (const int i : order) {
        if (auto e = m_budget->spend(pbe.cost)) {
            return e;
        }
        ERR_clear_error();
        *result = decrypt(m_candidates[size_t(i)]);
        if (*result) {
            ERR_clear_error();
            if (m_chosen < 0) {
                m_chosen = i;
            }
            return std::nullopt;
        }
    }
    const QString errors = pkcs12TakeErrors();
    if (m_macVerified) {
        return pkcs12Error(Code::Corrupt,
                           pbe.name + QStringLiteral(" does not decrypt with the MAC's password\n") + errors);
    }
    // Without a MAC, a wrong password shows only here: as a bad padding, or (1 in 256) as garbage DER.
    return pkcs12Error(Code::WrongPassword, pbe.name + QLatin1Char('\n') + errors);
}

} // namespace tokendesk
