#pragma once

#include "AtrInfo.h"
#include "backend/common/Result.h"

#include <QByteArray>
#include <QString>

namespace tokendesk {

/// Breaks an ATR down per ISO 7816-3 (interface bytes, TCK) and ISO 7816-4
/// (historical bytes). Never fails: what is malformed lands in AtrInfo::issues
/// and what could be read is still there.
class AtrParser
{
public:
    /// Parses "3B 8F 80 01 ...", "3b:8f:80:01" or "3B8F8001" (any case, spaces and colons anywhere).
    [[nodiscard]] static AtrInfo parseHex(const QString& text);
    /// Parses raw ATR bytes, as PC/SC gives them.
    [[nodiscard]] static AtrInfo parse(const QByteArray& atr);

    /// The bytes that `text` spells, or why it does not (EmptyInput, OddNumberOfDigits, InvalidCharacter).
    static Result<QByteArray, AtrIssue> hexToBytes(const QString& text);
};

} // namespace tokendesk
