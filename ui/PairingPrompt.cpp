#include "PairingPrompt.h"

#include "PairingPromptDialog.h"
#include "backend/common/Settings.h"
#include "commands/AsyncTask.h"
#include "commands/PairingJobs.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"

#include <QWidget>

namespace tokendesk {

PairingPrompt::PairingPrompt(ChoiceGetter choice, QWidget* window)
    : QObject(window), m_choice(std::move(choice)), m_window(window), m_login(PairingJobs::currentLogin())
{}

PairingPrompt::Check PairingPrompt::check(const PairingSources::Choice& choice, const CertificateInfo& certificate,
                                          const QString& login)
{
    auto mappers = PairingSources::open(choice);
    if (!mappers) {
        return {};
    }
    const PairingStore* write = PairingSources::writeStore(mappers.value());
    if (!write || !PairingJobs::canWrite(*write, login)) {
        return {};
    }
    for (const ConfiguredMapper& mapper : mappers.value()) {
        if (!mapper.store) {
            continue;
        }
        const auto found = mapper.store->findByCertificate(certificate);
        // A store that cannot be read may hold a pairing: better not to ask than to pair twice.
        if (!found || !found.value().isEmpty()) {
            return {};
        }
    }
    return {true, write->spec()};
}

void PairingPrompt::tokenAppeared(const TokenContents& token)
{
    // Cards in readers only: a software token is made by someone who knows what it is for.
    const CertificateEntry* identity = nullptr;
    for (const CertificateEntry& entry : token.certificates) {
        if (entry.keyState != CertificateEntry::KeyState::None && entry.info) {
            identity = &entry;
            break;
        }
    }
    if (!token.token.slot.removable || !identity) {
        Q_EMIT decided(QString(), false);
        return;
    }
    const CertificateInfo certificate = *identity->info;
    const QString sha256 = QString::fromLatin1(certificate.sha256.toHex());
    const bool declined =
        Settings::instance().value(Settings::Key::PairingDeclined).toStringList().contains(sha256, Qt::CaseInsensitive);
    if (!Settings::instance().boolValue(Settings::Key::PairingPrompts) || declined || m_asked.contains(sha256) ||
        m_checking.contains(sha256) || m_dialog || m_login.isEmpty()) {
        Q_EMIT decided(sha256, false);
        return;
    }
    m_checking.insert(sha256);
    AsyncTask::runThenCallback(
        this, [choice = m_choice(), certificate, login = m_login] { return check(choice, certificate, login); },
        [this, token, certificate, sha256](const Check& answer) {
            m_checking.remove(sha256);
            // The settings or another prompt may have changed while the stores were read.
            const bool show = answer.offer && !m_dialog && !m_asked.contains(sha256) &&
                              Settings::instance().boolValue(Settings::Key::PairingPrompts);
            if (show) {
                m_asked.insert(sha256);
                this->show(token, certificate, answer.storeSpec);
            }
            Q_EMIT decided(sha256, show);
        });
}

void PairingPrompt::show(const TokenContents& token, const CertificateInfo& certificate, const QString& storeSpec)
{
    m_dialog = new PairingPromptDialog(token.token.label, certificate.subject, m_login, storeSpec, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString sha256 = QString::fromLatin1(certificate.sha256.toHex());
    connect(m_dialog, &QDialog::finished, this, [this, dialog = m_dialog, certificate, storeSpec, sha256](int code) {
        if (dialog->dontAskAgain()) {
            QStringList declined = Settings::instance().value(Settings::Key::PairingDeclined).toStringList();
            if (!declined.contains(sha256, Qt::CaseInsensitive)) {
                declined.append(sha256);
                Settings::instance().setValue(Settings::Key::PairingDeclined, declined);
            }
        }
        if (code == QDialog::Accepted) {
            pair(certificate, storeSpec);
        }
    });
    m_dialog->show();
    Q_EMIT promptShown(m_dialog);
}

void PairingPrompt::pair(const CertificateInfo& certificate, const QString& storeSpec)
{
    AsyncTask::runThenCallback(
        this,
        [choice = m_choice(), certificate, storeSpec, login = m_login] {
            return PairingJobs::pair(choice, storeSpec, certificate, login);
        },
        [this, storeSpec](const Result<PairOutcome, PairingError>& paired) {
            if (!paired) {
                Q_EMIT result(false, PairingText::error(paired.error()));
                return;
            }
            Q_EMIT result(true, tr("This card now logs you in: paired with \u201c%1\u201d in %2.")
                                    .arg(PrintableText::escape(m_login), PrintableText::escape(storeSpec)));
        });
}

} // namespace tokendesk
