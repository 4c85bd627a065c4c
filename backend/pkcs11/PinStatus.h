#pragma once

#include "Pkcs11Error.h"
#include "TokenInfo.h"
#include "backend/piv/PivPinStatus.h"

#include <QMetaType>
#include <optional>

namespace tokendesk {

/// One secret of a token (the user PIN, or the SO PIN / PUK) as people see it:
/// the PKCS#11 flags, and the exact tries left where the card tells them.
struct PinState
{
    PinFlags flags;
    int triesLeft = -1;    ///< exact tries left (PIV PIN: VERIFY without data); -1: the card does not say
    bool verified = false; ///< PIV: verified in the card's session right now

    bool locked() const { return flags.locked || triesLeft == 0; }
    /// One more wrong entry locks it.
    bool finalTry() const { return !locked() && (flags.finalTry || triesLeft == 1); }
    bool operator==(const PinState& o) const
    {
        return flags == o.flags && triesLeft == o.triesLeft && verified == o.verified;
    }
    bool operator!=(const PinState& o) const { return !(*this == o); }
};

/// The PIN state of one token now.
struct TokenPinStatus
{
    TokenInfo token;
    PinState user;
    PinState so;
    /// OpenSC's PIV driver: the SO PIN is the PUK, PINs are 6 to 8 digits, and
    /// the counters and the unblock go to the card directly (PivCard).
    bool piv = false;
    bool protectedPath = false; ///< PINs are entered on the reader's PIN pad
    qint64 minLength = -1;      ///< of the user PIN, -1 when the token does not say
    qint64 maxLength = -1;

    bool operator==(const TokenPinStatus& o) const
    {
        return token == o.token && user == o.user && so == o.so && piv == o.piv && protectedPath == o.protectedPath &&
               minLength == o.minLength && maxLength == o.maxLength;
    }
};

/// Why a PIN operation did not happen or failed. Nothing is retried by itself.
struct PinError
{
    enum class Kind
    {
        Cancelled,     ///< the user cancelled a prompt (or did not confirm a final try): nothing was sent
        RuleViolation, ///< the new PIN breaks the token's rules: see `rule`; nothing was sent
        PinLocked,     ///< the PIN is locked: unblock it with the PUK / SO PIN
        PukLocked,     ///< the PUK / SO PIN is locked too: only the card's issuer can reset or replace it
        WrongSecret,   ///< the PIN / PUK / SO PIN given was wrong: one try spent, `triesLeft` remain (-1: unknown)
        Token,         ///< a PKCS#11 failure: see `pkcs11` (removed token, device error, ...)
        Card,          ///< a direct PIV command failed: see `piv`
        NotSupported,  ///< the token cannot do this (no SO PIN, ...)
    };
    enum class Rule
    {
        None,
        TooShort,
        TooLong,
        NotDigits, ///< PIV PINs are digits only
        SameAsOld,
    };

    Kind kind = Kind::Token;
    Rule rule = Rule::None;
    bool soPin = false; ///< the secret concerned is the SO PIN / PUK
    int triesLeft = -1; ///< WrongSecret: tries left of that secret after this failure
    qint64 minLength = -1;
    qint64 maxLength = -1;
    std::optional<Pkcs11Error> pkcs11;
    std::optional<PivError> piv;
};

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::TokenPinStatus)
