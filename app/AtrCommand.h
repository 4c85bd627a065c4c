#pragma once

#include <QTextStream>

namespace tokendesk {

class SmartcardList;

/// `tokendesk atr HEX [--json]`: an ATR broken down like pcsc-tools' ATR_analysis,
/// with the card names smartcard_list.txt gives it.
class AtrCommand
{
public:
    explicit AtrCommand(const SmartcardList& smartcardList) : m_smartcardList(smartcardList) {}

    /// Analyses `hex` and prints the result; returns 0, or 1 when the ATR is invalid.
    int run(const QString& hex, bool json, QTextStream& out, QTextStream& err) const;

private:
    const SmartcardList& m_smartcardList;
};

} // namespace tokendesk
