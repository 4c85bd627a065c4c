#pragma once

#include "Identity.h"
#include "ModuleInfo.h"
#include "ModuleRegistry.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <memory>

class QThread;

namespace tokendesk {

class TokenWatcherWorker;

/// Every PKCS#11 token of the system, kept current: the snapshots the token
/// tree shows. Lives on the GUI thread; all PKCS#11 work runs on its own
/// worker thread (module loading, C_GetTokenInfo, object reading), one token
/// after another, so a slow card never blocks the window.
///
/// Tokens change when cards come and go: connect the reader monitor's
/// readersChanged to rescan(). A rescan asks each module which slots changed
/// (C_WaitForSlotEvent with CKF_DONT_BLOCK, where the module supports it) and
/// reads only those; modules without slot events are rescanned whole. There
/// is no timer: without reader events nothing is read.
///
/// Signals carry value snapshots keyed by TokenInfo::key() (module path + serial).
class TokenWatcher : public QObject
{
    Q_OBJECT

public:
    explicit TokenWatcher(const ModuleRegistry::Options& options, QObject* parent = nullptr);
    ~TokenWatcher() override;

    /// Loads the modules on the worker and reads every token; modulesLoaded and
    /// tokenAdded follow.
    void start();
    /// Ends the worker (waits for the call in progress); no signal after it returns.
    void stop();

    /// The snapshots as the last signals told them (GUI thread).
    const ModuleList& modules() const { return m_modules; }
    TokenContentsList tokens() const;
    /// The registry once modules are loaded (null before): for one-shot jobs
    /// (signing, PIN operations) on other threads.
    std::shared_ptr<const ModuleRegistry> registry() const;
    bool busy() const { return m_busy; }
    /// Scans begun on the worker since start() (start, rescans, reloads): for
    /// tests that prove an idle watcher reads nothing.
    quint64 scanCount() const;

public Q_SLOTS:
    /// Reads what changed since the last scan (queued to the worker; calls made
    /// while a scan runs are merged into one more scan).
    void rescan();
    /// Reads every module whole and every token's objects again (queued to the worker): what
    /// the user asks with Refresh, for what no slot event tells (a token or objects another
    /// program made in SoftHSM2).
    void refresh();
    /// Starts an isolated module whose process crashed or stopped answering again, now (the
    /// user's Retry; a reader event also does, with a back-off); moduleChanged follows.
    void retryModule(const QString& path);
    /// Reads one token again (queued to the worker), e.g. after a PIN operation.
    void reloadToken(const QString& key);
    /// A snapshot read elsewhere, e.g. logged in by TokenReader after "Test this
    /// identity", so that private objects show and "key expected" is confirmed:
    /// replaces the token's snapshot until the token changes (tokenChanged follows).
    void updateToken(const tokendesk::TokenContents& contents);

Q_SIGNALS:
    void modulesLoaded(const tokendesk::ModuleList& modules);
    void tokenAdded(const tokendesk::TokenContents& token);
    void tokenChanged(const tokendesk::TokenContents& token);
    void tokenRemoved(const QString& key);
    /// A scan is running (status bar: "Reading tokens…").
    void busyChanged(bool busy);
    /// An isolated module's process crashed or stopped answering (`module.error` says which; its
    /// tokens were removed before), or runs again (no error). modules() has it already.
    void moduleChanged(const tokendesk::ModuleInfo& module);

private:
    void onModulesLoaded(const tokendesk::ModuleList& modules,
                         const std::shared_ptr<const tokendesk::ModuleRegistry>& registry);
    void onBusyChanged(bool busy);
    void onModuleChanged(const tokendesk::ModuleInfo& module);
    void onTokenAdded(const tokendesk::TokenContents& token);
    void onTokenChanged(const tokendesk::TokenContents& token);
    void onTokenRemoved(const QString& key);

    ModuleRegistry::Options m_options;
    QThread* m_thread = nullptr;
    TokenWatcherWorker* m_worker = nullptr;
    ModuleList m_modules;
    QHash<QString, TokenContents> m_tokens;
    std::shared_ptr<const ModuleRegistry> m_registry;
    bool m_busy = false;
    bool m_stopped = false;  ///< after stop(): signals still queued from the worker are dropped
    quint64 m_scanCount = 0; ///< the worker's count when it ended
};

} // namespace tokendesk
