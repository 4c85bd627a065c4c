#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace tokendesk::importp12 {

struct ImportP12State;

/// Where the identity goes: an existing virtual token (listed on a worker through
/// VirtualTokens::open and list) with its PIN, or a new one (label, new PIN twice). Next checks
/// the fields only: the import page does the work. An import that failed comes back here with
/// its sentence (showError).
class TokenChoicePage : public QWizardPage
{
    Q_OBJECT
public:
    TokenChoicePage(ImportP12State* state, QWidget* parent = nullptr);
    ~TokenChoicePage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    /// The import failed: say why, with the fields ready for another try.
    void showError(const QString& text);
    /// Empties the PIN fields and their undo history.
    void wipe();
    bool listing() const { return m_listing; }

    QRadioButton* newTokenButton() const { return m_new; }
    QRadioButton* existingTokenButton() const { return m_existing; }
    QComboBox* tokenList() const { return m_tokens; }
    QLineEdit* labelField() const { return m_label; }
    QLineEdit* newPinField() const { return m_newPin; }
    QLineEdit* newPinAgainField() const { return m_newPinAgain; }
    QLineEdit* pinField() const { return m_pin; }
    QLabel* errorLabel() const { return m_error; }

Q_SIGNALS:
    /// The virtual tokens were listed (or could not be): for tests.
    void listed();

private:
    void list();
    void updateMode();
    QString suggestedLabel() const;

    ImportP12State* m_state;
    QRadioButton* m_new = nullptr;
    QRadioButton* m_existing = nullptr;
    QLineEdit* m_label = nullptr;
    QLineEdit* m_newPin = nullptr;
    QLineEdit* m_newPinAgain = nullptr;
    QComboBox* m_tokens = nullptr;
    QLineEdit* m_pin = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    QWidget* m_newBox = nullptr;
    QWidget* m_existingBox = nullptr;
    bool m_listing = false;
    bool m_listFailed = false;
};

} // namespace tokendesk::importp12
