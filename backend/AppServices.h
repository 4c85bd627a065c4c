#pragma once

#include "backend/pairing/PairingSources.h"
#include "backend/pkcs11/ModuleRegistry.h"

#include <QObject>
#include <optional>

namespace tokendesk {

class ReaderMonitor;
class TokenWatcher;

/// The backend services the application runs once, built in app/main.cpp and handed to the
/// window: the reader monitor (its own thread and PC/SC context) and the token watcher (its
/// worker thread), wired so that a reader or card change makes the watcher rescan. Pairing
/// stores and virtual tokens join here. Nothing here is a widget.
class AppServices : public QObject
{
    Q_OBJECT

public:
    explicit AppServices(QObject* parent = nullptr);
    /// Stops the reader monitor and the token watcher (each waits for its thread).
    ~AppServices() override;

    ReaderMonitor* readerMonitor() const { return m_readerMonitor; }
    /// Null until startTokens().
    TokenWatcher* tokenWatcher() const { return m_tokenWatcher; }
    /// The module registry once the watcher loaded it (null before): for one-shot jobs.
    std::shared_ptr<const ModuleRegistry> registry() const;

    /// The pairing stores the window reads and writes: the settings' (asked each time, so a
    /// change of settings takes effect at the next read), unless setPairingChoice() fixed them;
    /// with directoryAccess() as the way to a directory store.
    PairingSources::Choice pairingChoice() const;
    /// Fixes the pairing stores (the command line's --store / --pam-config); nullopt: the settings'.
    void setPairingChoice(std::optional<PairingSources::Choice> choice) { m_pairingChoice = std::move(choice); }

    /// The directory's options and bind password, for as long as the application runs (the
    /// password only ever in memory, unless the user had it remembered in the Secret Service).
    /// Null: none set, a directory store uses the settings' options without a password.
    DirectoryAccessPtr directoryAccess() const { return m_directory; }
    /// A new way to the directory (the settings dialog, the password read from the keyring or
    /// asked): pairingChoice() gives it from now on; directoryAccessChanged() follows.
    void setDirectoryAccess(DirectoryAccessPtr access);

    /// Starts watching every PKCS#11 token (modules as `options` says); a second call does nothing.
    void startTokens(const ModuleRegistry::Options& options);
    /// Starts the reader monitor; its reader changes make the token watcher rescan.
    void startReaders();
    void stop();

Q_SIGNALS:
    /// The token watcher was made (startTokens): the window connects to it.
    void tokenWatcherCreated(tokendesk::TokenWatcher* watcher);
    /// setDirectoryAccess(): the pairings are worth reading again.
    void directoryAccessChanged();

private:
    ReaderMonitor* m_readerMonitor = nullptr;
    TokenWatcher* m_tokenWatcher = nullptr;
    std::optional<PairingSources::Choice> m_pairingChoice;
    DirectoryAccessPtr m_directory;
};

} // namespace tokendesk
