#pragma once

#include "CheckedPage.h"

class QLabel;
class QLineEdit;

namespace tokendesk::importp12 {

struct ImportP12State;

/// The file's password, in a SecretField. Next decrypts the file on a worker and plans the import;
/// a wrong password or a damaged file is said inline and the wizard stays. The password is wiped
/// as soon as the worker has used it.
class PasswordPage : public CheckedPage
{
    Q_OBJECT
public:
    PasswordPage(ImportP12State* state, QWidget* parent = nullptr);
    ~PasswordPage() override;

    void initializePage() override;
    void cleanupPage() override;
    QLineEdit* passwordField() const { return m_password; }
    QLabel* errorLabel() const { return m_error; }
    /// Empties the field and its undo history (cancel, close).
    void wipe();

protected:
    bool startCheck() override;

private:
    ImportP12State* m_state;
    QLineEdit* m_password = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace tokendesk::importp12
