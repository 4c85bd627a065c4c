#include "SimCardKeys.h"

#include <cstdlib>
#include <fstream>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <openssl/x509v3.h>
#include <sstream>

namespace simcard {

namespace {

using BioPtr = std::unique_ptr<BIO, Free<BIO_free_all>>;
using PKeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Free<EVP_PKEY_CTX_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Free<X509_EXTENSION_free>>;

std::string bioToString(BIO* bio)
{
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return len > 0 ? std::string(data, static_cast<std::size_t>(len)) : std::string();
}

bool addExtension(X509* cert, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

bool setSubject(X509_NAME* name, const std::string& subject)
{
    // Split "CN=a,O=b" or "/CN=a/O=b" into key=value pairs.
    const char separator = !subject.empty() && subject[0] == '/' ? '/' : ',';
    std::stringstream in(subject);
    std::string part;
    bool any = false;
    while (std::getline(in, part, separator)) {
        while (!part.empty() && part.front() == ' ')
            part.erase(part.begin());
        if (part.empty())
            continue;
        const auto eq = part.find('=');
        if (eq == std::string::npos || eq == 0)
            return false;
        const std::string field = part.substr(0, eq);
        const std::string value = part.substr(eq + 1);
        if (X509_NAME_add_entry_by_txt(name, field.c_str(), MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0) != 1)
            return false;
        any = true;
    }
    return any;
}

} // namespace

const char* SimCardKeys::typeName(KeyType type)
{
    switch (type) {
    case KeyType::Rsa2048:
        return "rsa2048";
    case KeyType::P256:
        return "p256";
    case KeyType::P384:
        return "p384";
    }
    return "?";
}

std::optional<KeyType> SimCardKeys::parseType(const std::string& name)
{
    for (const KeyType t : {KeyType::Rsa2048, KeyType::P256, KeyType::P384}) {
        if (name == typeName(t))
            return t;
    }
    return std::nullopt;
}

std::optional<KeyType> SimCardKeys::typeOf(const EVP_PKEY* key)
{
    if (EVP_PKEY_is_a(key, "RSA") && EVP_PKEY_get_bits(key) == 2048)
        return KeyType::Rsa2048;
    if (EVP_PKEY_is_a(key, "EC")) {
        char group[64] = {};
        if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, nullptr) != 1)
            return std::nullopt;
        const std::string g(group);
        if (g == "prime256v1" || g == "P-256")
            return KeyType::P256;
        if (g == "secp384r1" || g == "P-384")
            return KeyType::P384;
    }
    return std::nullopt;
}

std::uint8_t SimCardKeys::algorithmId(KeyType type)
{
    switch (type) {
    case KeyType::Rsa2048:
        return 0x07;
    case KeyType::P256:
        return 0x11;
    case KeyType::P384:
        return 0x14;
    }
    return 0;
}

PKeyPtr SimCardKeys::generate(KeyType type)
{
    switch (type) {
    case KeyType::Rsa2048:
        return PKeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)));
    case KeyType::P256:
        return PKeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    case KeyType::P384:
        return PKeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"));
    }
    return nullptr;
}

X509Ptr SimCardKeys::selfSignedCert(EVP_PKEY* key, const std::string& subject)
{
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1)
        return nullptr;
    Bytes serial = randomBytes(16);
    serial[0] &= 0x7F; // positive
    serial[0] |= 0x40; // and without a leading zero byte
    std::unique_ptr<BIGNUM, Free<BN_free>> bn(BN_bin2bn(serial.data(), static_cast<int>(serial.size()), nullptr));
    if (!bn || !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get())))
        return nullptr;
    // A minute back, so a peer whose clock is a little behind still accepts it.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60) ||
        !X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 24 * 3600))
        return nullptr;
    if (!setSubject(X509_get_subject_name(cert.get()), subject) ||
        X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get())) != 1 ||
        X509_set_pubkey(cert.get(), key) != 1)
        return nullptr;
    if (!addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(cert.get(), NID_subject_key_identifier, "hash"))
        return nullptr;
    if (X509_sign(cert.get(), key, EVP_sha256()) <= 0)
        return nullptr;
    return cert;
}

bool SimCardKeys::certMatchesKey(X509* cert, EVP_PKEY* key)
{
    return X509_check_private_key(cert, key) == 1;
}

PKeyPtr SimCardKeys::keyFromPem(const std::string& pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return PKeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

X509Ptr SimCardKeys::certFromPem(const std::string& pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

std::string SimCardKeys::keyToPem(EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioToString(bio.get());
}

std::string SimCardKeys::certToPem(X509* cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return {};
    return bioToString(bio.get());
}

Bytes SimCardKeys::certDer(X509* cert)
{
    const int len = i2d_X509(cert, nullptr);
    if (len <= 0)
        return {};
    Bytes der(static_cast<std::size_t>(len));
    unsigned char* p = der.data();
    i2d_X509(cert, &p);
    return der;
}

Bytes SimCardKeys::sha256(const Bytes& data)
{
    Bytes digest(SHA256_DIGEST_LENGTH);
    SHA256(data.data(), data.size(), digest.data());
    return digest;
}

std::optional<std::string> SimCardKeys::readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::optional<Bytes> SimCardKeys::rsaRaw(EVP_PKEY* key, const Bytes& block)
{
    if (!EVP_PKEY_is_a(key, "RSA") || block.size() != static_cast<std::size_t>(EVP_PKEY_get_size(key)))
        return std::nullopt;
    PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1)
        return std::nullopt;
    std::size_t outLen = 0;
    if (EVP_PKEY_decrypt(ctx.get(), nullptr, &outLen, block.data(), block.size()) != 1)
        return std::nullopt;
    Bytes out(outLen);
    if (EVP_PKEY_decrypt(ctx.get(), out.data(), &outLen, block.data(), block.size()) != 1)
        return std::nullopt;
    out.resize(outLen);
    return out;
}

std::optional<Bytes> SimCardKeys::ecdsaSign(EVP_PKEY* key, const Bytes& hash)
{
    if (!EVP_PKEY_is_a(key, "EC") || hash.empty() || hash.size() > 64)
        return std::nullopt;
    PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1)
        return std::nullopt;
    std::size_t outLen = 0;
    if (EVP_PKEY_sign(ctx.get(), nullptr, &outLen, hash.data(), hash.size()) != 1)
        return std::nullopt;
    Bytes out(outLen);
    if (EVP_PKEY_sign(ctx.get(), out.data(), &outLen, hash.data(), hash.size()) != 1)
        return std::nullopt;
    out.resize(outLen);
    return out;
}

Bytes SimCardKeys::randomBytes(std::size_t count)
{
    Bytes out(count);
    if (count > 0 && RAND_bytes(out.data(), static_cast<int>(count)) != 1)
        std::abort(); // no randomness, no keys, no serials: nothing sensible is left to do
    return out;
}

} // namespace simcard
