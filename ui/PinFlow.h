#pragma once

#include "PinChangeDialog.h"
#include "backend/pkcs11/PinStatus.h"
#include "backend/pkcs11/Pkcs11Token.h"

#include <QObject>
#include <QPointer>

namespace tokendesk {

/// One PIN operation from the user's click to its outcome: reads the PIN
/// status on a worker, shows a PinChangeDialog, runs the change or unblock on a
/// worker with the secrets typed there (never retried), and then:
/// - success: finished(true, "The PIN was changed.");
/// - a wrong entry with tries left: the dialog again, saying how many remain;
/// - the PIN now locked (or locked already, when changing it): the unblock dialog;
/// - the PUK / SO PIN locked, a removed card, a cancel: finished(false, why).
/// The window never waits on the card. Deletes itself after finished().
class PinFlow : public QObject
{
    Q_OBJECT

public:
    PinFlow(Pkcs11Token token, PinChangeDialog::Mode mode, QWidget* parent);

    /// Reads the status, then shows the dialog.
    void start();
    /// The dialog on screen, if any (tests drive it).
    PinChangeDialog* dialog() const { return m_dialog; }
    /// PinText's sentence for an error, in the GUI's words: a locked PIN points to the
    /// unblock dialog, not to the command line.
    static QString errorText(const PinError& error, bool piv);

Q_SIGNALS:
    /// A dialog was shown (tests wait for it).
    void dialogShown(tokendesk::PinChangeDialog* dialog);
    /// The token's PIN state as read after each step: the token page shows it.
    void statusRead(const tokendesk::TokenPinStatus& status);
    void finished(bool succeeded, const QString& message);

private:
    void showDialog(const TokenPinStatus& status, const QString& failure);
    void runOperation(SecureBytes current, SecureBytes next, bool finalTryConfirmed);
    void handleResult(const Result<TokenPinStatus, PinError>& result);
    void finish(bool succeeded, const QString& message);

    Pkcs11Token m_token;
    PinChangeDialog::Mode m_mode;
    QPointer<QWidget> m_parent;
    QPointer<PinChangeDialog> m_dialog;
    bool m_piv = false;
};

} // namespace tokendesk
