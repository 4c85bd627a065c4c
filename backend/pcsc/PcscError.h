#pragma once

#include <QString>

namespace tokendesk {

/// A failed PC/SC call: which function, and the SCARD_* code it returned.
/// The code is kept as a plain integer so this header carries no pcsc-lite types.
struct PcscError
{
    enum class Kind
    {
        NoService,     ///< pcscd is not running or stopped under us
        NoReaders,     ///< no reader is attached
        UnknownReader, ///< the reader went away
        NoCard,        ///< no card in the reader
        RemovedCard,   ///< the card was removed (maybe another card now)
        ResetCard,     ///< the card was reset (same card, reconnect)
        Cancelled,     ///< SCardCancel was called
        Timeout,
        Sharing, ///< someone holds the card exclusively
        Other,
    };

    quint32 code = 0;
    QString function; ///< e.g. "SCardGetStatusChange"

    Kind kind() const;
    /// The pcsc-lite name of the code, e.g. "SCARD_E_NO_SERVICE".
    QString codeName() const;

    bool operator==(const PcscError& o) const { return code == o.code && function == o.function; }
};

} // namespace tokendesk
