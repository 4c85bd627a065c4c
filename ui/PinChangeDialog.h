#pragma once

#include "backend/common/SecureBytes.h"
#include "backend/pkcs11/PinPrompter.h"
#include "backend/pkcs11/PinStatus.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace tokendesk {

/// Change PIN, change SO PIN / PUK, or unblock the PIN with the PUK / SO PIN.
///
/// Says in plain words what each secret is, shows the tries left of the one
/// that will be checked, checks the new PIN against the token's rules and the
/// confirmation field as it is typed, and keeps OK disabled until all is well.
/// When the next wrong entry would lock the secret, a checkbox saying so must
/// be ticked first. With a PIN pad there are no fields: the reader asks.
/// A locked PUK leaves nothing to do: the dialog says the issuer must help.
///
/// The secrets are handed out once by takeSecrets() and the fields cleared.
class PinChangeDialog : public QDialog
{
    Q_OBJECT

public:
    /// The backend's operation kind: one vocabulary for the dialogs, the CLI and PinManager.
    using Mode = PinOperation;

    PinChangeDialog(const TokenPinStatus& status, Mode mode, QWidget* parent = nullptr);
    ~PinChangeDialog() override;

    Mode mode() const { return m_mode; }
    /// The current secret (PIN, SO PIN or PUK) and the new one; empty with a PIN pad.
    std::pair<SecureBytes, SecureBytes> takeSecrets();
    /// After a failure: the words to show above the fields (the new count), fields cleared for another go.
    void showFailure(const QString& message);
    /// The user ticked "I understand: if this is wrong, it locks now" (a final try).
    bool finalTryConfirmed() const;
    /// Why OK is disabled now (empty when it is enabled): for tests and the tooltip.
    QString problem() const { return m_problem; }

private:
    void validate();
    QString currentName() const;
    QString newName() const;

    TokenPinStatus m_status;
    Mode m_mode;
    QString m_problem;
    QLabel* m_explanation = nullptr;
    QLabel* m_tries = nullptr;
    QLabel* m_failure = nullptr;
    QLabel* m_rules = nullptr;
    QLineEdit* m_current = nullptr;
    QLineEdit* m_new = nullptr;
    QLineEdit* m_confirm = nullptr;
    QCheckBox* m_finalTry = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace tokendesk
