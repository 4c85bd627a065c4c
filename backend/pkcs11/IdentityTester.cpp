#include "IdentityTester.h"

#include "PinPrompter.h"
#include "PinStatus.h"
#include "TokenReader.h"
#include "backend/common/CFree.h"
#include "backend/common/Logging.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QThread>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <p11-kit/pkcs11.h>
#include <vector>

namespace tokendesk {

namespace {

using Pkey = CPtr<EVP_PKEY, EVP_PKEY_free>;
using Certificate = CPtr<X509, X509_free>;
using DigestContext = CPtr<EVP_MD_CTX, EVP_MD_CTX_free>;
using EcdsaSignature = CPtr<ECDSA_SIG, ECDSA_SIG_free>;

constexpr int kChallengeLength = 32;
/// Enough for RSA-8192; a token that wants more says so (CKR_BUFFER_TOO_SMALL).
constexpr CK_ULONG kSignatureBuffer = 1024;

enum class KeyKind
{
    Rsa,
    Ec,
};

Pkcs11Error callError(CK_RV rv, const char* function)
{
    return Pkcs11Error::fromCode(rv, QString::fromLatin1(function));
}

Pkcs11Error plainError(Pkcs11Error::Kind kind, const QString& function, const QString& detail = {})
{
    Pkcs11Error e;
    e.kind = kind;
    e.function = function;
    e.detail = detail;
    return e;
}

QString openSslReason()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) {
        return QStringLiteral("the signature does not match the certificate's public key");
    }
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

QString mechanismName(CK_MECHANISM_TYPE mechanism)
{
    switch (mechanism) {
    case CKM_SHA256_RSA_PKCS:
        return QStringLiteral("CKM_SHA256_RSA_PKCS");
    case CKM_RSA_PKCS:
        return QStringLiteral("CKM_RSA_PKCS");
    case CKM_ECDSA:
        return QStringLiteral("CKM_ECDSA");
    case CKM_ECDSA_SHA256:
        return QStringLiteral("CKM_ECDSA_SHA256");
    default:
        return QStringLiteral("0x%1").arg(mechanism, 0, 16);
    }
}

Result<QList<CK_MECHANISM_TYPE>, Pkcs11Error> mechanismList(const Pkcs11Module& module, CK_SLOT_ID slot)
{
    CK_ULONG count = 0;
    CK_RV rv = module.functions()->C_GetMechanismList(slot, nullptr, &count);
    if (rv != CKR_OK) {
        return callError(rv, "C_GetMechanismList");
    }
    // One more than asked for: p11-kit-client 0.24 (an isolated module) drops the mechanisms its
    // RPC cannot carry with a memmove of one element too many (mechanism_list_purge), which
    // reads the element after the last.
    std::vector<CK_MECHANISM_TYPE> list(count + 1);
    if (count > 0) {
        rv = module.functions()->C_GetMechanismList(slot, list.data(), &count);
        if (rv != CKR_OK) {
            return callError(rv, "C_GetMechanismList");
        }
    }
    QList<CK_MECHANISM_TYPE> mechanisms;
    for (CK_ULONG i = 0; i < count && i < list.size(); ++i) {
        mechanisms.append(list[i]);
    }
    return mechanisms;
}

std::optional<CK_MECHANISM_TYPE> chooseMechanism(KeyKind kind, const QList<CK_MECHANISM_TYPE>& offered, bool preferRaw)
{
    const CK_MECHANISM_TYPE hashed = kind == KeyKind::Rsa ? CKM_SHA256_RSA_PKCS : CKM_ECDSA_SHA256;
    const CK_MECHANISM_TYPE raw = kind == KeyKind::Rsa ? CKM_RSA_PKCS : CKM_ECDSA;
    const CK_MECHANISM_TYPE first = preferRaw ? raw : hashed;
    const CK_MECHANISM_TYPE second = preferRaw ? hashed : raw;
    if (offered.contains(first)) {
        return first;
    }
    if (offered.contains(second)) {
        return second;
    }
    return std::nullopt;
}

QByteArray sha256(const QByteArray& data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), digest, &length, EVP_sha256(), nullptr) != 1) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(digest), int(length));
}

/// What the token signs for a mechanism: the challenge itself for the
/// hashing mechanisms, its digest (in a DigestInfo for RSA) for the raw ones.
QByteArray toBeSigned(CK_MECHANISM_TYPE mechanism, const QByteArray& challenge)
{
    switch (mechanism) {
    case CKM_RSA_PKCS:
        // DER of DigestInfo { AlgorithmIdentifier { sha256, NULL }, OCTET STRING (32) }, RFC 8017 9.2.
        return QByteArray::fromHex("3031300d060960864801650304020105000420") + sha256(challenge);
    case CKM_ECDSA:
        return sha256(challenge);
    default:
        return challenge;
    }
}

