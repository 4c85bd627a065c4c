#pragma once

#include "PinText.h"
#include "backend/x509/CertificateInfo.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace tokendesk {

/// The one palette of status colours: the token tree, the identities list, the ATR rows and
/// the pages colour the same state the same way. Colours follow the palette they are drawn on:
/// a dark palette (light text on a dark window) gets lighter shades, so that each status keeps a
/// contrast of at least 3:1 (WCAG 2.1, non-text and large text) against the window and the base
/// colour. A colour never stands alone: every coloured status also says itself in words.
class StatusPalette
{
public:
    enum class Status
    {
        Good,    ///< valid, trusted: green
        Warning, ///< expires soon, a wrong PIN entered before: amber
        Bad,     ///< expired, locked, unreadable, a failing module: red
        Neutral, ///< not yet valid: grey
        Alert,   ///< a failure the user must act on now (an invalid ATR byte, a dialog's failure): a deeper red
    };

    /// The colour of `status` on `palette` (the application's palette when none is given).
    static QColor color(Status status, const QPalette& palette);
    static QColor color(Status status);

    static QColor good() { return color(Status::Good); }
    static QColor warning() { return color(Status::Warning); }
    static QColor bad() { return color(Status::Bad); }
    static QColor neutral() { return color(Status::Neutral); }
    static QColor alert() { return color(Status::Alert); }

    /// Green, amber, red, grey: the colour of a validity, in the tree and on the certificate page.
    static QColor validity(CertificateValidity validity);
    static Status validityStatus(CertificateValidity validity);
    /// Red for locked and final try (also the SO PIN locked), amber for the other news; invalid for Ok.
    static QColor pinSummary(PinSummary summary);

    /// Light text on a dark window: the palette is a dark one.
    static bool isDark(const QPalette& palette);
    /// WCAG 2.1 contrast ratio of two colours, 1 to 21.
    static double contrast(const QColor& a, const QColor& b);
    /// "color: #c62828", for a label's style sheet.
    static QString styleSheet(const QColor& color);
};

} // namespace tokendesk
