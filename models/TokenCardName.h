#pragma once

#include "backend/pkcs11/TokenInfo.h"

#include <QString>
#include <optional>

namespace tokendesk {

/// A card's name learnt from the token a PKCS#11 module reads in its reader, for a card whose
/// ATR is in no list: OpenSC names its card driver (or PKCS#15 emulator) in the token's
/// manufacturer field ("piv_II"), which says what the card is better than "Unknown card".
struct TokenCardName
{
    QString name;   ///< "PIV card"
    QString source; ///< a sentence: where the name came from
};

/// The name for `token`'s card, if its module is one that names the card's driver (OpenSC) and
/// the token sits in a reader (a removable slot); none otherwise.
std::optional<TokenCardName> tokenCardName(const TokenInfo& token);

} // namespace tokendesk
