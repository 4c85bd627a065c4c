#include "ImportP12Wizard.h"

#include "importp12/DonePage.h"
#include "importp12/FilePage.h"
#include "importp12/ImportP12State.h"
#include "importp12/ImportPage.h"
#include "importp12/PasswordPage.h"
#include "importp12/PreviewPage.h"
#include "importp12/TokenChoicePage.h"
#include "models/VirtualTokenText.h"

#include <QAbstractButton>
#include <QLineEdit>

namespace tokendesk {

using namespace importp12;

ImportP12Wizard::ImportP12Wizard(QWidget* parent) : QWizard(parent), m_state(std::make_unique<ImportP12State>())
{
    setObjectName(QStringLiteral("importP12Wizard"));
    setWindowTitle(tr("Import a PKCS#12 file"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage); // imported: there is nothing left to cancel
    m_filePage = new FilePage(m_state.get(), this);
    m_passwordPage = new PasswordPage(m_state.get(), this);
    m_previewPage = new PreviewPage(m_state.get(), this);
    m_tokenPage = new TokenChoicePage(m_state.get(), this);
    m_importPage = new ImportPage(m_state.get(), this);
    m_donePage = new DonePage(m_state.get(), this);
    setPage(FileId, m_filePage);
    setPage(PasswordId, m_passwordPage);
    setPage(PreviewId, m_previewPage);
    setPage(TokenId, m_tokenPage);
    setPage(ImportId, m_importPage);
    setPage(DoneId, m_donePage);
    // Past the token page the import runs: Back would leave it behind. A failed import comes back
    // here itself (importFinished).
    m_tokenPage->setCommitPage(true);
    m_tokenPage->setButtonText(QWizard::CommitButton, tr("&Import"));
    connect(m_importPage, &ImportPage::finished, this, &ImportP12Wizard::importFinished);
    resize(760, 680);
}

ImportP12Wizard::~ImportP12Wizard()
{
    wipeSecrets();
}

void ImportP12Wizard::openFile(const QString& path)
{
    m_filePage->pathField()->setText(path);
    if (currentId() == FileId) {
        next();
    }
}

void ImportP12Wizard::setModules(std::shared_ptr<const ModuleRegistry> registry)
{
    m_state->registry = std::move(registry);
}

void ImportP12Wizard::reject()
{
    if (m_importPage->running()) {
        // The importer stops at its next step and undoes what it wrote; importFinished closes.
        m_cancelling = true;
        m_importPage->cancel();
        button(QWizard::CancelButton)->setEnabled(false);
        return;
    }
    if (m_cancelling) {
        return;
    }
    QWizard::reject();
}

void ImportP12Wizard::done(int result)
{
    wipeSecrets();
    QWizard::done(result);
}

void ImportP12Wizard::wipeSecrets()
{
    m_passwordPage->wipe();
    m_tokenPage->wipe();
    m_state->wipeSecrets();
}

void ImportP12Wizard::importFinished(bool imported, const ImportError& error)
{
    if (imported) {
        if (m_state->result) {
            Q_EMIT this->imported(m_state->result->token);
        }
        // Nothing more to protect: the key is on the token.
        m_state->wipeSecrets();
        if (m_cancelling) {
            // Too late to stop: the import ended before it saw the cancel. Show what is there.
            m_cancelling = false;
            button(QWizard::CancelButton)->setEnabled(true);
        }
        next();
        return;
    }
    if (m_cancelling || error.code == ImportError::Code::Cancelled) {
        m_cancelling = false;
        QWizard::reject();
        return;
    }
    // Nothing was left behind: back to the token, with the reason (a wrong PIN, a label taken).
    m_tokenPage->showError(VirtualTokenText::error(error));
    back();
}

} // namespace tokendesk
