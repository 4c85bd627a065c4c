#pragma once

#include "PinChangeDialog.h"
#include "PinFlow.h"
#include "backend/pkcs11/Identity.h"
#include "commands/TokenCommand.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QWidget;

namespace tokendesk {

class DialogPinPrompter;
class ModuleRegistry;

/// Runs the window's token commands (ui/commands/): "Test this identity" and the PIN
/// operations, one command per token at a time and one PIN operation at a time. A second
/// start while one runs is refused with a sentence (refused()), never dropped silently; the
/// window disables what would touch a busy token (isBusy, busyChanged).
class TokenActions : public QObject
{
    Q_OBJECT

public:
    using RegistryGetter = TokenCommand::RegistryGetter;

    TokenActions(RegistryGetter registry, QWidget* window);
    ~TokenActions() override;

    /// Signs a random challenge with the identity's key and verifies it; result() follows.
    void testIdentity(const CertificateEntry& entry, const TokenInfo& token);
    /// Change PIN, change PUK / SO PIN, or unblock, for this token; result() follows.
    void changePin(const TokenInfo& token, PinOperation operation);
    /// Runs `command` (taken over) unless another runs on its token; false and refused() if so.
    bool start(TokenCommand* command);

    DialogPinPrompter* prompter() const { return m_prompter.get(); }
    /// The key of the token a command waits for (asked for by label and serial), if any.
    QString waitingFor() const;
    /// A command runs on this token (its actions are disabled).
    bool isBusy(const QString& tokenKey) const;
    /// The command running on this token, if any.
    TokenCommand* running(const QString& tokenKey) const;

public Q_SLOTS:
    /// A token appeared (TokenWatcher::tokenAdded): a command waiting for it goes on.
    void tokenAppeared(const tokendesk::TokenContents& token);
    /// The user gave up waiting for the token: the waiting commands are cancelled.
    void cancelWaiting();
    /// The PIN flow running, if any (tests drive its dialog).
    PinFlow* pinFlow() const { return m_flow; }

Q_SIGNALS:
    /// A command ended with something to tell: one sentence for the status bar and a message box.
    void result(bool succeeded, const QString& message);
    /// A PinFlow started (tests wait for its dialog).
    void pinFlowStarted(tokendesk::PinFlow* flow);
    /// The token's state changed (PIN flags, logged-in reads): reread it.
    void tokenChanged(const QString& key);
    /// A command needs a token that is not there: the words ask for it by label and serial;
    /// it goes on when the token comes (tokenAppeared) or is dropped (cancelWaiting).
    void waitingForToken(const QString& message);
    /// The same, with the command: the window's box cancels it and closes when the wait ends.
    void commandWaiting(tokendesk::TokenCommand* command, const QString& message);
    /// A start was refused because another command runs: the sentence says which and where.
    void refused(const QString& message);
    /// A command started or ended: the window updates its actions.
    void busyChanged();

private:
    RegistryGetter m_registry;
    QPointer<QWidget> m_window;
    /// Shared with the jobs that use it: a job still running when the window goes keeps
    /// it alive (it is deleted later on the GUI thread), and its questions get a cancel.
    std::shared_ptr<DialogPinPrompter> m_prompter;
    /// The command running on each token (by TokenInfo::key()).
    QHash<QString, TokenCommand*> m_running;
    QPointer<PinFlow> m_flow;
};

} // namespace tokendesk
