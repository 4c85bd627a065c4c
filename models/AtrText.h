#pragma once

#include "backend/atr/AtrInfo.h"

#include <QCoreApplication>
#include <QStringList>

namespace tokendesk {

/// Words for an analysed ATR, for people: the backend only gives numbers and
/// codes. Sentences go through tr(); card and standard names are names.
class AtrText
{
    Q_DECLARE_TR_FUNCTIONS(AtrText)
public:
    /// One sentence per issue, e.g. "The TCK is 6B but should be 6A."
    static QString issue(const AtrIssue& issue);
    static QString historicalIssue(const HistoricalBytes::Issue& issue);

    static QString convention(AtrConvention convention);
    /// "TA1", "TD2", ...
    static QString name(const InterfaceByte& byte);
    /// What the byte says, e.g. "Fi=372, Di=1, 372 cycles/ETU, ...".
    static QString meaning(const InterfaceByte& byte);

    static QString category(HistoricalBytes::Category category);
    /// "country code", "card capabilities", ...
    static QString tagName(quint8 tag);
    /// The decoded value of a compact-TLV object, one line each; empty when raw bytes say it all.
    static QStringList objectDetails(const CompactTlvObject& object);
    static QStringList statusDetails(const StatusIndicator& status);
    static QString lifeCycle(LifeCycle lifeCycle);
    /// A few well-known status words ("normal processing"); empty otherwise.
    static QString statusWord(quint16 sw);
    /// PC/SC part 3 storage card standard (SS) and card name (NN NN); empty when unknown.
    static QString storageStandard(quint8 ss);
    static QString storageCardName(quint16 nn);

    /// "A0 00 00 03 06", the form ATR_analysis prints.
    static QString hex(const QByteArray& bytes);
    static QString hexByte(int value);
    /// "7.5 MHz"
    static QString megahertz(int kHz);
};

} // namespace tokendesk
