#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace tokendesk {

/// A snapshot of one reader and the card in it, keyed by the reader's name.
/// Plain value: copied across threads, compared to find what changed.
struct ReaderInfo
{
    enum class CardState
    {
        Absent,      ///< no card
        Present,     ///< a card, powered or ready to be
        Mute,        ///< a card that does not answer (bad ATR)
        Unavailable, ///< the reader cannot be used (driver trouble)
    };

    QString name;
    CardState cardState = CardState::Absent;
    QByteArray atr;     ///< empty when no card
    bool inUse = false; ///< another program has the card open
    bool exclusive = false;
    /// pcsc-lite counts insertions and removals per reader; a changed count
    /// with a card present both times means the card was swapped in between.
    int eventCount = 0;

    bool cardPresent() const { return cardState == CardState::Present || cardState == CardState::Mute; }
    /// The same card as in `previous`: present both times, no event in between.
    bool sameCardAs(const ReaderInfo& previous) const
    {
        return cardPresent() && previous.cardPresent() && atr == previous.atr && eventCount == previous.eventCount;
    }

    bool operator==(const ReaderInfo& o) const
    {
        return name == o.name && cardState == o.cardState && atr == o.atr && inUse == o.inUse &&
               exclusive == o.exclusive && eventCount == o.eventCount;
    }
    bool operator!=(const ReaderInfo& o) const { return !(*this == o); }
};

using ReaderList = QList<ReaderInfo>;

/// "3B 88 80 01": the form pcsc_scan and ATR_analysis print.
QString atrToHex(const QByteArray& atr);

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::ReaderInfo)
