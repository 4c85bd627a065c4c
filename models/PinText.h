#pragma once

#include "backend/pkcs11/PinStatus.h"

#include <QString>

namespace tokendesk {

/// The words for PIN states and PIN errors, shared by the dialogs and `tokendesk pin`.
class PinText
{
public:
    /// "3 tries left", "locked", "final try: one more wrong entry locks it", ...
    static QString tries(const PinState& state);
    /// "PUK" on PIV cards, "SO PIN" elsewhere.
    static QString soName(bool piv);
    /// One sentence: what failed and what to do next ("Wrong PIN: 2 tries left.").
    static QString error(const PinError& error, bool piv);
};

} // namespace tokendesk
