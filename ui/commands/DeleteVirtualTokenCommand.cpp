#include "DeleteVirtualTokenCommand.h"

#include "AsyncTask.h"
#include "VirtualTokenJobs.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "models/PrintableText.h"
#include "models/VirtualTokenText.h"

#include <QMessageBox>
#include <QPushButton>

namespace tokendesk {

DeleteVirtualTokenCommand::DeleteVirtualTokenCommand(TokenInfo token, RegistryGetter registry, QWidget* window)
    : TokenCommand(std::move(token), std::move(registry), window), m_window(window)
{}

QString DeleteVirtualTokenCommand::title() const
{
    return tr("Delete Virtual Token");
}

void DeleteVirtualTokenCommand::run()
{
    const QString name = PrintableText::escape(token().label);
    auto* box = new QMessageBox(QMessageBox::Warning, title(),
                                tr("Delete the virtual token \u201c%1\u201d (serial %2)?").arg(name, token().serial),
                                QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("deleteVirtualTokenConfirm"));
    box->setInformativeText(tr("Every key and certificate on it goes, for good: programs that sign or log in with "
                               "them will no longer be able to. There is no undo."));
    QPushButton* remove = box->addButton(tr("&Delete Token"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("deleteToken"));
    // A slip of Enter keeps the keys.
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove](QAbstractButton* clicked) {
        if (clicked == remove) {
            this->remove();
        } else {
            finish(CommandResult{CommandResult::Status::Cancelled, {}});
        }
    });
    connect(box, &QMessageBox::rejected, this, [this] {
        if (!isFinished() && m_box) {
            finish(CommandResult{CommandResult::Status::Cancelled, {}});
        }
    });
    m_box = box;
    box->open();
    Q_EMIT dialogShown(box);
}

void DeleteVirtualTokenCommand::abort()
{
    if (m_box) {
        m_box->disconnect(this);
        m_box->reject();
    }
    TokenCommand::abort();
}

void DeleteVirtualTokenCommand::remove()
{
    if (m_box) {
        m_box->disconnect(this);
    }
    m_box = nullptr; // closing by itself; nothing left to cancel
    AsyncTask::runThenCallback(
        this, [registry = registry(), token = token()] { return VirtualTokenJobs::remove(registry, token); },
        [this](const Status<VirtualTokenError>& removed) {
            // Read again either way: softhsm2-util may have removed the token before failing.
            Q_EMIT tokenChanged(tokenKey());
            if (!removed) {
                finish(false, VirtualTokenText::error(removed.error()));
                return;
            }
            finish(true, tr("Deleted the virtual token \u201c%1\u201d (serial %2) and everything on it.")
                             .arg(PrintableText::escape(token().label), token().serial));
        },
        VirtualTokenJobs::pool());
}

} // namespace tokendesk
