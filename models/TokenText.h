#pragma once

#include "backend/pkcs11/Identity.h"
#include "backend/pkcs11/TokenInfo.h"

#include <QCoreApplication>

namespace tokendesk {

/// The worst news about a token's PINs, for a tree row: what a helpdesk looks at first.
enum class PinSummary
{
    Ok,
    ToBeChanged, ///< the user PIN is still the default, or expired
    CountLow,    ///< a wrong user PIN was entered since the last right one
    FinalTry,    ///< one more wrong user PIN locks it
    Locked,      ///< the user PIN is locked
    SoLocked,    ///< the SO PIN (PUK) is locked
};

/// Words for tokens and their objects, for people: the backend gives flags and codes.
class TokenText
{
    Q_DECLARE_TR_FUNCTIONS(TokenText)
public:
    static PinSummary pinSummary(const TokenInfo& token);
    /// "PIN locked", "PIN: final try", ...; empty for Ok.
    static QString pinSummaryText(PinSummary summary);
    /// "count low, final try"; "no problem reported" when no flag is set.
    static QString pinFlags(const PinFlags& flags);
    /// "Identity", "Key expected", "No private key".
    static QString keyState(CertificateEntry::KeyState state);
    /// "RSA 2048 bits", "EC", ... for a key object.
    static QString keyType(const ObjectInfo& object);
    /// A token's label for people; "(no label)" when it has none.
    static QString tokenLabel(const TokenInfo& token);
    /// An object's label for people; its CKA_ID in hex when it has no label.
    static QString objectLabel(const ObjectInfo& object);
    /// The CK_TOKEN_INFO flags that matter to people, in words, comma-separated.
    static QString tokenFlags(const TokenInfo& token);
};

} // namespace tokendesk
