#pragma once

// Internal to backend/x509: this header includes OpenSSL, so only the x509 .cpp files include it.

#include "CertificateInfo.h"

#include <QByteArray>
#include <openssl/x509.h>
#include <optional>

namespace tokendesk {

/// A faster way through d2i_X509 for RSA and named-curve EC keys, which nearly every
/// certificate on a token has.
///
/// OpenSSL 3.0's d2i_X509 decodes the public key through the provider decoders and
/// builds a decoder context for it each time: ~80 of the ~95 us one certificate costs
/// here (3.2 caches the decoders; Debian 12 has 3.0). A certificate whose key
/// algorithm OpenSSL does not know skips that. So OpenSSL parses a copy with the
/// key's algorithm OID changed to an unknown one of the same length (every other byte
/// as it was), and the key's facts are read from the SubjectPublicKeyInfo here: RSA
/// modulus bits; EC curve, its order's bits, and the point checked on the curve.
/// What keyInfo() cannot tell that way (explicit curve parameters, a point not on the
/// curve, trailing bytes) it leaves to the full parse. tst_certificateparser compares
/// both ways on every certificate it has.
class PublicKeyShortcut
{
public:
    struct Prepared
    {
        QByteArray patched;    ///< the certificate with the key algorithm OID made unknown
        int keyNid = 0;        ///< NID_rsaEncryption or NID_X9_62_id_ecPublicKey
        QByteArray oid;        ///< the key algorithm OID's TLV as it was
        QByteArray patchedOid; ///< and as it is in `patched`
    };
    /// The patched copy, when the key is RSA or EC and the DER walks cleanly; else empty.
    static std::optional<Prepared> prepare(const QByteArray& der);

    struct Key
    {
        PublicKeyInfo info;
        /// The SubjectPublicKeyInfo as i2d_X509_PUBKEY encodes the original's (OpenSSL
        /// re-encodes it: a long-form length, unused bits in the BIT STRING, ...).
        QByteArray spki;
    };
    /// The key's facts, as CertificateFields reads them from the decoded key, from the
    /// patched certificate `cert`; empty when only the full parse can tell.
    static std::optional<Key> read(X509* cert, const Prepared& prepared);

    /// An OpenSSL library context with no algorithm in it (the "null" provider), to decode
    /// the patched certificate in: OpenSSL 3.0 still builds a decoder context for a key
    /// whose algorithm it does not know, listing every key manager of the default
    /// provider (~16 us a certificate, a third of the parse); here it finds none at once.
    /// Nothing read from the patched certificate needs an algorithm (its SHA-1 cache is
    /// left empty; CertificateFields hashes with QCryptographicHash). Null if OpenSSL
    /// could not make one: then the default context.
    static OSSL_LIB_CTX* keylessContext();
};

} // namespace tokendesk