/// PKCS#11 gives ECDSA signatures as r || s, each as long as the group order; OpenSSL wants DER.
QByteArray rawEcdsaToDer(const QByteArray& raw)
{
    if (raw.isEmpty() || raw.size() % 2 != 0) {
        return {};
    }
    const int half = int(raw.size() / 2);
    const auto* bytes = reinterpret_cast<const unsigned char*>(raw.constData());
    EcdsaSignature signature(ECDSA_SIG_new());
    BIGNUM* r = BN_bin2bn(bytes, half, nullptr);
    BIGNUM* s = BN_bin2bn(bytes + half, half, nullptr);
    if (!signature || !r || !s || ECDSA_SIG_set0(signature.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    const int length = i2d_ECDSA_SIG(signature.get(), nullptr);
    if (length <= 0) {
        return {};
    }
    QByteArray der(length, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    i2d_ECDSA_SIG(signature.get(), &out);
    return der;
}

/// Verifies an RSA PKCS#1 v1.5 or ECDSA (DER) signature of SHA-256(challenge).
bool verifySignature(EVP_PKEY* key, const QByteArray& challenge, const QByteArray& signature, QString* why)
{
    ERR_clear_error();
    DigestContext context(EVP_MD_CTX_new());
    if (!context || EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) != 1) {
        *why = openSslReason();
        return false;
    }
    const int rc = EVP_DigestVerify(
        context.get(), reinterpret_cast<const unsigned char*>(signature.constData()), size_t(signature.size()),
        reinterpret_cast<const unsigned char*>(challenge.constData()), size_t(challenge.size()));
    if (rc != 1) {
        *why = openSslReason();
        return false;
    }
    return true;
}

/// RFC 4514, as CertificateInfo::subject says it, for an entry that was not parsed.
QString subjectOf(X509* certificate)
{
    using Bio = CPtr<BIO, BIO_free>;
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), X509_get_subject_name(certificate), 0, XN_FLAG_RFC2253) < 0) {
        return {};
    }
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, int(length));
}

/// A card pulled in the middle of a signature shows in many ways (OpenSC 0.23 answers
/// C_Sign with CKR_GENERAL_ERROR when the reader loses the card mid-APDU). When a
/// failure is not already a removal, ask the slot (C_GetSlotInfo: it does not talk to
/// the card, so it cannot hit OpenSC's card-lock deadlock) for a short, bounded while,
/// and call it TokenNotPresent if the card went; the module's own code stays in `detail`.
Pkcs11Error explainFailure(const Pkcs11Session& session, const TokenInfo& token, Pkcs11Error error)
{
    switch (error.kind) {
    case Pkcs11Error::Kind::Other:
    case Pkcs11Error::Kind::DeviceError:
        break;
    default:
        return error;
    }
    if (!token.slot.removable) {
        return error;
    }
    // pcscd may take a moment to report what the failed transmit already saw.
    constexpr int kChecks = 5;
    constexpr int kIntervalMs = 100;
    for (int i = 0; i < kChecks; ++i) {
        const auto slot = session.module().slotInfo(session.slotId());
        if (!slot || !slot.value().tokenPresent) {
            Pkcs11Error gone = Pkcs11Error::tokenNotPresent(token.label, token.serial, error.function);
            gone.detail = error.codeName();
            return gone;
        }
        QThread::msleep(kIntervalMs);
    }
    return error;
}

/// `triesLeft`: the PIV counter read before (-1 when the card does not tell), so the prompt says
/// the tries left as the change-PIN dialog does.
PinRequest requestFor(const TokenInfo& token, const CertificateEntry& identity, X509* certificate, int triesLeft)
{
    PinState state;
    state.flags = token.userPin;
    state.triesLeft = triesLeft;
    PinRequest request;
    request.secret = PinRequest::Secret::UserPin;
    request.purpose = PinRequest::Purpose::TestIdentity;
    request.token = token;
    request.triesLeft = state.triesLeft;
    request.finalTry = state.finalTry();
    if (identity.info) {
        request.subject = identity.info->friendlyName.isEmpty() ? identity.info->subject : identity.info->friendlyName;
    } else {
        request.subject = subjectOf(certificate);
    }
    return request;
}

} // namespace

