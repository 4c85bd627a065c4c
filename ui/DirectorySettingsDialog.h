#pragma once

#include "backend/ldap/DirectoryOptions.h"

#include <QDialog>
#include <atomic>
#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tokendesk {

/// Settings ▸ Directory…: the directory that pairing writes to (an ldap:// or ldaps:// URL with its
/// search base), how TokenDesk binds (a bind DN and its password, or anonymously), how TLS is
/// checked (a CA file, StartTLS), where accounts and certificates are (user filter, certificate
/// attribute), the time-out and SSSD's configuration. "Test connection" binds and reads the base off
/// the GUI thread (with Stop) and says the outcome in a sentence. The dialog is a form only: what
/// OK means (settings, the store list, the keyring) is DirectoryActions::apply().
///
/// The password field is a SecretField; a password already known (in memory, or read from the
/// keyring) is not shown: the field stays empty and keeps it unless something is typed, or the
/// bind DN or the URL changes.
class DirectorySettingsDialog : public QDialog
{
    Q_OBJECT
public:
    /// `url`: the directory store now (empty: none); `current`: the way to it now (options and
    /// the password known, may be null); `remember`: the password is kept in the keyring.
    DirectorySettingsDialog(const QString& url, const DirectoryOptions& options, DirectoryAccessPtr current,
                            bool remember, QWidget* parent = nullptr);
    ~DirectorySettingsDialog() override;

    /// As typed, trimmed; empty: no directory.
    QString url() const;
    DirectoryOptions options() const;
    bool remember() const;
    /// The password typed, else the one known when the bind DN and URL are unchanged; empty with
    /// no bind DN. Leaves the field as it is (the dialog wipes it when it closes).
    [[nodiscard]] SecureBytes password() const;
    /// Why OK is disabled; empty when it is enabled.
    QString problem() const { return m_problem; }
    /// A line above the form, e.g. why the dialog opened ("the directory needs the password").
    void setNote(const QString& note);

    QLineEdit* urlField() const { return m_url; }
    QLineEdit* bindDnField() const { return m_bindDn; }
    QLineEdit* passwordField() const { return m_password; }
    QCheckBox* rememberBox() const { return m_remember; }
    QLineEdit* caFileField() const { return m_caFile; }
    QPushButton* browseButton() const { return m_browse; }
    QCheckBox* startTlsBox() const { return m_startTls; }
    QPushButton* testButton() const { return m_test; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    /// The outcome of the last test, in a sentence; empty before.
    QString testResult() const;
    bool isTesting() const { return static_cast<bool>(m_testCancel); }

public Q_SLOTS:
    /// Starts the test, or stops the one running (the button's two faces).
    void testConnection();
    void done(int result) override;

Q_SIGNALS:
    /// OK with a valid form, just before the dialog closes (and wipes the password field): the
    /// moment to take what it holds.
    void submitted();
    /// A test ended (not when stopped): its sentence, and whether it connected.
    void tested(bool connected, const QString& sentence);

private:
    void update();
    void stopTest();
    void showTestResult(bool connected, const QString& sentence);
    void browseCaFile();

    DirectoryAccessPtr m_current;
    QString m_currentUrl;
    QString m_problem;
    /// The running test's stop flag (null: none runs); its answer is dropped once stopped.
    std::shared_ptr<std::atomic_bool> m_testCancel;
    quint64 m_testRun = 0;
    QLabel* m_note = nullptr;
    QLineEdit* m_url = nullptr;
    QLabel* m_urlError = nullptr;
    QLineEdit* m_bindDn = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_remember = nullptr;
    QLineEdit* m_caFile = nullptr;
    QPushButton* m_browse = nullptr;
    QCheckBox* m_startTls = nullptr;
    QLineEdit* m_userFilter = nullptr;
    QLineEdit* m_certificateAttribute = nullptr;
    QSpinBox* m_timeout = nullptr;
    QLineEdit* m_sssdConf = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_testResult = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace tokendesk
