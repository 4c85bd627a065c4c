#pragma once

#include "backend/pcsc/PcscError.h"

#include <QMetaType>
#include <QString>
#include <optional>

namespace tokendesk {

/// The PIV card application's PIN retry counter (SP 800-73-4 part 2, VERIFY).
struct PivPinStatus
{
    enum class State
    {
        TriesLeft, ///< not verified; triesLeft tries before the PIN locks
        Verified,  ///< verified in the card's current session (the counter is full again, its maximum unknown)
        Blocked,   ///< no try left: only the PUK (RESET RETRY COUNTER) unblocks it
    };

    State state = State::TriesLeft;
    int triesLeft = -1; ///< TriesLeft: 1..15; Blocked: 0; Verified: -1 (unknown)

    bool operator==(const PivPinStatus& o) const { return state == o.state && triesLeft == o.triesLeft; }
    bool operator!=(const PivPinStatus& o) const { return !(*this == o); }
};

/// Why the counter could not be read.
struct PivError
{
    enum class Kind
    {
        Pcsc,             ///< a PC/SC failure: see `pcsc` (the card was removed, no service, ...)
        NotPiv,           ///< the card has no PIV application (SELECT failed)
        UnexpectedAnswer, ///< the card answered with a status word PIV does not define there: see `sw`
        WrongSecret,      ///< the PIN or PUK given was wrong: `triesLeft` tries of it remain (63 CX)
        Blocked,          ///< the PIN or PUK checked is blocked (69 83): nothing was tried
        Rejected,         ///< the card refused the new value (6A 80: length or characters)
    };

    Kind kind = Kind::Pcsc;
    std::optional<PcscError> pcsc;
    quint16 sw = 0;
    int triesLeft = -1; ///< WrongSecret: the tries left of the secret that was wrong

    bool operator==(const PivError& o) const
    {
        return kind == o.kind && pcsc == o.pcsc && sw == o.sw && triesLeft == o.triesLeft;
    }
};

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::PivPinStatus)
