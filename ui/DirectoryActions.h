#pragma once

#include "backend/ldap/DirectoryOptions.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QAction;
class QLabel;

namespace tokendesk {

class AppServices;
class DirectorySettingsDialog;
class MainWindow;
class PairingModel;

/// The window's directory pairing: Settings ▸ Directory… (DirectorySettingsDialog, and what OK
/// means: the settings, the directory as the pairing store, the password in memory and, only
/// when asked, in the keyring), Pairing ▸ Stop loading pairings (Esc) while a directory is being
/// read, and a status-bar note of how far the read got or why it failed.
///
/// The bind password lives in AppServices (a DirectoryAccess) for the session. Remembered, it is
/// read from the Secret Service at start, on the keyring thread (VirtualTokenJobs::pool()), and
/// the pairings are read again; not remembered, the settings dialog asks for it the first time a
/// load needs it. It never goes to the settings file, a log or any other file.
class DirectoryActions : public QObject
{
    Q_OBJECT
public:
    DirectoryActions(MainWindow* window, PairingModel* model, AppServices* services);

    /// Settings ▸ Directory…
    QAction* settingsAction() const { return m_settings; }
    /// Pairing ▸ Stop loading pairings (Esc): enabled while a directory is being read.
    QAction* stopAction() const { return m_stop; }
    /// The status bar's "Reading the directory… N pairings so far".
    QLabel* stateLabel() const { return m_state; }
    /// The open settings dialog, if any.
    DirectorySettingsDialog* dialog() const;
    /// Opens the settings dialog (raises the open one), with `note` above its form.
    DirectorySettingsDialog* openSettings(const QString& note = QString());
    /// The remembered password is being read from the keyring.
    bool isReadingKeyring() const { return m_readingKeyring; }

    /// The directory among the settings' pairing stores (the first ldap:// or ldaps:// URL).
    static QString configuredUrl();
    /// `stores` with `url` as its directory, first (where Pair writes by default): any other
    /// directory's URL taken out, the file stores kept in their order. An empty `url`: none.
    static QStringList withDirectory(const QStringList& stores, const QString& url);

Q_SIGNALS:
    /// OK was applied: settings saved, the pairings being read again; the keyring's part may
    /// still run (keyringDone).
    void applied();
    /// A keyring call ended (the password read at start, stored or forgotten at OK): `ok` false
    /// with QtKeychain's reason in a sentence.
    void keyringDone(bool ok, const QString& message);

private:
    void apply(DirectorySettingsDialog* dialog);
    /// At start: the remembered password, from the keyring, for the directory configured.
    void readRememberedPassword();
    /// The last load could not bind for want of a password: ask for it, once per session.
    void askPasswordIfNeeded();
    void updateState();

    MainWindow* m_window;
    PairingModel* m_model;
    AppServices* m_services;
    QAction* m_settings = nullptr;
    QAction* m_stop = nullptr;
    QLabel* m_state = nullptr;
    QPointer<DirectorySettingsDialog> m_dialog;
    bool m_readingKeyring = false;
    bool m_askedPassword = false;
};

} // namespace tokendesk
