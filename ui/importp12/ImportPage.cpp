#include "ImportPage.h"

#include "ImportP12State.h"
#include "models/PrintableText.h"
#include "ui/commands/AsyncTask.h"
#include "ui/commands/VirtualTokenJobs.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace tokendesk::importp12 {

ImportPage::ImportPage(ImportP12State* state, QWidget* parent) : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Importing"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    auto* note = new QLabel(tr("The private key is written so that it can never be read back from the token, then "
                               "the token signs a challenge with it to prove the import worked. If anything "
                               "fails, or you cancel, everything written is removed again."),
                            this);
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addSpacing(12);
    layout->addWidget(note);
    layout->addStretch(1);
}

void ImportPage::initializePage()
{
    const bool create = m_state->createToken;
    const QString label = m_state->tokenLabel;
    setSubTitle(
        create ? tr("Making the virtual token \"%1\" and writing the identity to it.").arg(PrintableText::escape(label))
               : tr("Writing the identity to the virtual token \"%1\".").arg(PrintableText::escape(label)));
    m_status->setText(tr("Starting…"));
    m_progress->setRange(0, 0);
    m_done = false;
    m_running = true;
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    Q_EMIT completeChanged();

    // The worker gets its own references: the wizard may go (after a cancel) before it ends.
    const std::optional<VirtualTokens> tokens = m_state->tokens;
    const std::shared_ptr<const Pkcs12Contents> contents = m_state->contents;
    const ImportPlan plan = m_state->plan;
    std::shared_ptr<const SecureBytes> pin = std::move(m_state->pin); // used once, then wiped
    const std::shared_ptr<std::atomic_bool> cancelled = m_cancelled;
    AsyncTask::runWithProgress(
        this,
        [tokens, contents, plan, pin, cancelled, label,
         create](const std::function<void(int, int)>& report) -> Result<ImportResult, ImportError> {
            if (!tokens || !contents) {
                return ImportError::make(ImportError::Code::Cancelled);
            }
            P12Importer::Request request;
            request.tokenLabel = label;
            request.createToken = create;
            request.cancelled = [cancelled] {
                return cancelled->load();
            };
            request.progress = report;
            return P12Importer::run(*tokens, *contents, plan, *pin, request);
        },
        [this](int done, int total) {
            if (m_cancelled->load()) {
                return;
            }
            m_progress->setRange(0, total);
            m_progress->setValue(done);
            m_status->setText(tr("Step %1 of %2…").arg(done).arg(total));
        },
        [this](const Result<ImportResult, ImportError>& result) {
            m_running = false;
            if (result) {
                m_state->result = result.value();
                m_done = true;
                m_progress->setValue(m_progress->maximum());
                m_status->setText(tr("Imported and verified."));
                Q_EMIT completeChanged();
                Q_EMIT finished(true, ImportError());
                return;
            }
            m_status->setText(QString());
            m_progress->setRange(0, 1);
            m_progress->setValue(0);
            Q_EMIT finished(false, result.error());
        },
        // Making a token stores its SO PIN in the keyring: on the one thread keyring calls use.
        VirtualTokenJobs::pool());
}

void ImportPage::cancel()
{
    if (!m_running) {
        return;
    }
    m_cancelled->store(true);
    m_progress->setRange(0, 0);
    m_status->setText(tr("Cancelling: removing what was written…"));
}

bool ImportPage::isComplete() const
{
    return m_done;
}

} // namespace tokendesk::importp12
