#pragma once

#include "backend/pkcs11/PinStatus.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace tokendesk {

class PinPrompter;

/// `tokendesk pin status|change|unblock URI [--so] [--json] [--final-try]`.
///
/// The URI names one token. Secrets come from the terminal without echo (a new
/// PIN typed twice) or, without a terminal, one per line on stdin in DESIGN's
/// order: change: current, new; unblock: PUK / SO PIN, new PIN. Nothing is
/// retried; a final try needs a YES on the terminal or --final-try in scripts.
///
/// Exit 0 on success; 1 with a code otherwise (pin_incorrect with the tries
/// left, pin_locked, puk_locked, pin_too_short, pin_too_long, pin_not_digits,
/// pin_same_as_old, cancelled, token_not_present, ...); 2 for usage errors.
class PinCommand
{
    Q_DECLARE_TR_FUNCTIONS(PinCommand)
public:
    struct Options
    {
        QString action; ///< status, change, unblock
        QString uri;
        QStringList modules; ///< --module
        bool so = false;     ///< change: the SO PIN / PUK; unblock: the secret is called SO PIN
        bool json = false;
        bool allowFinalTry = false;
    };

    static int run(const Options& options, QTextStream& out, QTextStream& err);
    /// The same with another prompter (tests).
    static int run(const Options& options, PinPrompter& prompter, QTextStream& out, QTextStream& err);
};

} // namespace tokendesk
