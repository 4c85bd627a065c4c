#pragma once

#include "backend/common/SecureBytes.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace tokendesk {

/// Asks for what a virtual token needs: "New Virtual Token" a label and its PIN twice, "Reset
/// PIN" the new PIN twice. OK does not close it: the command hears submitted(), works, and
/// either closes it or says what went wrong inline (setError: "a token is already called …"),
/// so nothing typed is lost to a message box. Every PIN field is a SecretField.
class VirtualTokenDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Create,
        ResetPin,
    };

    /// `token`: the token's label for ResetPin (shown); `minPinLength`: the token's minimum.
    VirtualTokenDialog(Mode mode, const QString& token, int minPinLength, QWidget* parent = nullptr);
    ~VirtualTokenDialog() override;

    QString label() const;
    /// The PIN typed. The fields keep it (a label taken is corrected without typing the PIN
    /// again) until the dialog closes, which wipes them.
    [[nodiscard]] SecureBytes pin() const;
    /// Why OK is disabled; empty when it is enabled.
    QString problem() const { return m_problem; }
    /// A failure told inline; the fields stay as typed, OK and Cancel work again.
    void setError(const QString& message);
    /// While the command works: nothing can be changed or pressed.
    void setWorking(bool working);
    QLineEdit* labelField() const { return m_label; }
    QDialogButtonBox* buttons() const { return m_buttons; }

Q_SIGNALS:
    /// OK was pressed with a valid label and two equal PINs.
    void submitted();

public Q_SLOTS:
    void done(int result) override;
    void reject() override;

private:
    void update();

    Mode m_mode;
    int m_minPinLength;
    bool m_working = false;
    QString m_problem;
    QLineEdit* m_label = nullptr;
    QLineEdit* m_pin = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace tokendesk
