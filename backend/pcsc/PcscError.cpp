#include "PcscError.h"

#include <winscard.h>

namespace tokendesk {

namespace {
constexpr quint32 u(LONG v)
{
    return static_cast<quint32>(v);
}
} // namespace

PcscError::Kind PcscError::kind() const
{
    switch (code) {
    case u(SCARD_E_NO_SERVICE):
    case u(SCARD_E_SERVICE_STOPPED):
    case u(SCARD_F_COMM_ERROR):
        return Kind::NoService;
    case u(SCARD_E_NO_READERS_AVAILABLE):
        return Kind::NoReaders;
    case u(SCARD_E_UNKNOWN_READER):
    case u(SCARD_E_READER_UNAVAILABLE):
        return Kind::UnknownReader;
    case u(SCARD_E_NO_SMARTCARD):
        return Kind::NoCard;
    case u(SCARD_W_REMOVED_CARD):
        return Kind::RemovedCard;
    case u(SCARD_W_RESET_CARD):
        return Kind::ResetCard;
    case u(SCARD_E_CANCELLED):
        return Kind::Cancelled;
    case u(SCARD_E_TIMEOUT):
        return Kind::Timeout;
    case u(SCARD_E_SHARING_VIOLATION):
        return Kind::Sharing;
    default:
        return Kind::Other;
    }
}

QString PcscError::codeName() const
{
    // pcsc_stringify_error() gives a sentence; scripts and logs want the constant.
    switch (code) {
#define TOKENDESK_PCSC_CODE(c)                                                                                         \
    case u(c):                                                                                                         \
        return QStringLiteral(#c);
        TOKENDESK_PCSC_CODE(SCARD_S_SUCCESS)
        TOKENDESK_PCSC_CODE(SCARD_F_INTERNAL_ERROR)
        TOKENDESK_PCSC_CODE(SCARD_E_CANCELLED)
        TOKENDESK_PCSC_CODE(SCARD_E_INVALID_HANDLE)
        TOKENDESK_PCSC_CODE(SCARD_E_INVALID_PARAMETER)
        TOKENDESK_PCSC_CODE(SCARD_E_NO_MEMORY)
        TOKENDESK_PCSC_CODE(SCARD_E_INSUFFICIENT_BUFFER)
        TOKENDESK_PCSC_CODE(SCARD_E_UNKNOWN_READER)
        TOKENDESK_PCSC_CODE(SCARD_E_TIMEOUT)
        TOKENDESK_PCSC_CODE(SCARD_E_SHARING_VIOLATION)
        TOKENDESK_PCSC_CODE(SCARD_E_NO_SMARTCARD)
        TOKENDESK_PCSC_CODE(SCARD_E_PROTO_MISMATCH)
        TOKENDESK_PCSC_CODE(SCARD_E_NOT_READY)
        TOKENDESK_PCSC_CODE(SCARD_E_INVALID_VALUE)
        TOKENDESK_PCSC_CODE(SCARD_E_SYSTEM_CANCELLED)
        TOKENDESK_PCSC_CODE(SCARD_F_COMM_ERROR)
        TOKENDESK_PCSC_CODE(SCARD_E_READER_UNAVAILABLE)
        TOKENDESK_PCSC_CODE(SCARD_E_NO_SERVICE)
        TOKENDESK_PCSC_CODE(SCARD_E_SERVICE_STOPPED)
        TOKENDESK_PCSC_CODE(SCARD_E_NO_READERS_AVAILABLE)
        TOKENDESK_PCSC_CODE(SCARD_E_UNSUPPORTED_FEATURE)
        TOKENDESK_PCSC_CODE(SCARD_W_UNRESPONSIVE_CARD)
        TOKENDESK_PCSC_CODE(SCARD_W_UNPOWERED_CARD)
        TOKENDESK_PCSC_CODE(SCARD_W_RESET_CARD)
        TOKENDESK_PCSC_CODE(SCARD_W_REMOVED_CARD)
#undef TOKENDESK_PCSC_CODE
    default:
        return QStringLiteral("0x%1").arg(code, 8, 16, QLatin1Char('0'));
    }
}

} // namespace tokendesk
