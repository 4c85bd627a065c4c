#include "ChangePinCommand.h"

#include "AsyncTask.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "models/ErrorText.h"
#include "ui/PinFlow.h"

namespace tokendesk {

namespace {
using TokenResult = Result<Pkcs11Token, Pkcs11Error>;
} // namespace

ChangePinCommand::ChangePinCommand(const TokenInfo& token, PinOperation operation, RegistryGetter registry,
                                   QWidget* window, QObject* parent)
    : TokenCommand(token, std::move(registry), parent), m_operation(operation), m_window(window)
{
    qRegisterMetaType<tokendesk::PinFlow*>("tokendesk::PinFlow*");
}

ChangePinCommand::~ChangePinCommand() = default;

QString ChangePinCommand::title() const
{
    switch (m_operation) {
    case PinOperation::ChangePin:
        return tr("Change PIN");
    case PinOperation::ChangeSoPin:
        return tr("Change PUK / SO PIN");
    case PinOperation::UnblockPin:
        break;
    }
    return tr("Unblock PIN");
}

bool ChangePinCommand::canCancel() const
{
    return TokenCommand::canCancel() || (m_flow && m_flow->dialog() && m_flow->dialog()->isVisible());
}

void ChangePinCommand::abort()
{
    TokenCommand::abort();
    if (m_flow && m_flow->dialog() && m_flow->dialog()->isVisible()) {
        m_flow->dialog()->reject(); // the flow finishes: "Cancelled: nothing was sent to the token."
    }
}

void ChangePinCommand::run()
{
    AsyncTask::runThenCallback(
        this,
        [registry = registry(), token = token()]() -> TokenResult {
            if (!registry) {
                return noModules();
            }
            return registry->findToken(token);
        },
        [this](const TokenResult& found) {
            if (!found && found.error().kind == Pkcs11Error::Kind::TokenNotPresent) {
                waitFor(found.error(), [this] { run(); });
                return;
            }
            if (!found) {
                finish(false, ErrorText::pkcs11(found.error()));
                return;
            }
            m_flow = new PinFlow(found.value(), m_operation, m_window);
            const QString key = found.value().info().key();
            connect(m_flow, &PinFlow::finished, this, [this, key](bool ok, const QString& message) {
                finish(ok, message);
                Q_EMIT tokenChanged(key);
            });
            Q_EMIT flowStarted(m_flow);
            m_flow->start();
        });
}

} // namespace tokendesk
