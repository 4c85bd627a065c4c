#pragma once

#include "PinText.h"
#include "backend/x509/CertificateInfo.h"

#include <QColor>
#include <QString>

namespace tokendesk {

/// The one palette of status colours: the token tree, the identities list, the ATR rows and
/// the pages (through styleSheet()) colour the same state the same way.
class StatusPalette
{
public:
    /// Valid, trusted: green.
    static QColor good();
    /// Expires soon, a wrong PIN entered before: amber.
    static QColor warning();
    /// Expired, locked, unreadable, a failing module: red.
    static QColor bad();
    /// Not yet valid: grey.
    static QColor neutral();
    /// A failure the user must act on now (an invalid ATR byte, a PIN dialog's failure): a deeper red.
    static QColor alert();

    /// Green, amber, red, grey: the colour of a validity, in the tree and on the certificate page.
    static QColor validity(CertificateValidity validity);
    /// Red for locked and final try (also the SO PIN locked), amber for the other news; invalid for Ok.
    static QColor pinSummary(PinSummary summary);
    /// "color: #c62828", for a label's style sheet.
    static QString styleSheet(const QColor& color);
};

} // namespace tokendesk
