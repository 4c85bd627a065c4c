#pragma once

#include "Identity.h"
#include "Pkcs11Error.h"
#include "Pkcs11Token.h"
#include "backend/common/Result.h"

#include <QMetaType>
#include <QString>

namespace tokendesk {

class PinPrompter;

/// What "Test this identity" found: the token signed a fresh random challenge
/// and the certificate's public key did (or did not) verify the signature.
struct IdentityTestResult
{
    QString mechanism;         ///< "CKM_SHA256_RSA_PKCS", "CKM_RSA_PKCS", "CKM_ECDSA", "CKM_ECDSA_SHA256"
    quint64 mechanismCode = 0; ///< the CKM_* value
    int signatureLength = 0;   ///< bytes, as the token returned them (raw r||s for ECDSA)
    bool verified = false;     ///< false: the token signed, but not with the certificate's key
    QString verifyError;       ///< OpenSSL's reason when not verified; never a secret
    qint64 elapsedMs = 0;      ///< C_SignInit to C_Sign (a context-specific login included), no prompt time
    bool pinpad = false;       ///< the PIN was entered on the reader (CKF_PROTECTED_AUTHENTICATION_PATH)
    bool contextLogin = false; ///< the key wants the PIN before every use (CKA_ALWAYS_AUTHENTICATE)
    bool loggedIn = false;     ///< this test logged in (and out again); false when the token needed no login

    bool operator==(const IdentityTestResult& o) const
    {
        return mechanism == o.mechanism && mechanismCode == o.mechanismCode && signatureLength == o.signatureLength &&
               verified == o.verified && verifyError == o.verifyError && elapsedMs == o.elapsedMs &&
               pinpad == o.pinpad && contextLogin == o.contextLogin && loggedIn == o.loggedIn;
    }
    bool operator!=(const IdentityTestResult& o) const { return !(*this == o); }
};

/// "Test this identity", the helpdesk's proof that a card works: signs 32
/// random bytes (RAND_bytes) with the identity's private key on the token and
/// verifies the signature with the certificate's public key (OpenSSL EVP).
///
/// Mechanisms: RSA: CKM_SHA256_RSA_PKCS when the token offers it, else
/// CKM_RSA_PKCS over a DigestInfo(SHA-256) built here. EC: CKM_ECDSA_SHA256
/// when offered, else CKM_ECDSA over the SHA-256 digest; the raw r||s is
/// turned into DER for OpenSSL. `preferRaw` picks the raw mechanism whenever
/// the token offers it (tests use it to prove both paths).
///
/// The PIN: asked once through the PinPrompter (Purpose::TestIdentity,
/// finalTry from the token's PIN flags read just before), never retried here;
/// a locked PIN is PinLocked without asking. A protected authentication path
/// (PIN pad) logs in with no PIN between pinpadStarted() and pinpadFinished().
/// A key with CKA_ALWAYS_AUTHENTICATE (PIV 9C) gets the context-specific login
/// after C_SignInit with the same secret, not asked twice. The secret is
/// wiped when the test ends. The test logs out again if it logged in.
///
/// Blocking, on a worker: the signing runs inside Pkcs11Token::withSession, so
/// it is serialized with every other operation on the token. The PIN is asked
/// before that lock is taken (with the PIN state read just before), so a dialog
/// left open holds up nothing else; it may then be asked although the token
/// turns out to be logged in already, and is simply not used.
///
/// Errors: Cancelled (the prompter gave no PIN; nothing was sent to the token),
/// PinIncorrect, PinLocked, PinInvalid, TokenNotPresent / SessionClosed /
/// DeviceError when the card goes, ObjectNotFound (no private key with the
/// certificate's CKA_ID), NotSupported (a key type or a token without a usable
/// mechanism), Other with `detail` for a certificate that does not parse. A
/// signature that does not verify is a result with verified == false.
class IdentityTester
{
public:
    struct Options
    {
        bool preferRaw = false;
    };

    [[nodiscard]] static Result<IdentityTestResult, Pkcs11Error>
    test(const Pkcs11Token& token, const CertificateEntry& identity, PinPrompter& prompter, Options options);
    [[nodiscard]] static Result<IdentityTestResult, Pkcs11Error>
    test(const Pkcs11Token& token, const CertificateEntry& identity, PinPrompter& prompter)
    {
        return test(token, identity, prompter, Options());
    }
};

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::IdentityTestResult)
