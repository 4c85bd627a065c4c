#include "IdentityMatcher.h"

#include "backend/common/CFree.h"
#include "backend/x509/CertificateParser.h"

#include <algorithm>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <thread>
#include <vector>

namespace tokendesk {

namespace {

/// The public key of a certificate as PKCS#11 key objects carry it: the RSA
/// modulus (CKA_MODULUS), or the subjectPublicKey bits (the EC point of
/// CKA_EC_POINT, unwrapped; the Ed25519 key).
struct PublicKeyBytes
{
    QByteArray modulus;
    QByteArray point;

    bool isEmpty() const { return modulus.isEmpty() && point.isEmpty(); }
};

QByteArray stripLeadingZeros(const QByteArray& bytes)
{
    qsizetype start = 0;
    while (start < bytes.size() && bytes.at(start) == 0) {
        ++start;
    }
    return bytes.mid(start);
}

PublicKeyBytes publicKeyOf(const QByteArray& der)
{
    PublicKeyBytes result;
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    const CPtr<X509, X509_free> cert(d2i_X509(nullptr, &p, der.size()));
    if (!cert) {
        return result;
    }
    EVP_PKEY* key = X509_get0_pubkey(cert.get());
    if (key && EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA) {
        BIGNUM* n = nullptr;
        if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_N, &n) == 1) {
            QByteArray bytes(BN_num_bytes(n), Qt::Uninitialized);
            BN_bn2bin(n, reinterpret_cast<unsigned char*>(bytes.data()));
            result.modulus = bytes;
        }
        BN_free(n);
        return result;
    }
    if (const ASN1_BIT_STRING* bits = X509_get0_pubkey_bitstr(cert.get())) {
        result.point = QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(bits)), ASN1_STRING_length(bits));
    }
    return result;
}

/// A key object holds the certificate's public key: the same RSA modulus or the same EC point.
bool sameKey(const PublicKeyBytes& cert, const ObjectInfo& key)
{
    if (!cert.modulus.isEmpty() && !key.modulus.isEmpty()) {
        return stripLeadingZeros(key.modulus) == stripLeadingZeros(cert.modulus);
    }
    if (!cert.point.isEmpty() && !key.ecPoint.isEmpty()) {
        return key.ecPointBytes() == cert.point;
    }
    return false;
}

const ObjectInfo* findById(const QList<const ObjectInfo*>& keys, const QByteArray& id)
{
    if (id.isEmpty()) {
        return nullptr;
    }
    for (const ObjectInfo* key : keys) {
        if (key->id == id) {
            return key;
        }
    }
    return nullptr;
}

/// Every certificate parsed, on as many threads as there are cores: with OpenSSL 3, d2i_X509
/// decodes the public key through the provider decoders, ~0.2 ms a certificate, most of the time
/// a token of 1,000 certificates takes to read (docs/BENCHMARKS.md).
std::vector<Result<CertificateInfo, X509Error>> parseAll(const QList<const ObjectInfo*>& certificates)
{
    const size_t count = static_cast<size_t>(certificates.size());
    std::vector<std::optional<Result<CertificateInfo, X509Error>>> parsed(count);
    const auto work = [&](size_t first, size_t step) {
        for (size_t i = first; i < count; i += step) {
            parsed[i] = CertificateParser::parseDer(certificates.at(static_cast<qsizetype>(i))->value);
        }
    };
    constexpr size_t kPerThread = 32; // below that, starting a thread costs more than it saves
    const size_t threads = std::clamp<size_t>(count / kPerThread, 1, std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> helpers;
    for (size_t t = 1; t < threads; ++t) {
        helpers.emplace_back(work, t, threads);
    }
    work(0, threads);
    for (std::thread& helper : helpers) {
        helper.join();
    }
    std::vector<Result<CertificateInfo, X509Error>> result;
    result.reserve(count);
    for (auto& one : parsed) {
        result.push_back(std::move(*one));
    }
    return result;
}

} // namespace

QList<CertificateEntry> IdentityMatcher::match(const TokenInfo& token, const ObjectList& objects, bool loggedIn,
                                               const CertificateParseQueue::Parsed& parsed)
{
    QList<const ObjectInfo*> privateKeys;
    QList<const ObjectInfo*> publicKeys;
    // Each certificate with its parse from the queue, or none (a thousand DER keys: looked up once).
    std::vector<std::pair<const ObjectInfo*, CertificateParseQueue::Parsed::const_iterator>> certificates;
    QList<const ObjectInfo*> unparsed;
    for (const ObjectInfo& object : objects) {
        if (object.objectClass == ObjectInfo::Class::Certificate) {
            const auto known = parsed.constFind(object.value);
            certificates.emplace_back(&object, known);
            if (known == parsed.cend()) {
                unparsed.append(&object);
            }
        } else if (object.objectClass == ObjectInfo::Class::PrivateKey) {
            privateKeys.append(&object);
        } else if (object.objectClass == ObjectInfo::Class::PublicKey) {
            publicKeys.append(&object);
        }
    }
    // Smart cards hide private keys until login and have them all the same; a
    // software token without a public key beside the certificate tells nothing.
    const bool hidesKeys = token.loginRequired && !loggedIn;
    const bool hardwareToken = token.slot.removable || token.slot.hardware;

    auto parsedHere = parseAll(unparsed);
    qsizetype nextParsedHere = 0;
    QList<CertificateEntry> entries;
    entries.reserve(static_cast<qsizetype>(certificates.size()));
    for (const auto& [certificate, known] : certificates) {
        const ObjectInfo& object = *certificate;
        CertificateEntry entry;
        entry.object = object;
        if (known != parsed.cend()) {
            if (*known) {
                entry.info = known->value(); // shared, not copied
            } else {
                entry.parseError = known->error();
            }
        } else if (auto& result = parsedHere[static_cast<size_t>(nextParsedHere++)]) {
            entry.info = std::move(result).value();
        } else {
            entry.parseError = result.error();
        }

        const ObjectInfo* privateKey = findById(privateKeys, object.id);
        const ObjectInfo* publicKey = findById(publicKeys, object.id);
        // IDs missing or different: the public key decides. Computed only then,
        // so a token of well-kept IDs costs no second parse.
        if (!privateKey && (!privateKeys.isEmpty() || (!publicKey && !publicKeys.isEmpty())) && entry.info) {
            const PublicKeyBytes certKey = publicKeyOf(object.value);
            if (!certKey.isEmpty()) {
                for (const ObjectInfo* key : std::as_const(privateKeys)) {
                    if (sameKey(certKey, *key)) {
                        privateKey = key;
                        break;
                    }
                }
                if (!publicKey) {
                    for (const ObjectInfo* key : std::as_const(publicKeys)) {
                        if (sameKey(certKey, *key)) {
                            publicKey = key;
                            break;
                        }
                    }
                }
                // EC private keys carry no point: the public key's ID leads to them.
                if (!privateKey && publicKey) {
                    privateKey = findById(privateKeys, publicKey->id);
                }
            }
        }

        if (privateKey) {
            entry.keyState = CertificateEntry::KeyState::Present;
            entry.privateKey = *privateKey;
        } else if (hidesKeys && (publicKey || hardwareToken)) {
            entry.keyState = CertificateEntry::KeyState::Expected;
        }
        if (publicKey) {
            entry.publicKey = *publicKey;
        }
        entries.append(std::move(entry));
    }
    return entries;
}

} // namespace tokendesk
