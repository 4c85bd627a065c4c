#pragma once

#include "backend/pkcs11/TokenInfo.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace tokendesk {

class ImportP12Wizard;

/// How the import wizard is started: the File menu's "Import .p12…" (Ctrl+I), a .p12 / .pfx file
/// dropped on the window, and `tokendesk FILE.p12` (open()). One wizard at a time: asking again
/// raises the open one.
class ImportP12Actions : public QObject
{
    Q_OBJECT
public:
    /// Listens for drops on `window`, which parents the wizard.
    explicit ImportP12Actions(QWidget* window);

    QAction* action() const { return m_action; }
    /// The wizard, on `path` when given (read at once, then the password is asked).
    ImportP12Wizard* open(const QString& path = QString());
    /// The open wizard, if any.
    ImportP12Wizard* wizard() const;
    /// A name the wizard takes: ends in .p12 or .pfx (any case).
    static bool isP12Name(const QString& path);

Q_SIGNALS:
    /// A wizard imported into this token: the window reads the tokens again.
    void imported(const tokendesk::TokenInfo& token);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_window;
    QAction* m_action = nullptr;
    QPointer<ImportP12Wizard> m_wizard;
};

} // namespace tokendesk