Result<IdentityTestResult, Pkcs11Error> IdentityTester::test(const Pkcs11Token& token, const CertificateEntry& identity,
                                                             PinPrompter& prompter, Options options)
{
    // The certificate first: nothing is asked or sent for one that cannot be checked.
    const QByteArray& der = identity.object.value;
    const auto* derBytes = reinterpret_cast<const unsigned char*>(der.constData());
    Certificate certificate(d2i_X509(nullptr, &derBytes, long(der.size())));
    Pkey publicKey(certificate ? X509_get_pubkey(certificate.get()) : nullptr);
    ERR_clear_error();
    if (!publicKey) {
        return plainError(Pkcs11Error::Kind::Other, QStringLiteral("d2i_X509"),
                          QStringLiteral("the certificate does not parse"));
    }
    KeyKind kind = KeyKind::Rsa;
    switch (EVP_PKEY_get_base_id(publicKey.get())) {
    case EVP_PKEY_RSA:
        kind = KeyKind::Rsa;
        break;
    case EVP_PKEY_EC:
        kind = KeyKind::Ec;
        break;
    default:
        return plainError(Pkcs11Error::Kind::NotSupported, QStringLiteral("EVP_PKEY_get_base_id"),
                          QStringLiteral("only RSA and EC keys can be tested"));
    }
    const QByteArray keyId = identity.privateKey ? identity.privateKey->id : identity.object.id;

    // The PIN is asked before the token's lock is taken, with the PIN state read just
    // before: a dialog left open must not hold up other work on this token (the
    // watcher's reads, which would stall every token's updates). Wiped when the test ends.
    auto before = token.refresh();
    if (!before) {
        return before.error();
    }
    // A PIV card tells its PIN counter (no try spent); other tokens only their flags.
    int triesLeft = -1;
    if (const auto piv = TokenReader::readPivPin(before.value()); piv && piv->state != PivPinStatus::State::Verified) {
        triesLeft = piv->triesLeft;
    }
    std::optional<SecureBytes> pin;
    const auto wipe = qScopeGuard([&pin] { pin.reset(); });
    if (before.value().loginRequired && !before.value().protectedAuthenticationPath) {
        if (before.value().userPin.locked) {
            return callError(CKR_PIN_LOCKED, "C_GetTokenInfo");
        }
        pin = prompter.askPin(requestFor(before.value(), identity, certificate.get(), triesLeft));
        if (!pin) {
            return plainError(Pkcs11Error::Kind::Cancelled, QStringLiteral("PinPrompter::askPin"));
        }
    }

    return token.withSession<IdentityTestResult>(
        [&](Pkcs11Session& session) -> Result<IdentityTestResult, Pkcs11Error> {
            const Pkcs11Module& module = session.module();
            const CK_SESSION_HANDLE handle = session.handle();

            auto offered = mechanismList(module, session.slotId());
            if (!offered) {
                return offered.error();
            }
            const auto mechanism = chooseMechanism(kind, offered.value(), options.preferRaw);
            if (!mechanism) {
                return plainError(Pkcs11Error::Kind::NotSupported, QStringLiteral("C_GetMechanismList"),
                                  kind == KeyKind::Rsa ? QStringLiteral("no CKM_SHA256_RSA_PKCS or CKM_RSA_PKCS")
                                                       : QStringLiteral("no CKM_ECDSA_SHA256 or CKM_ECDSA"));
            }
            IdentityTestResult result;
            result.mechanismCode = *mechanism;
            result.mechanism = mechanismName(*mechanism);

            CK_SESSION_INFO sessionInfo{};
            if (const CK_RV rv = module.functions()->C_GetSessionInfo(handle, &sessionInfo); rv != CKR_OK) {
                return callError(rv, "C_GetSessionInfo");
            }
            const bool alreadyLoggedIn =
                sessionInfo.state == CKS_RO_USER_FUNCTIONS || sessionInfo.state == CKS_RW_USER_FUNCTIONS;
            // The PIN state now, not the snapshot's: a wrong PIN elsewhere may have made this the final try.
            auto now = session.module().tokenInfo(session.slotId());
            if (!now) {
                return now.error();
            }
            const TokenInfo& info = now.value();
            // The counter read before holds only while the flags say nothing happened since.
            const PinRequest request =
                requestFor(info, identity, certificate.get(), info.userPin == before.value().userPin ? triesLeft : -1);
            result.pinpad = info.protectedAuthenticationPath;

            // Asked at most once per test (above, or here when the token changed meanwhile).
            const auto login = [&](Pkcs11Session::User user) -> Status<Pkcs11Error> {
                if (result.pinpad) {
                    if (request.finalTry && !prompter.confirmFinalTry(request)) {
                        return plainError(Pkcs11Error::Kind::Cancelled, QStringLiteral("PinPrompter::confirmFinalTry"));
                    }
                    prompter.pinpadStarted(request);
                    auto done = session.login(user, QByteArray(), true);
                    prompter.pinpadFinished();
                    return done;
                }
                if (!pin) {
                    pin = prompter.askPin(request);
                    if (!pin) {
                        return plainError(Pkcs11Error::Kind::Cancelled, QStringLiteral("PinPrompter::askPin"));
                    }
                }
                return session.login(user, pin->bytes());
            };

            if (!alreadyLoggedIn && info.loginRequired) {
                if (info.userPin.locked) {
                    return callError(CKR_PIN_LOCKED, "C_GetTokenInfo");
                }
                if (auto done = login(Pkcs11Session::User::User); !done) {
                    qCDebug(lcPkcs11) << "identity test: login" << done.error().codeName();
                    return explainFailure(session, info, done.error());
                }
                result.loggedIn = true;
            }
            // The login holds for every session of this application on the token: end it here.
            const auto logout = qScopeGuard([&] {
                if (result.loggedIn) {
                    if (auto done = session.logout(); !done) {
                        qCDebug(lcPkcs11) << "C_Logout:" << done.error().codeName();
                    }
                }
            });

            const CK_OBJECT_CLASS privateKeyClass = CKO_PRIVATE_KEY;
            auto keys = session.findObjects(
                {{CKA_CLASS, QByteArray(reinterpret_cast<const char*>(&privateKeyClass), sizeof privateKeyClass)},
                 {CKA_ID, keyId}});
            if (!keys) {
                return keys.error();
            }
            if (keys.value().isEmpty()) {
                return plainError(Pkcs11Error::Kind::ObjectNotFound, QStringLiteral("C_FindObjects"),
                                  QStringLiteral("no private key with id %1").arg(QString::fromLatin1(keyId.toHex())));
            }
            const CK_OBJECT_HANDLE key = keys.value().constFirst();
            auto attributes = session.attributes(key, {CKA_ALWAYS_AUTHENTICATE});
            if (!attributes) {
                return attributes.error();
            }
            result.contextLogin =
                Pkcs11Session::toBool(attributes.value().value(CKA_ALWAYS_AUTHENTICATE, QByteArray())).value_or(false);

            QByteArray challenge(kChallengeLength, Qt::Uninitialized);
            if (RAND_bytes(reinterpret_cast<unsigned char*>(challenge.data()), kChallengeLength) != 1) {
                return plainError(Pkcs11Error::Kind::Other, QStringLiteral("RAND_bytes"), openSslReason());
            }
            const QByteArray data = toBeSigned(*mechanism, challenge);
            qCDebug(lcPkcs11) << "identity test on" << info.serial << "with" << result.mechanism
                              << (result.contextLogin ? "(context-specific login)" : "");

            QElapsedTimer timer;
            timer.start();
            CK_MECHANISM mech{*mechanism, nullptr, 0};
            if (const CK_RV rv = module.functions()->C_SignInit(handle, &mech, key); rv != CKR_OK) {
                return explainFailure(session, info, callError(rv, "C_SignInit"));
            }
            if (result.contextLogin) {
                if (auto done = login(Pkcs11Session::User::ContextSpecific); !done) {
                    qCDebug(lcPkcs11) << "identity test: context-specific login" << done.error().codeName();
                    return explainFailure(session, info, done.error());
                }
            }
            pin.reset(); // no further use
            std::vector<CK_BYTE> signature(kSignatureBuffer);
            CK_ULONG length = signature.size();
            auto* input = reinterpret_cast<CK_BYTE*>(const_cast<char*>(data.constData()));
            CK_RV rv = module.functions()->C_Sign(handle, input, CK_ULONG(data.size()), signature.data(), &length);
            if (rv == CKR_BUFFER_TOO_SMALL && length > signature.size() && length < 64 * 1024) {
                signature.resize(length);
                rv = module.functions()->C_Sign(handle, input, CK_ULONG(data.size()), signature.data(), &length);
            }
            result.elapsedMs = timer.elapsed();
            if (rv != CKR_OK) {
                qCDebug(lcPkcs11) << "identity test: C_Sign" << Pkcs11Error::codeName(rv);
                return explainFailure(session, info, callError(rv, "C_Sign"));
            }
            const QByteArray produced(reinterpret_cast<const char*>(signature.data()), int(length));
            result.signatureLength = int(length);
            const QByteArray forOpenSsl = kind == KeyKind::Ec ? rawEcdsaToDer(produced) : produced;
            result.verified =
                !forOpenSsl.isEmpty() && verifySignature(publicKey.get(), challenge, forOpenSsl, &result.verifyError);
            if (forOpenSsl.isEmpty()) {
                result.verifyError = QStringLiteral("the token's ECDSA signature is not r || s");
            }
            qCDebug(lcPkcs11) << "identity test on" << info.serial << result.mechanism << result.signatureLength
                              << "bytes in" << result.elapsedMs << "ms:"
                              << (result.verified ? QStringLiteral("verified")
                                                  : QStringLiteral("NOT verified: ") + result.verifyError);
            return result;
        });
}

} // namespace tokendesk
