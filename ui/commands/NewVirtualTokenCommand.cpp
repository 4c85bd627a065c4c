#include "NewVirtualTokenCommand.h"

#include "AsyncTask.h"
#include "VirtualTokenJobs.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "models/PrintableText.h"
#include "models/VirtualTokenText.h"
#include "ui/VirtualTokenDialog.h"

namespace tokendesk {

namespace {
/// SoftHSM2's minimum (its C_GetTokenInfo says 4 for every token).
constexpr int kMinPinLength = 4;
} // namespace

NewVirtualTokenCommand::NewVirtualTokenCommand(TokenCommand::RegistryGetter registry, QWidget* window)
    : Command(window), m_registry(std::move(registry)), m_window(window)
{}

QString NewVirtualTokenCommand::title() const
{
    return tr("New Virtual Token");
}

void NewVirtualTokenCommand::run()
{
    m_dialog = new VirtualTokenDialog(VirtualTokenDialog::Mode::Create, {}, kMinPinLength, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::rejected, this, [this] {
        finish(CommandResult{CommandResult::Status::Cancelled, {}});
    });
    connect(m_dialog, &VirtualTokenDialog::submitted, this, &NewVirtualTokenCommand::create);
    m_dialog->open();
    Q_EMIT dialogShown(m_dialog);
}

void NewVirtualTokenCommand::abort()
{
    if (m_dialog) {
        m_dialog->disconnect(this);
        m_dialog->reject();
    }
}

void NewVirtualTokenCommand::create()
{
    m_working = true;
    m_dialog->setWorking(true);
    const QString label = m_dialog->label();
    // Shared, not copied: SecureBytes moves only, and the task must be copyable.
    auto pin = std::make_shared<const SecureBytes>(m_dialog->pin());
    AsyncTask::runThenCallback(
        this,
        [registry = m_registry ? m_registry() : nullptr, label, pin] {
            return VirtualTokenJobs::create(registry, label, *pin);
        },
        [this](const Result<TokenInfo, VirtualTokenError>& made) {
            m_working = false;
            if (!made) {
                const auto code = made.error().code;
                if (m_dialog &&
                    (code == VirtualTokenError::Code::LabelTaken || code == VirtualTokenError::Code::BadLabel)) {
                    m_dialog->setError(VirtualTokenText::error(made.error())); // typed again, not lost
                    return;
                }
                if (m_dialog) {
                    m_dialog->disconnect(this);
                    m_dialog->setWorking(false);
                    m_dialog->reject();
                }
                finish(false, VirtualTokenText::error(made.error()));
                return;
            }
            if (m_dialog) {
                m_dialog->disconnect(this);
                m_dialog->setWorking(false);
                m_dialog->accept();
            }
            const TokenInfo& token = made.value();
            Q_EMIT tokenMade(token);
            finish(true, tr("Made the virtual token \u201c%1\u201d (serial %2).")
                             .arg(PrintableText::escape(token.label), token.serial));
        },
        VirtualTokenJobs::pool());
}

} // namespace tokendesk
