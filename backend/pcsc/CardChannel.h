#pragma once

#include "PcscContext.h"
#include "PcscError.h"
#include "backend/common/Result.h"

#include <QByteArray>
#include <QString>

namespace tokendesk {

/// A connection to a reader and its card (RAII SCARDHANDLE), shared with
/// other programs: it never takes the card exclusively and leaves the card as
/// it found it when closed, so OpenSC sessions elsewhere are not disturbed.
class CardChannel
{
public:
    enum class Mode
    {
        Shared, ///< talk to the card (T=0 or T=1)
        Direct, ///< talk to the reader only; works without a card
    };
    enum class Protocol
    {
        None,
        T0,
        T1,
        Raw
    };
    /// Whether an APDU's data may be logged by APDU tracing.
    enum class Trace
    {
        Full,
        RedactData
    };

    [[nodiscard]] static Result<CardChannel, PcscError> open(const PcscContext& context, const QString& reader,
                                                             Mode mode);

    CardChannel(CardChannel&& other) noexcept;
    CardChannel& operator=(CardChannel&& other) noexcept;
    CardChannel(const CardChannel&) = delete;
    CardChannel& operator=(const CardChannel&) = delete;
    ~CardChannel();

    Protocol protocol() const { return m_protocol; }
    Mode mode() const { return m_mode; }

    /// The reader's state now: the card's ATR (empty in direct mode without a card).
    [[nodiscard]] Result<QByteArray, PcscError> atr() const;

    /// SCardControl: a command to the reader itself.
    [[nodiscard]] Result<QByteArray, PcscError> control(quint32 code, const QByteArray& input = {}) const;

    /// SCardTransmit. A card reset by another program (SCARD_W_RESET_CARD) is
    /// the same card: reconnect and send again once. A removed card
    /// (SCARD_W_REMOVED_CARD) may be another card when it is back: that is an
    /// error for the caller, who must drop what it knew of the card.
    /// What transmit() does when another program reset the card.
    enum class OnReset
    {
        Reconnect, ///< reconnect and send again once (the command does not depend on a selection)
        Fail,      ///< return the ResetCard error (a command with secrets for the application selected before)
    };
    [[nodiscard]] Result<QByteArray, PcscError> transmit(const QByteArray& apdu, Trace trace = Trace::Full,
                                                         OnReset onReset = OnReset::Reconnect);

    /// SCardBeginTransaction: no other program's APDU comes between ours until
    /// endTransaction() (OpenSC's own sessions wait meanwhile). Keep it short.
    /// A card reset by another program is reconnected and the begin tried once more.
    [[nodiscard]] Result<Done, PcscError> beginTransaction();
    /// SCardEndTransaction with SCARD_LEAVE_CARD: the card keeps its state
    /// (a verified PIN stays verified for OpenSC). Idempotent.
    void endTransaction();

private:
    CardChannel(qintptr handle, Mode mode, Protocol protocol, QString reader)
        : m_handle(handle), m_mode(mode), m_protocol(protocol), m_reader(std::move(reader)), m_valid(true)
    {}
    void close();
    [[nodiscard]] Result<Done, PcscError> reconnect();

    qintptr m_handle = 0;
    Mode m_mode = Mode::Shared;
    Protocol m_protocol = Protocol::None;
    QString m_reader;
    bool m_valid = false;
    bool m_inTransaction = false;
};

} // namespace tokendesk
