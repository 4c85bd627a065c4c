#include "PairCommand.h"

#include "AsyncTask.h"
#include "PairingJobs.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"
#include "ui/PairDialog.h"

namespace tokendesk {

namespace {
struct Prepared
{
    PairingJobs::PairContext context;
    QStringList logins;
};
} // namespace

PairCommand::PairCommand(CertificateInfo certificate, QList<CertificateInfo> intermediates, ChoiceGetter choice,
                         QWidget* window)
    : Command(window), m_certificate(std::move(certificate)), m_intermediates(std::move(intermediates)),
      m_choice(std::move(choice)), m_window(window)
{}

QString PairCommand::title() const
{
    return tr("Pair", "Pair the verb");
}

void PairCommand::run()
{
    AsyncTask::runThenCallback(
        this,
        [choice = m_choice(), certificate = m_certificate, intermediates = m_intermediates] {
            return Prepared{PairingJobs::inspect(choice, certificate, intermediates), PairingJobs::localLogins()};
        },
        [this](const Prepared& prepared) {
            if (prepared.context.error) {
                finish(false, PairingText::error(*prepared.context.error));
                return;
            }
            if (prepared.context.stores.isEmpty()) {
                finish(false, tr("pam_pkcs11's configuration names no mapper TokenDesk can write (digest, subject, "
                                 "opensc, openssh): set the pairing stores in the settings."));
                return;
            }
            m_dialog = new PairDialog(m_certificate, prepared.context, prepared.logins, m_window);
            m_dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(m_dialog, &QDialog::accepted, this,
                    [this, dialog = m_dialog] { pair(dialog->login(), dialog->storeSpec()); });
            connect(m_dialog, &QDialog::rejected, this, [this] {
                finish(CommandResult{CommandResult::Status::Cancelled, {}});
            });
            m_dialog->open();
            Q_EMIT dialogShown(m_dialog);
        });
}

void PairCommand::abort()
{
    if (m_dialog) {
        m_dialog->disconnect(this);
        m_dialog->reject();
    }
}

void PairCommand::pair(const QString& login, const QString& storeSpec)
{
    AsyncTask::runThenCallback(
        this,
        [choice = m_choice(), certificate = m_certificate, login, storeSpec] {
            return PairingJobs::pair(choice, storeSpec, certificate, login);
        },
        [this, login, storeSpec](const Result<PairOutcome, PairingError>& result) {
            if (!result) {
                finish(false, PairingText::error(result.error()));
                return;
            }
            const QString subject = PrintableText::escape(m_certificate.subject);
            finish(true, result.value() == PairOutcome::Added
                             ? tr("Paired %1 with \u201c%2\u201d in %3.")
                                   .arg(subject, PrintableText::escape(login), PrintableText::escape(storeSpec))
                             : tr("Already paired: %1 with \u201c%2\u201d in %3; nothing changed.")
                                   .arg(subject, PrintableText::escape(login), PrintableText::escape(storeSpec)));
        });
}

} // namespace tokendesk
