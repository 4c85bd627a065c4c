#include "PairingActions.h"

#include "MainWindow.h"
#include "PairingPrompt.h"
#include "backend/common/Settings.h"
#include "commands/CheckCardCommand.h"
#include "commands/PairCommand.h"
#include "commands/UnpairCommand.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"

#include <QAction>
#include <QTreeView>

namespace tokendesk {

PairingActions::PairingActions(MainWindow* window, PairingModel* model, ChoiceGetter choice)
    : QObject(window), m_window(window), m_model(model), m_choice(std::move(choice))
{
    qRegisterMetaType<tokendesk::Command*>("tokendesk::Command*");
    m_pair =
        new QAction(QIcon::fromTheme(QStringLiteral("contact-new")), tr("&Pair with account…", "Pair the verb"), this);
    m_pair->setObjectName(QStringLiteral("pair"));
    m_pair->setToolTip(tr("Pair this certificate with an account, so that its card logs in as it"));
    connect(m_pair, &QAction::triggered, this, [this] {
        const auto entry = m_window->selectedCertificate();
        const auto token = selectedToken();
        if (!entry || !entry->info) {
            return;
        }
        QList<CertificateInfo> others;
        for (const CertificateEntry& e : token ? token->certificates : QList<CertificateEntry>()) {
            if (e.info && e.info->sha256 != entry->info->sha256) {
                others.append(*e.info);
            }
        }
        pair(*entry->info, others);
    });
    m_unpair = new QAction(QIcon::fromTheme(QStringLiteral("list-remove")), tr("&Unpair…"), this);
    m_unpair->setObjectName(QStringLiteral("unpair"));
    connect(m_unpair, &QAction::triggered, this, [this] {
        if (const auto row = selectedPairing()) {
            unpair(*row);
        } else if (const auto entry = m_window->selectedCertificate(); entry && entry->info) {
            unpairCertificate(*entry->info);
        }
    });
    m_checkCard = new QAction(QIcon::fromTheme(QStringLiteral("system-search")), tr("C&heck this card"), this);
    m_checkCard->setObjectName(QStringLiteral("checkCard"));
    m_checkCard->setToolTip(tr("Who logs in with this card, by pam_pkcs11's rules"));
    connect(m_checkCard, &QAction::triggered, this, [this] {
        if (const auto token = selectedToken()) {
            checkCard(*token);
        }
    });
    m_prompts = new QAction(tr("Offer to &pair a card nobody is paired with", "Pair the verb"), this);
    m_prompts->setObjectName(QStringLiteral("pairingPrompts"));
    m_prompts->setCheckable(true);
    m_prompts->setChecked(Settings::instance().boolValue(Settings::Key::PairingPrompts));
    connect(m_prompts, &QAction::toggled, this,
            [](bool on) { Settings::instance().setValue(Settings::Key::PairingPrompts, on); });

    m_prompt = new PairingPrompt(m_choice, window);
    connect(m_prompt, &PairingPrompt::result, this, [this](bool succeeded, const QString& message) {
        m_model->refresh();
        Q_EMIT result(succeeded, message);
    });
    updateActions();
}

bool PairingActions::start(Command* command)
{
    if (m_running) {
        Q_EMIT refused(tr("%1 is still running: finish it first.").arg(m_running->title()));
        delete command;
        return false;
    }
    m_running = command;
    command->setParent(this);
    connect(command, &Command::finished, this, [this, command](const CommandResult& outcome) {
        command->deleteLater();
        m_running = nullptr; // deleted later: the next command may start now
        m_model->refresh();
        if (!outcome.message.isEmpty()) {
            Q_EMIT result(outcome.succeeded(), outcome.message);
        }
        updateActions();
    });
    Q_EMIT started(command);
    updateActions();
    command->start();
    return true;
}

void PairingActions::pair(const CertificateInfo& certificate, const QList<CertificateInfo>& intermediates)
{
    start(new PairCommand(certificate, intermediates, m_choice, m_window));
}

void PairingActions::unpair(const PairingRow& row)
{
    start(new UnpairCommand(row, m_choice, m_window));
}

void PairingActions::unpairCertificate(const CertificateInfo& certificate)
{
    start(new UnpairCommand(certificate, m_choice, m_window));
}

void PairingActions::checkCard(const TokenContents& token)
{
    start(new CheckCardCommand(token, m_choice));
}

std::optional<PairingRow> PairingActions::selectedPairing() const
{
    const QTreeView* view = m_window->navigation();
    const QModelIndex source = m_window->sourceIndex(view ? view->currentIndex() : QModelIndex());
    if (!source.isValid() || source.model() != m_model) {
        return std::nullopt;
    }
    return source.data(PairingModel::RowRole).value<PairingRow>();
}

std::optional<TokenContents> PairingActions::selectedToken() const
{
    const QTreeView* view = m_window->navigation();
    const QModelIndex source = m_window->sourceIndex(view ? view->currentIndex() : QModelIndex());
    if (!source.isValid() || source.model() == m_model) {
        return std::nullopt;
    }
    const TokenContentsList tokens = m_window->tokenTree()->tokens();
    if (source.data(ReaderModel::IsCardRole).toBool()) {
        // A card row of a reader: the token in that reader's slot (smart-card modules name slots after readers).
        const QString reader = source.data(ReaderModel::ReaderNameRole).toString();
        for (const TokenContents& token : tokens) {
            if (!reader.isEmpty() && token.token.slot.description.trimmed() == reader.trimmed()) {
                return token;
            }
        }
        return std::nullopt;
    }
    const QString key = source.data(TokenTreeModel::TokenKeyRole).toString();
    for (const TokenContents& token : tokens) {
        if (!key.isEmpty() && token.key() == key) {
            return token;
        }
    }
    return std::nullopt;
}

void PairingActions::updateActions()
{
    const bool free = !m_running;
    const auto entry = m_window->navigation() ? m_window->selectedCertificate() : std::nullopt;
    const bool identity = entry && entry->info && entry->keyState != CertificateEntry::KeyState::None;
    const bool pairing = m_window->navigation() && selectedPairing().has_value();
    m_pair->setEnabled(free && identity);
    m_unpair->setEnabled(free && (pairing || identity));
    m_checkCard->setEnabled(free && m_window->navigation() && selectedToken().has_value());
}

} // namespace tokendesk
