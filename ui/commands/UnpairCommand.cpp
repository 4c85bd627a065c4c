#include "UnpairCommand.h"

#include "AsyncTask.h"
#include "PairingJobs.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"

#include <QInputDialog>
#include <QMessageBox>

namespace tokendesk {

UnpairCommand::UnpairCommand(PairingRow row, ChoiceGetter choice, QWidget* window)
    : Command(window), m_row(std::move(row)), m_certificate(m_row->certificate), m_choice(std::move(choice)),
      m_window(window)
{}

UnpairCommand::UnpairCommand(CertificateInfo certificate, ChoiceGetter choice, QWidget* window)
    : Command(window), m_certificate(std::move(certificate)), m_choice(std::move(choice)), m_window(window)
{}

QString UnpairCommand::title() const
{
    return tr("Unpair");
}

void UnpairCommand::run()
{
    if (m_row) {
        confirm(m_row->pairing.login);
        return;
    }
    AsyncTask::runThenCallback(
        this,
        [choice = m_choice(), certificate = *m_certificate] { return PairingJobs::loginsOf(choice, certificate); },
        [this](const QStringList& logins) {
            if (logins.isEmpty()) {
                finish(false, tr("Nothing to unpair: no store pairs %1 with any account.")
                                  .arg(PrintableText::escape(m_certificate->subject)));
            } else if (logins.size() == 1) {
                confirm(logins.constFirst());
            } else {
                askLogin(logins);
            }
        });
}

void UnpairCommand::show(QDialog* dialog)
{
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::rejected, this, [this] { finish(CommandResult{CommandResult::Status::Cancelled, {}}); });
    dialog->open();
    Q_EMIT dialogShown(dialog);
}

void UnpairCommand::confirm(const QString& login)
{
    const QString what =
        m_certificate ? PrintableText::escape(m_certificate->subject) : PrintableText::escape(m_row->pairing.key);
    const QString where = m_row ? PrintableText::escape(m_row->storeSpec) : tr("every pairing store");
    auto* box = new QMessageBox(QMessageBox::Question, title(),
                                tr("Unpair %1 from \u201c%2\u201d in %3? That card will no longer log in as "
                                   "\u201c%2\u201d.")
                                    .arg(what, PrintableText::escape(login), where),
                                QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("unpairConfirm"));
    box->addButton(tr("&Unpair"), QMessageBox::AcceptRole);
    connect(box, &QMessageBox::accepted, this, [this, login] { unpair(login); });
    show(box);
}

void UnpairCommand::askLogin(const QStringList& logins)
{
    auto* dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("unpairLogin"));
    dialog->setWindowTitle(title());
    dialog->setLabelText(
        tr("%1 is paired with several accounts. Unpair it from:").arg(PrintableText::escape(m_certificate->subject)));
    dialog->setComboBoxItems(logins);
    dialog->setComboBoxEditable(false);
    dialog->setOkButtonText(tr("&Unpair"));
    connect(dialog, &QInputDialog::accepted, this, [this, dialog] { unpair(dialog->textValue()); });
    show(dialog);
}

void UnpairCommand::abort()
{
    if (m_dialog) {
        m_dialog->disconnect(this);
        m_dialog->reject();
    }
}

void UnpairCommand::unpair(const QString& login)
{
    AsyncTask::runThenCallback(
        this,
        [choice = m_choice(), login, certificate = m_certificate, store = m_row ? m_row->storeSpec : QString()] {
            return PairingJobs::unpair(choice, login, certificate, store);
        },
        [this, login](const PairingJobs::UnpairResult& result) {
            if (!result.errors.isEmpty()) {
                finish(false, PairingText::error(result.errors.constFirst()));
            } else if (result.needsCertificate) {
                finish(false, tr("\u201c%1\u201d has several entries in this store: insert the card of this one to "
                                 "unpair it alone.")
                                  .arg(PrintableText::escape(login)));
            } else if (result.removed == 0) {
                finish(false, tr("Nothing to unpair: no store pairs this certificate with \u201c%1\u201d.")
                                  .arg(PrintableText::escape(login)));
            } else {
                finish(true, tr("Unpaired \u201c%1\u201d: %n entries removed.", nullptr, result.removed)
                                 .arg(PrintableText::escape(login)));
            }
        });
}

} // namespace tokendesk
