#pragma once

#include "ObjectInfo.h"
#include "Pkcs11Error.h"
#include "TokenInfo.h"
#include "backend/common/SharedOptional.h"
#include "backend/piv/PivPinStatus.h"
#include "backend/x509/CertificateInfo.h"
#include "backend/x509/X509Error.h"

#include <QList>
#include <QMetaType>
#include <optional>

namespace tokendesk {

/// One certificate object of a token, parsed, and whether a private key goes with it.
/// An identity (CryptoTokenKit's keychain identity) is an entry with keyState Present.
struct CertificateEntry
{
    enum class KeyState
    {
        None,     ///< no private key on the token pairs with it
        Present,  ///< a private key with the same CKA_ID (or the same public key) is on the token
        Expected, ///< the token hides private objects until login and a public key / the token's
                  ///< kind says a key is likely: shown as "key expected", confirmed after login
    };

    ObjectInfo object;                    ///< the certificate object (value: the DER)
    SharedOptional<CertificateInfo> info; ///< parsed; empty when the DER does not parse
    std::optional<X509Error> parseError;  ///< why it does not parse
    KeyState keyState = KeyState::None;
    SharedOptional<ObjectInfo> privateKey; ///< the key when Present
    SharedOptional<ObjectInfo> publicKey;  ///< the public key object with the same CKA_ID, when there is one

    bool isIdentity() const { return keyState == KeyState::Present; }
    QString uri() const { return object.uri; }
    /// The SHA-256 of the DER: the key of this entry within its token.
    QByteArray sha256() const;

    bool operator==(const CertificateEntry& o) const
    {
        return object == o.object && info == o.info && parseError == o.parseError && keyState == o.keyState &&
               privateKey == o.privateKey && publicKey == o.publicKey;
    }
    bool operator!=(const CertificateEntry& o) const { return !(*this == o); }
};

/// Everything read from one token at one moment: its info, every object the
/// session could see, and the certificates joined with their keys.
struct TokenContents
{
    TokenInfo token;
    ObjectList objects;                   ///< certificates, keys and data objects as read
    QList<CertificateEntry> certificates; ///< in the order of `objects`
    bool loggedIn = false;                ///< read after a login: private objects are included
    /// Reading the objects failed (the card was pulled mid-read, ...): the token
    /// info is still valid, objects and certificates are empty.
    std::optional<Pkcs11Error> error;
    /// PIV cards (OpenSC's PIV driver): the PIN's retry counter, read over PC/SC
    /// with the contents (PivCard, no try spent); empty elsewhere or when unreadable.
    std::optional<PivPinStatus> pivPin;

    QString key() const { return token.key(); }
    QList<CertificateEntry> identities() const;

    bool operator==(const TokenContents& o) const
    {
        return token == o.token && objects == o.objects && certificates == o.certificates && loggedIn == o.loggedIn &&
               error == o.error;
    }
    bool operator!=(const TokenContents& o) const { return !(*this == o); }
};

using TokenContentsList = QList<TokenContents>;

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::CertificateEntry)
Q_DECLARE_METATYPE(tokendesk::TokenContents)
