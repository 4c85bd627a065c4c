#pragma once

#include "Identity.h"
#include "TokenInfo.h"
#include "backend/x509/CertificateParseQueue.h"

namespace tokendesk {

/// Joins certificates with private and public keys on one token: the same
/// CKA_ID, or, where IDs are missing or differ, the same public key (RSA
/// modulus, EC point) as the certificate's. Pure: no PKCS#11 calls.
class IdentityMatcher
{
public:
    /// The certificates of `objects`, in order, with their key state. `loggedIn`
    /// false and a token that hides private objects (CKF_LOGIN_REQUIRED) make
    /// a certificate without a visible key Expected when a public key with its
    /// ID is there or the module is a smart-card module; None otherwise.
    /// Certificates in `parsed` (by DER) are not parsed again; the others are,
    /// on all cores.
    static QList<CertificateEntry> match(const TokenInfo& token, const ObjectList& objects, bool loggedIn,
                                         const CertificateParseQueue::Parsed& parsed = {});
};

} // namespace tokendesk
