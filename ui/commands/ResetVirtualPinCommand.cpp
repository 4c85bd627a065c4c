#include "ResetVirtualPinCommand.h"

#include "AsyncTask.h"
#include "VirtualTokenJobs.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "models/PrintableText.h"
#include "models/VirtualTokenText.h"
#include "ui/VirtualTokenDialog.h"

namespace tokendesk {

ResetVirtualPinCommand::ResetVirtualPinCommand(TokenInfo token, RegistryGetter registry, QWidget* window)
    : TokenCommand(std::move(token), std::move(registry), window), m_window(window)
{}

QString ResetVirtualPinCommand::title() const
{
    return tr("Reset PIN", "PIN the noun");
}

void ResetVirtualPinCommand::run()
{
    m_dialog = new VirtualTokenDialog(VirtualTokenDialog::Mode::ResetPin, token().label,
                                      token().minPinLength > 0 ? int(token().minPinLength) : 4, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::rejected, this, [this] {
        finish(CommandResult{CommandResult::Status::Cancelled, {}});
    });
    connect(m_dialog, &VirtualTokenDialog::submitted, this, &ResetVirtualPinCommand::reset);
    m_dialog->open();
    Q_EMIT dialogShown(m_dialog);
}

void ResetVirtualPinCommand::abort()
{
    if (m_dialog) {
        m_dialog->disconnect(this);
        m_dialog->reject();
    }
    TokenCommand::abort();
}

void ResetVirtualPinCommand::reset()
{
    m_working = true;
    m_dialog->setWorking(true);
    auto pin = std::make_shared<const SecureBytes>(m_dialog->pin());
    AsyncTask::runThenCallback(
        this,
        [registry = registry(), token = token(), pin] { return VirtualTokenJobs::resetPin(registry, token, *pin); },
        [this](const Status<VirtualTokenError>& done) {
            m_working = false;
            if (!done) {
                if (m_dialog) {
                    m_dialog->setError(VirtualTokenText::error(done.error()));
                    return;
                }
                finish(false, VirtualTokenText::error(done.error()));
                return;
            }
            Q_EMIT tokenChanged(tokenKey()); // the PIN flags (locked, final try) are new
            if (m_dialog) {
                m_dialog->disconnect(this);
                m_dialog->accept();
            }
            finish(true, tr("The PIN of \u201c%1\u201d is set.").arg(PrintableText::escape(token().label)));
        },
        VirtualTokenJobs::pool());
}

} // namespace tokendesk
