#pragma once

#include "backend/pkcs11/PinStatus.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

namespace tokendesk {

/// A token's PIN status as `tokendesk pin status` writes it, as JSON and as text.
class PinReport
{
    // The words were written for `tokendesk pin` and are translated under its name.
    Q_DECLARE_TR_FUNCTIONS(PinCommand)
public:
    /// {"tries_left": n|null, "low", "final_try", "locked", "to_be_changed", "verified"}
    static QJsonObject pinJson(const PinState& state);
    /// {"token": {...}, "pin": {...}, "so_pin": {...}, "piv", "protected_path", "min_length", "max_length"}
    static QJsonObject statusJson(const TokenPinStatus& status);
    /// The error's code for scripts ("pin_incorrect", "pin_too_short", ...).
    static QString errorCode(const PinError& error);
    /// {"code", "message", "tries_left": n|null}: the "error" of `pin --json`.
    static QJsonObject errorJson(const PinError& error, bool piv);
    /// "Token: label (serial s)", then the PIN's and the SO PIN's (PUK's) tries.
    static void printStatusText(const TokenPinStatus& status, QTextStream& out);
};

} // namespace tokendesk
