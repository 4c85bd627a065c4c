// Key generation, PEM round trips, self-signed certificates and the private-key
// operations of the simulated PIV card (OpenSSL 3).
#pragma once

#include "Tlv.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <optional>
#include <string>

namespace simcard {

template<auto F> struct Free
{
    template<typename T> void operator()(T* p) const { F(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Free<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Free<X509_free>>;

enum class KeyType
{
    Rsa2048,
    P256,
    P384,
};

// One PIV key slot (9A, 9C, 9D, 9E): its key pair and the certificate that goes with it.
struct SlotKey
{
    std::uint8_t slot = 0;
    KeyType type = KeyType::Rsa2048;
    PKeyPtr key;
    X509Ptr cert;
};

class SimCardKeys
{
public:
    static const char* typeName(KeyType type);
    static std::optional<KeyType> parseType(const std::string& name);
    static std::optional<KeyType> typeOf(const EVP_PKEY* key);
    // PIV algorithm reference (SP 800-78): 07 RSA 2048, 11 ECC P-256, 14 ECC P-384.
    static std::uint8_t algorithmId(KeyType type);

    static PKeyPtr generate(KeyType type);
    // subject: "CN=...,O=..." or "/CN=.../O=..."; valid from now for one year, digitalSignature.
    static X509Ptr selfSignedCert(EVP_PKEY* key, const std::string& subject);
    static bool certMatchesKey(X509* cert, EVP_PKEY* key);

    static PKeyPtr keyFromPem(const std::string& pem);
    static X509Ptr certFromPem(const std::string& pem);
    static std::string keyToPem(EVP_PKEY* key);
    static std::string certToPem(X509* cert);
    static Bytes certDer(X509* cert);
    static Bytes sha256(const Bytes& data);
    static std::optional<std::string> readFile(const std::string& path);

    // The raw RSA private operation (no padding): input is the already padded block, as long as the modulus.
    static std::optional<Bytes> rsaRaw(EVP_PKEY* key, const Bytes& block);
    // ECDSA over an already computed hash of any length; the signature is DER (SEQUENCE of r, s).
    static std::optional<Bytes> ecdsaSign(EVP_PKEY* key, const Bytes& hash);
    static Bytes randomBytes(std::size_t count);
};

} // namespace simcard
