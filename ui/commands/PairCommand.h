#pragma once

#include "Command.h"
#include "backend/pairing/PairingSources.h"
#include "backend/pkcs11/Identity.h"
#include "ui/PairDialog.h"

#include <QPointer>
#include <functional>

class QWidget;

namespace tokendesk {

/// "Pair with an account" on an identity: reads the stores, the certificate's existing pairings
/// and its fitness for login off the GUI thread, asks the login and the store (PairDialog, not
/// modal to the application), pairs off the GUI thread and audits it. finished() says what
/// happened: paired, already paired, or the store's error in a sentence.
class PairCommand : public Command
{
    Q_OBJECT
public:
    using ChoiceGetter = std::function<PairingSources::Choice()>;

    /// `intermediates`: the token's other certificates, for the chain of the fitness check.
    PairCommand(CertificateInfo certificate, QList<CertificateInfo> intermediates, ChoiceGetter choice,
                QWidget* window);

    QString title() const override;
    bool canCancel() const override { return !m_dialog.isNull(); }
    PairDialog* dialog() const { return m_dialog; }

Q_SIGNALS:
    /// The dialog is open (tests answer it).
    void dialogShown(tokendesk::PairDialog* dialog);

protected:
    void run() override;
    void abort() override;

private:
    void pair(const QString& login, const QString& storeSpec);

    CertificateInfo m_certificate;
    QList<CertificateInfo> m_intermediates;
    ChoiceGetter m_choice;
    QPointer<QWidget> m_window;
    QPointer<PairDialog> m_dialog;
};

} // namespace tokendesk
