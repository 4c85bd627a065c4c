#pragma once

#include "PinChangeDialog.h"
#include "PinFlow.h"
#include "backend/pkcs11/Identity.h"
#include "backend/pkcs11/IdentityTester.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QWidget;

namespace tokendesk {

class DialogPinPrompter;
class ModuleRegistry;

/// The window's token operations, each off the GUI thread: "Test this identity"
/// (IdentityTester, the PIN through a DialogPinPrompter) and the PIN flows
/// (PinFlow). A token that is not present is asked for by label and serial.
class TokenActions : public QObject
{
    Q_OBJECT

public:
    using RegistryGetter = std::function<std::shared_ptr<const ModuleRegistry>()>;

    TokenActions(RegistryGetter registry, QWidget* window);
    ~TokenActions() override;

    /// Signs a random challenge with the identity's key and verifies it; result() follows.
    void testIdentity(const CertificateEntry& entry, const TokenInfo& token);
    /// Change PIN, change PUK / SO PIN, or unblock, for this token; result() follows.
    void changePin(const TokenInfo& token, PinChangeDialog::Mode mode);

    DialogPinPrompter* prompter() const { return m_prompter.get(); }
    /// The key of the token an action waits for (asked for by label and serial), if any.
    QString waitingFor() const { return m_waitingKey; }

public Q_SLOTS:
    /// A token appeared (TokenWatcher::tokenAdded): an action waiting for it runs now.
    void tokenAppeared(const tokendesk::TokenContents& token);
    /// The user gave up waiting for the token.
    void cancelWaiting();
    /// The PIN flow running, if any (tests drive its dialog).
    PinFlow* pinFlow() const { return m_flow; }

Q_SIGNALS:
    /// An operation ended: one sentence for the status bar and a message box.
    void result(bool succeeded, const QString& message);
    /// A PinFlow started (tests wait for its dialog).
    void pinFlowStarted(tokendesk::PinFlow* flow);
    /// The token's state changed (PIN flags, logged-in reads): reread it.
    void tokenChanged(const QString& key);
    /// The action needs a token that is not there: the words ask for it by label and
    /// serial; the action runs when it comes (tokenAppeared) or is dropped (cancelWaiting).
    void waitingForToken(const QString& message);

private:
    static QString testMessage(const Result<IdentityTestResult, Pkcs11Error>& result);
    /// Keeps `retry` until the token comes back; tells the user which token to insert.
    void waitFor(const Pkcs11Error& absent, const TokenInfo& token, std::function<void()> retry);

    RegistryGetter m_registry;
    QPointer<QWidget> m_window;
    /// Shared with the jobs that use it: a job still running when the window goes keeps
    /// it alive (it is deleted later on the GUI thread), and its questions get a cancel.
    std::shared_ptr<DialogPinPrompter> m_prompter;
    /// A PIN operation is starting or running: one at a time.
    bool m_pinBusy = false;
    QPointer<PinFlow> m_flow;
    QString m_waitingKey;
    std::function<void()> m_retry;
};

} // namespace tokendesk
