#pragma once

#include "backend/pkcs11/PinStatus.h"
#include "backend/pkcs11/TokenInfo.h"

#include <QString>

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

/// The one source of the words for PIN states and PIN errors: the dialogs, the token page,
/// the token tree, `tokendesk pin` and `tokendesk report`. Each function says one view of
/// the same state (counters, flags, the worst news), and the views keep their own wording.
class PinText
{
public:
    static PinSummary summary(const TokenInfo& token);
    /// The token tree's column: "PIN locked", "PIN: final try", ...; empty for Ok.
    static QString summaryText(PinSummary summary);
    /// The token page's flags: "count low, final try"; "no problem reported" when no flag is set.
    static QString flags(const PinFlags& flags);
    /// "3 tries left", "locked", "final try: one more wrong entry locks it", ...
    static QString tries(const PinState& state);
    /// From the token's flags alone (no counter read): "locked", "one try left", "wrong PIN
    /// entered before", "ok". `tokendesk report`'s words.
    static QString reportState(const PinFlags& flags);
    /// "PUK" on PIV cards, "SO PIN" elsewhere.
    static QString soName(bool piv);
    /// One sentence: what failed and what to do next ("Wrong PIN: 2 tries left.").
    static QString error(const PinError& error, bool piv);
};

} // namespace tokendesk
