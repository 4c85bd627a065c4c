#include "CardChannel.h"

#include "backend/common/Logging.h"

#include <vector>
#include <winscard.h>

namespace tokendesk {

namespace {
PcscError error(LONG rv, const char* function)
{
    return PcscError{static_cast<quint32>(rv), QString::fromLatin1(function)};
}

CardChannel::Protocol toProtocol(DWORD p)
{
    switch (p) {
    case SCARD_PROTOCOL_T0:
        return CardChannel::Protocol::T0;
    case SCARD_PROTOCOL_T1:
        return CardChannel::Protocol::T1;
    case SCARD_PROTOCOL_RAW:
        return CardChannel::Protocol::Raw;
    default:
        return CardChannel::Protocol::None;
    }
}

const SCARD_IO_REQUEST* pciFor(CardChannel::Protocol p)
{
    return p == CardChannel::Protocol::T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
}

QByteArray traced(const QByteArray& apdu, CardChannel::Trace trace)
{
    // Header only for a command that carries a secret (VERIFY, CHANGE REFERENCE DATA, ...).
    if (trace == CardChannel::Trace::RedactData && apdu.size() > 5) {
        return apdu.left(5).toHex(' ') + " <" + QByteArray::number(apdu.size() - 5) + " bytes redacted>";
    }
    return apdu.toHex(' ');
}
} // namespace

Result<CardChannel, PcscError> CardChannel::open(const PcscContext& context, const QString& reader, Mode mode)
{
    SCARDHANDLE handle = 0;
    DWORD active = 0;
    const QByteArray name = reader.toUtf8();
    const DWORD share = mode == Mode::Direct ? SCARD_SHARE_DIRECT : SCARD_SHARE_SHARED;
    const DWORD protocols = mode == Mode::Direct ? 0 : (SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1);
    const LONG rv =
        SCardConnect(static_cast<SCARDCONTEXT>(context.handle()), name.constData(), share, protocols, &handle, &active);
    if (rv != SCARD_S_SUCCESS) {
        return error(rv, "SCardConnect");
    }
    return CardChannel(static_cast<qintptr>(handle), mode, toProtocol(active), reader);
}

CardChannel::CardChannel(CardChannel&& other) noexcept
    : m_handle(other.m_handle), m_mode(other.m_mode), m_protocol(other.m_protocol), m_reader(std::move(other.m_reader)),
      m_valid(other.m_valid), m_inTransaction(other.m_inTransaction)
{
    other.m_valid = false;
    other.m_inTransaction = false;
}

CardChannel& CardChannel::operator=(CardChannel&& other) noexcept
{
    if (this != &other) {
        close();
        m_handle = other.m_handle;
        m_mode = other.m_mode;
        m_protocol = other.m_protocol;
        m_reader = std::move(other.m_reader);
        m_valid = other.m_valid;
        m_inTransaction = other.m_inTransaction;
        other.m_valid = false;
        other.m_inTransaction = false;
    }
    return *this;
}

CardChannel::~CardChannel()
{
    close();
}

void CardChannel::close()
{
    endTransaction();
    if (m_valid) {
        // Leave the card as it is: another program may be logged in to it.
        SCardDisconnect(static_cast<SCARDHANDLE>(m_handle), SCARD_LEAVE_CARD);
        m_valid = false;
    }
}

Result<QByteArray, PcscError> CardChannel::atr() const
{
    char readerName[MAX_READERNAME];
    DWORD readerLength = sizeof readerName;
    DWORD state = 0;
    DWORD protocol = 0;
    BYTE atr[MAX_ATR_SIZE];
    DWORD atrLength = sizeof atr;
    const LONG rv =
        SCardStatus(static_cast<SCARDHANDLE>(m_handle), readerName, &readerLength, &state, &protocol, atr, &atrLength);
    if (rv != SCARD_S_SUCCESS) {
        return error(rv, "SCardStatus");
    }
    return QByteArray(reinterpret_cast<const char*>(atr), static_cast<int>(atrLength));
}

Result<QByteArray, PcscError> CardChannel::control(quint32 code, const QByteArray& input) const
{
    std::vector<BYTE> out(MAX_BUFFER_SIZE_EXTENDED);
    DWORD received = 0;
    const LONG rv =
        SCardControl(static_cast<SCARDHANDLE>(m_handle), code, input.constData(), static_cast<DWORD>(input.size()),
                     out.data(), static_cast<DWORD>(out.size()), &received);
    if (rv != SCARD_S_SUCCESS) {
        return error(rv, "SCardControl");
    }
    return QByteArray(reinterpret_cast<const char*>(out.data()), static_cast<int>(received));
}

Result<Done, PcscError> CardChannel::reconnect()
{
    DWORD active = 0;
    const LONG rv = SCardReconnect(static_cast<SCARDHANDLE>(m_handle), SCARD_SHARE_SHARED,
                                   SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, SCARD_LEAVE_CARD, &active);
    if (rv != SCARD_S_SUCCESS) {
        return error(rv, "SCardReconnect");
    }
    m_protocol = toProtocol(active);
    return Done{};
}

Result<QByteArray, PcscError> CardChannel::transmit(const QByteArray& apdu, Trace trace, OnReset onReset)
{
    std::vector<BYTE> out(MAX_BUFFER_SIZE_EXTENDED);
    for (int attempt = 0;; ++attempt) {
        DWORD received = static_cast<DWORD>(out.size());
        qCDebug(lcApdu).noquote() << m_reader << "=>" << traced(apdu, trace);
        const LONG rv = SCardTransmit(static_cast<SCARDHANDLE>(m_handle), pciFor(m_protocol),
                                      reinterpret_cast<const BYTE*>(apdu.constData()), static_cast<DWORD>(apdu.size()),
                                      nullptr, out.data(), &received);
        if (rv == SCARD_W_RESET_CARD && attempt == 0 && onReset == OnReset::Reconnect) {
            qCInfo(lcPcsc) << m_reader << "card was reset by another program; reconnecting";
            if (auto r = reconnect(); !r) {
                return r.error();
            }
            continue;
        }
        if (rv != SCARD_S_SUCCESS) {
            return error(rv, "SCardTransmit");
        }
        const QByteArray response(reinterpret_cast<const char*>(out.data()), static_cast<int>(received));
        qCDebug(lcApdu).noquote() << m_reader << "<=" << response.toHex(' ');
        return response;
    }
}

Result<Done, PcscError> CardChannel::beginTransaction()
{
    for (int attempt = 0;; ++attempt) {
        const LONG rv = SCardBeginTransaction(static_cast<SCARDHANDLE>(m_handle));
        if (rv == SCARD_W_RESET_CARD && attempt == 0) {
            if (auto r = reconnect(); !r) {
                return r.error();
            }
            continue;
        }
        if (rv != SCARD_S_SUCCESS) {
            return error(rv, "SCardBeginTransaction");
        }
        m_inTransaction = true;
        return Done{};
    }
}

void CardChannel::endTransaction()
{
    if (m_inTransaction && m_valid) {
        SCardEndTransaction(static_cast<SCARDHANDLE>(m_handle), SCARD_LEAVE_CARD);
    }
    m_inTransaction = false;
}

} // namespace tokendesk
