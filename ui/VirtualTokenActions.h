#pragma once

#include "backend/pkcs11/TokenInfo.h"
#include "commands/AsyncTask.h"
#include "commands/Command.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <optional>

class QAction;

namespace tokendesk {

class MainWindow;

/// The window's virtual-token actions: New Virtual Token (always, when SoftHSM2 is installed),
/// Delete Virtual Token and Reset PIN (on a SoftHSM2 token of the configuration TokenDesk
/// manages; Reset PIN only when its SO PIN is in the keyring, which is asked on a worker).
/// New runs here, one at a time; Delete and Reset run through the window's TokenActions, so the
/// token's other actions wait for them. After each, the token watcher reads SoftHSM2 again
/// (TokenWatcher::reloadToken), which is how the tree learns of the change: a module without
/// slot events is otherwise read only at start.
class VirtualTokenActions : public QObject
{
    Q_OBJECT
public:
    explicit VirtualTokenActions(MainWindow* window);

    QAction* newAction() const { return m_new; }
    QAction* deleteAction() const { return m_delete; }
    QAction* resetPinAction() const { return m_resetPin; }
    QList<QAction*> actions() const { return {m_new, m_delete, m_resetPin}; }

    void newToken();
    void deleteToken(const TokenInfo& token);
    void resetPin(const TokenInfo& token);

public Q_SLOTS:
    /// The selection or a command's state changed: enable what applies.
    void updateActions();

Q_SIGNALS:
    /// A command started (tests take its dialog from it).
    void started(tokendesk::Command* command);
    /// New Virtual Token ended with something to tell (the window's CommandFeedback shows it).
    void result(bool succeeded, const QString& message);
    /// New Virtual Token was refused: one runs already.
    void refused(const QString& message);
    /// The keyring answered whether a token's SO PIN is there (Reset PIN's state follows).
    void soPinChecked(const QString& serial, bool stored);

private:
    std::optional<TokenInfo> selectedVirtualToken() const;
    void checkSoPin(const QString& serial);
    void reload(const QString& tokenKey);

    MainWindow* m_window;
    QAction* m_new = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_resetPin = nullptr;
    QPointer<Command> m_creating;
    /// Per serial: its SO PIN is in the keyring. Absent: not asked yet (or being asked).
    QHash<QString, bool> m_soPinStored;
    QHash<QString, QString> m_soPinError;
    QString m_asking;
    AsyncTask::Latest m_soPinCheck;
};

} // namespace tokendesk
