#pragma once

#include "Command.h"
#include "backend/pairing/PairingSources.h"
#include "models/PairingModel.h"

#include <QDialog>
#include <QPointer>
#include <functional>
#include <optional>

class QWidget;

namespace tokendesk {

/// "Unpair" with a confirmation: a pairing row (that entry of its store), or an identity's
/// certificate (from the login chosen among those it is paired with, in every store, as
/// `tokendesk unpair --user --cert` does). The files are changed off the GUI thread and audited.
class UnpairCommand : public Command
{
    Q_OBJECT
public:
    using ChoiceGetter = std::function<PairingSources::Choice()>;

    UnpairCommand(PairingRow row, ChoiceGetter choice, QWidget* window);
    UnpairCommand(CertificateInfo certificate, ChoiceGetter choice, QWidget* window);

    QString title() const override;
    bool canCancel() const override { return !m_dialog.isNull(); }
    QDialog* dialog() const { return m_dialog; }

Q_SIGNALS:
    /// The confirmation (a QMessageBox "unpairConfirm") or the login question (a QInputDialog
    /// "unpairLogin") is open.
    void dialogShown(QDialog* dialog);

protected:
    void run() override;
    void abort() override;

private:
    void confirm(const QString& login);
    void askLogin(const QStringList& logins);
    void unpair(const QString& login);
    void show(QDialog* dialog);

    std::optional<PairingRow> m_row;
    std::optional<CertificateInfo> m_certificate;
    ChoiceGetter m_choice;
    QPointer<QWidget> m_window;
    QPointer<QDialog> m_dialog;
};

} // namespace tokendesk
