#include "TokenCommand.h"

namespace tokendesk {

TokenCommand::TokenCommand(TokenInfo token, RegistryGetter registry, QObject* parent)
    : Command(parent), m_token(std::move(token)), m_registry(std::move(registry))
{}

Pkcs11Error TokenCommand::noModules()
{
    Pkcs11Error error;
    error.kind = Pkcs11Error::Kind::ModuleNotLoaded;
    error.detail = QStringLiteral("the PKCS#11 modules are still loading");
    return error;
}

void TokenCommand::waitFor(const Pkcs11Error& absent, std::function<void()> retry)
{
    m_waitingKey = m_token.key();
    m_retry = std::move(retry);
    const QString label = absent.tokenLabel.isEmpty() ? m_token.label : absent.tokenLabel;
    const QString serial = absent.tokenSerial.isEmpty() ? m_token.serial : absent.tokenSerial;
    Q_EMIT waitingForToken(tr("Insert the card or token \u201c%1\u201d (serial %2) to continue.").arg(label, serial));
}

void TokenCommand::tokenAppeared(const TokenContents& token)
{
    if (m_waitingKey.isEmpty() || token.key() != m_waitingKey) {
        return;
    }
    m_waitingKey.clear();
    const auto retry = std::exchange(m_retry, {});
    Q_EMIT waitingEnded();
    if (retry) {
        retry();
    }
}

void TokenCommand::abort()
{
    const bool waiting = !m_waitingKey.isEmpty();
    m_waitingKey.clear();
    m_retry = {};
    if (waiting) {
        Q_EMIT waitingEnded();
    }
}

} // namespace tokendesk
