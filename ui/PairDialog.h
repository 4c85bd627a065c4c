#pragma once

#include "commands/PairingJobs.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace tokendesk {

/// Asks with whom to pair a certificate: the login (local accounts offered, any text taken: a
/// directory account has no local entry, which is a warning), the store to write, and, when
/// the certificate may not work for logging in, a "Pair anyway" box that must be ticked.
class PairDialog : public QDialog
{
    Q_OBJECT
public:
    PairDialog(const CertificateInfo& certificate, const PairingJobs::PairContext& context,
               const QStringList& localLogins, QWidget* parent = nullptr);

    QString login() const;
    void setLogin(const QString& login);
    QString storeSpec() const;
    /// Why Pair is disabled; empty when it is enabled.
    QString problem() const { return m_problem; }
    QComboBox* loginField() const { return m_login; }
    QCheckBox* pairAnyway() const { return m_pairAnyway; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void update();

    QStringList m_localLogins;
    bool m_blocking = false;
    QString m_problem;
    QComboBox* m_login = nullptr;
    QLabel* m_loginWarning = nullptr;
    QComboBox* m_store = nullptr;
    QCheckBox* m_pairAnyway = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace tokendesk
