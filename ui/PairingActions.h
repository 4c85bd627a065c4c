#pragma once

#include "backend/pairing/PairingSources.h"
#include "backend/pkcs11/Identity.h"
#include "commands/Command.h"
#include "models/PairingModel.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QAction;

namespace tokendesk {

class MainWindow;
class PairingPrompt;

/// The window's pairing actions: Pair (an identity), Unpair (a pairing, or an identity's
/// certificate), Check this card (a card or token), and the pairing prompt with its setting.
/// Each runs as a command object (ui/commands/), one at a time; outcomes go to result() (the
/// window's CommandFeedback) and the Pairings root is read again after each change.
class PairingActions : public QObject
{
    Q_OBJECT
public:
    using ChoiceGetter = std::function<PairingSources::Choice()>;

    PairingActions(MainWindow* window, PairingModel* model, ChoiceGetter choice);

    QAction* pairAction() const { return m_pair; }
    QAction* unpairAction() const { return m_unpair; }
    QAction* checkCardAction() const { return m_checkCard; }
    /// Settings: offer to pair an inserted card nobody is paired with (Settings::PairingPrompts).
    QAction* promptsAction() const { return m_prompts; }
    /// The actions on the selection, for the toolbar and the context menu.
    QList<QAction*> selectionActions() const { return {m_pair, m_unpair, m_checkCard}; }
    PairingPrompt* prompt() const { return m_prompt; }
    /// The command running, if any.
    Command* running() const { return m_running; }

    void pair(const CertificateInfo& certificate, const QList<CertificateInfo>& intermediates);
    void unpair(const tokendesk::PairingRow& row);
    void unpairCertificate(const CertificateInfo& certificate);
    void checkCard(const TokenContents& token);

public Q_SLOTS:
    /// The selection changed: enable what applies to it.
    void updateActions();

Q_SIGNALS:
    /// A command ended with something to tell.
    void result(bool succeeded, const QString& message);
    /// A command started (tests connect to its dialogShown).
    void started(tokendesk::Command* command);
    /// A start was refused because another pairing command runs.
    void refused(const QString& message);

private:
    bool start(Command* command);
    std::optional<PairingRow> selectedPairing() const;
    /// The token of the selected row: a token or anything under it, an identity, or a card in a reader.
    std::optional<TokenContents> selectedToken() const;

    MainWindow* m_window;
    PairingModel* m_model;
    ChoiceGetter m_choice;
    PairingPrompt* m_prompt = nullptr;
    QPointer<Command> m_running;
    QAction* m_pair = nullptr;
    QAction* m_unpair = nullptr;
    QAction* m_checkCard = nullptr;
    QAction* m_prompts = nullptr;
};

} // namespace tokendesk
