#pragma once

// Internal to Pkcs12Reader: what a PKCS#12 file's algorithm identifiers say, checked before
// OpenSSL is asked to compute anything, so that "no provider has this cipher" and "too many
// iterations" are told apart from a wrong password.

#include "Pkcs12Error.h"

#include <QString>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <optional>

namespace tokendesk {

struct Pkcs12Pbe
{
    QString name;                       ///< "PBES2 AES-256-CBC", "pbeWithSHA1And40BitRC2-CBC"; the MAC's: "SHA-256"
    bool weak = false;                  ///< RC2, RC4, DES, 3DES; MD5 or SHA-1 for the MAC
    qint64 cost = 0;                    ///< iterations, counted against Pkcs12Reader's limits
    int blockSize = 1;                  ///< of the cipher: the ciphertext is a multiple of it
    int macSize = 0;                    ///< of the MAC's digest
    std::optional<Pkcs12Error> problem; ///< Corrupt parameters, or UnsupportedAlgorithm

    /// An encrypted data's or a shrouded key's AlgorithmIdentifier.
    static Pkcs12Pbe encryption(const X509_ALGOR* algorithm);
    /// The MAC of a file that has one.
    static Pkcs12Pbe mac(const PKCS12* p12);
};

/// The iterations one parse() has computed, against Pkcs12Reader::kMaxTotalIterations.
class Pkcs12Budget
{
public:
    std::optional<Pkcs12Error> spend(qint64 cost);

private:
    qint64 m_spent = 0;
};

Pkcs12Error pkcs12Error(Pkcs12Error::Code code, QString detail = {});
/// OpenSSL's error queue as text, emptied.
QString pkcs12TakeErrors();

} // namespace tokendesk
