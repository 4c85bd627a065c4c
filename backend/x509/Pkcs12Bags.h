#pragma once

// Internal to Pkcs12Reader: the walk over a PKCS#12 file's authenticated safes and their bags.

#include "Pkcs12Pbe.h"
#include "Pkcs12Reader.h"

#include <openssl/pkcs12.h>
#include <vector>

namespace tokendesk {

/// One way to hand the password to OpenSSL: absent (data null), as given, or converted.
struct Pkcs12Password
{
    const char* data = nullptr;
    int length = 0;
    bool legacy = false; ///< the pre-OpenSSL-1.1 conversion
};

class Pkcs12Bags
{
public:
    /// `chosen`: the candidate the MAC verified with, or -1 when the file has no MAC.
    Pkcs12Bags(const std::vector<Pkcs12Password>& candidates, int chosen, Pkcs12Budget* budget);

    /// Every key and certificate, and the PBEs they were encrypted with, into `out`.
    std::optional<Pkcs12Error> read(const PKCS12* p12, Pkcs12Contents* out);
    /// The candidate that decrypted (or verified the MAC), -1 if nothing needed a password.
    int chosen() const { return m_chosen; }

private:
    std::optional<Pkcs12Error> readBags(const STACK_OF(PKCS12_SAFEBAG) * bags, int depth);
    std::optional<Pkcs12Error> readBag(const PKCS12_SAFEBAG* bag, int depth);
    std::optional<Pkcs12Error> readKey(const PKCS8_PRIV_KEY_INFO* p8, const PKCS12_SAFEBAG* bag);
    std::optional<Pkcs12Error> readCertificate(const PKCS12_SAFEBAG* bag);
    /// Checks the algorithm, then calls `decrypt(password)` with each candidate, the chosen one first.
    template<typename T, typename F>
    std::optional<Pkcs12Error> tryPasswords(const X509_ALGOR* algorithm, qsizetype ciphertextSize, F decrypt,
                                            T* result);

    const std::vector<Pkcs12Password>& m_candidates;
    int m_chosen;
    const bool m_macVerified;
    Pkcs12Budget* m_budget;
    Pkcs12Contents* m_out = nullptr;
};

} // namespace tokendesk
