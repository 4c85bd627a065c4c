#pragma once

#include "backend/common/SecureBytes.h"
#include "backend/pkcs11/PinPrompter.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace tokendesk {

/// Asks one secret for a PinRequest: which token (label and serial), what for
/// ("sign a test challenge with John Doe's key"), the tries left when the card
/// tells them, and one password field. On the final try a checkbox "I
/// understand the card locks if this PIN is wrong" must be ticked before OK
/// is enabled. With a PIN pad (`pinpad`) there is no field and no OK: the
/// dialog only says to enter the PIN on the reader, and whoever opened it
/// closes it when the reader is done.
///
/// The secret is handed out once by takeSecret(), and the field is cleared.
class PinDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PinDialog(const PinRequest& request, bool pinpad = false, QWidget* parent = nullptr);
    ~PinDialog() override;

    bool isPinpad() const { return m_pinpad; }
    /// The typed secret; the field is wiped. Empty with a PIN pad.
    SecureBytes takeSecret();
    /// Why OK is disabled now (empty when enabled): for tests and the tooltip.
    QString problem() const { return m_problem; }

    /// "PIN" for people, by the kind of secret.
    static QString secretName(PinRequest::Secret secret);

private:
    void validate();

    PinRequest m_request;
    bool m_pinpad;
    QString m_problem;
    QLineEdit* m_field = nullptr;
    QCheckBox* m_finalTry = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace tokendesk
