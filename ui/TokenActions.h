#pragma once

#include "PinChangeDialog.h"
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
class PinFlow;

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

    DialogPinPrompter* prompter() const { return m_prompter; }
    /// The PIN flow running, if any (tests drive its dialog).
    PinFlow* pinFlow() const { return m_flow; }

Q_SIGNALS:
    /// An operation ended: one sentence for the status bar and a message box.
    void result(bool succeeded, const QString& message);
    /// A PinFlow started (tests wait for its dialog).
    void pinFlowStarted(tokendesk::PinFlow* flow);
    /// The token's state changed (PIN flags, logged-in reads): reread it.
    void tokenChanged(const QString& key);

private:
    static QString testMessage(const Result<IdentityTestResult, Pkcs11Error>& result);

    RegistryGetter m_registry;
    QPointer<QWidget> m_window;
    DialogPinPrompter* m_prompter = nullptr;
    QPointer<PinFlow> m_flow;
};

} // namespace tokendesk
