#include "TokenActions.h"

#include "DialogPinPrompter.h"
#include "PinFlow.h"
#include "commands/ChangePinCommand.h"
#include "commands/TestIdentityCommand.h"

namespace tokendesk {

TokenActions::TokenActions(RegistryGetter registry, QWidget* window)
    : QObject(window), m_registry(std::move(registry)), m_window(window),
      m_prompter(new DialogPinPrompter(window), [](DialogPinPrompter* p) { p->deleteLater(); })
{
    qRegisterMetaType<tokendesk::PinFlow*>("tokendesk::PinFlow*");
    qRegisterMetaType<tokendesk::PinChangeDialog*>("tokendesk::PinChangeDialog*");
    qRegisterMetaType<tokendesk::TokenCommand*>("tokendesk::TokenCommand*");
}

TokenActions::~TokenActions() = default;

void TokenActions::testIdentity(const CertificateEntry& entry, const TokenInfo& token)
{
    start(new TestIdentityCommand(entry, token, m_registry, m_prompter));
}

void TokenActions::changePin(const TokenInfo& token, PinOperation operation)
{
    auto* command = operation == PinOperation::UnblockPin
                        ? new UnblockPinCommand(token, m_registry, m_window)
                        : new ChangePinCommand(token, operation, m_registry, m_window);
    connect(command, &ChangePinCommand::flowStarted, this, [this](PinFlow* flow) {
        m_flow = flow;
        Q_EMIT pinFlowStarted(flow);
    });
    start(command);
}

bool TokenActions::start(TokenCommand* command)
{
    // One command per token; and one PIN operation at a time, as its dialogs are window-modal.
    TokenCommand* busy = m_running.value(command->tokenKey());
    if (!busy && qobject_cast<ChangePinCommand*>(command)) {
        for (TokenCommand* other : std::as_const(m_running)) {
            if (qobject_cast<ChangePinCommand*>(other)) {
                busy = other;
            }
        }
    }
    if (busy) {
        const TokenInfo& token = busy->token();
        Q_EMIT refused(tr("%1 is still running on \u201c%2\u201d (serial %3): finish it first.")
                           .arg(busy->title(), token.label, token.serial));
        delete command;
        return false;
    }
    command->setParent(this);
    const QString key = command->tokenKey();
    m_running.insert(key, command);
    connect(command, &TokenCommand::tokenChanged, this, &TokenActions::tokenChanged);
    connect(command, &TokenCommand::waitingForToken, this, [this, command](const QString& message) {
        Q_EMIT waitingForToken(message);
        Q_EMIT commandWaiting(command, message);
    });
    connect(command, &Command::finished, this, [this, command, key](const CommandResult& outcome) {
        m_running.remove(key);
        command->deleteLater();
        if (!outcome.message.isEmpty()) {
            Q_EMIT result(outcome.succeeded(), outcome.message);
        }
        Q_EMIT busyChanged();
    });
    Q_EMIT busyChanged();
    command->start();
    return true;
}

QString TokenActions::waitingFor() const
{
    for (const TokenCommand* command : std::as_const(m_running)) {
        if (!command->waitingFor().isEmpty()) {
            return command->waitingFor();
        }
    }
    return {};
}

bool TokenActions::isBusy(const QString& tokenKey) const
{
    return m_running.contains(tokenKey);
}

TokenCommand* TokenActions::running(const QString& tokenKey) const
{
    return m_running.value(tokenKey);
}

void TokenActions::tokenAppeared(const TokenContents& token)
{
    if (TokenCommand* command = m_running.value(token.key())) {
        command->tokenAppeared(token);
    }
}

void TokenActions::cancelWaiting()
{
    const QList<TokenCommand*> commands = m_running.values();
    for (TokenCommand* command : commands) {
        if (!command->waitingFor().isEmpty()) {
            command->cancel();
        }
    }
}

} // namespace tokendesk
