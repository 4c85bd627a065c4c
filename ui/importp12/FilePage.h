#pragma once

#include "CheckedPage.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace tokendesk::importp12 {

struct ImportP12State;

/// The .p12 / .pfx file: a path field and Browse…; Next reads the file on a worker (its bytes go
/// into a SecureBytes) and says inline why a file cannot be read.
class FilePage : public CheckedPage
{
    Q_OBJECT
public:
    FilePage(ImportP12State* state, QWidget* parent = nullptr);

    QLineEdit* pathField() const { return m_path; }
    QLabel* errorLabel() const { return m_error; }
    /// The dialog's name filter: for the test and the drop on the window.
    static QString nameFilter();

protected:
    bool startCheck() override;
    bool fieldsComplete() const override;

private:
    void browse();

    ImportP12State* m_state;
    QLineEdit* m_path = nullptr;
    QPushButton* m_browse = nullptr;
    QLabel* m_error = nullptr;
};

/// An error sentence under a page's fields: red, wrapped, empty and hidden when there is none.
QLabel* makeErrorLabel(const QString& objectName, QWidget* parent);
void showError(QLabel* label, const QString& text);

} // namespace tokendesk::importp12
