#pragma once

#include "PairingPromptDialog.h"
#include "backend/pairing/PairingSources.h"
#include "backend/pkcs11/Identity.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>

class QWidget;

namespace tokendesk {

/// The pairing prompt: when a card comes whose login certificate (its first identity) nobody is
/// paired with in any store, and the current user can write the store pairing writes to, offer
/// to pair it with the current user (PairingPromptDialog, not modal). Once per card and session;
/// never for a certificate in Settings::PairingDeclined ("don't ask again"); never with
/// Settings::PairingPrompts off. The stores are read off the GUI thread.
class PairingPrompt : public QObject
{
    Q_OBJECT
public:
    using ChoiceGetter = std::function<PairingSources::Choice()>;

    PairingPrompt(ChoiceGetter choice, QWidget* window);

    PairingPromptDialog* dialog() const { return m_dialog; }
    /// The login prompts offer (default: the user running TokenDesk); tests may set another.
    void setLogin(const QString& login) { m_login = login; }

public Q_SLOTS:
    /// A token appeared (TokenWatcher::tokenAdded).
    void tokenAppeared(const tokendesk::TokenContents& token);

Q_SIGNALS:
    /// The prompt for this card is open.
    void promptShown(tokendesk::PairingPromptDialog* dialog);
    /// What was decided for an appeared token (the SHA-256 of its login certificate, hex; empty
    /// when it has none): prompted, or not (off, declined, asked already, paired, not writable).
    void decided(const QString& sha256, bool prompted);
    /// "Pair" ended: one sentence for the status bar and a message box.
    void result(bool succeeded, const QString& message);

private:
    struct Check
    {
        bool offer = false;
        QString storeSpec;
    };
    static Check check(const PairingSources::Choice& choice, const CertificateInfo& certificate, const QString& login);
    void show(const TokenContents& token, const CertificateInfo& certificate, const QString& storeSpec);
    void pair(const CertificateInfo& certificate, const QString& storeSpec);

    ChoiceGetter m_choice;
    QPointer<QWidget> m_window;
    QPointer<PairingPromptDialog> m_dialog;
    QString m_login;
    QSet<QString> m_asked;    ///< certificates prompted for in this session
    QSet<QString> m_checking; ///< certificates whose stores are being read
};

} // namespace tokendesk
