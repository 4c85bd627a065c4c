#pragma once

#include "Command.h"
#include "backend/pkcs11/Identity.h"
#include "backend/pkcs11/Pkcs11Error.h"

#include <functional>
#include <memory>

namespace tokendesk {

class ModuleRegistry;

/// A command on one token, with the piece every such command shares: a token that is not
/// there is asked for by label and serial (waitingForToken), and the work goes on when it
/// comes back (tokenAppeared) or is dropped on cancel(), which is offered while waiting.
class TokenCommand : public Command
{
    Q_OBJECT

public:
    /// The registry once the modules are loaded (TokenWatcher::registry), null before.
    using RegistryGetter = std::function<std::shared_ptr<const ModuleRegistry>()>;

    TokenCommand(TokenInfo token, RegistryGetter registry, QObject* parent = nullptr);

    QString tokenKey() const override { return m_token.key(); }
    const TokenInfo& token() const { return m_token; }
    /// The key of the token it waits for; empty when not waiting.
    QString waitingFor() const { return m_waitingKey; }
    bool canCancel() const override { return !m_waitingKey.isEmpty(); }

public Q_SLOTS:
    /// A token appeared (TokenWatcher::tokenAdded): the work waiting for it goes on.
    void tokenAppeared(const tokendesk::TokenContents& token);

Q_SIGNALS:
    /// The token is not there: the words ask for it by label and serial.
    void waitingForToken(const QString& message);
    /// The token came back (or the wait was cancelled): a box asking for it can go.
    void waitingEnded();
    /// The work changed the token's state (PIN flags, logged-in reads): read it again.
    void tokenChanged(const QString& key);

protected:
    std::shared_ptr<const ModuleRegistry> registry() const { return m_registry ? m_registry() : nullptr; }
    /// The error for "the modules are still loading".
    static Pkcs11Error noModules();
    /// Keeps `retry` until the token comes back; tells the user which token to insert.
    void waitFor(const Pkcs11Error& absent, std::function<void()> retry);
    void abort() override;

private:
    TokenInfo m_token;
    RegistryGetter m_registry;
    QString m_waitingKey;
    std::function<void()> m_retry;
};

} // namespace tokendesk
