#pragma once

#include "Identity.h"
#include "ModuleInfo.h"
#include "ModuleRegistry.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace tokendesk {

/// TokenWatcher's worker, on the watcher's thread: owns the ModuleRegistry
/// (made here, since a module's C_Initialize may talk to pcscd) and the
/// tokens as last read, and tells every difference as a value snapshot.
///
/// A scan asks each module with slot events which slots changed
/// (C_WaitForSlotEvent with CKF_DONT_BLOCK) and calls C_GetTokenInfo only
/// for those, once each; a module without slot events that has readers
/// (removable slots) is scanned whole; one without (SoftHSM, the NSS
/// database) only on start() and reloadToken(). Nothing runs by itself.
class TokenWatcherWorker : public QObject
{
    Q_OBJECT

public:
    explicit TokenWatcherWorker(ModuleRegistry::Options options);
    ~TokenWatcherWorker() override;

    /// Thread-safe. Queues one scan, unless one is queued and not yet begun:
    /// any number of calls during a scan give exactly one more scan.
    void requestRescan();
    /// Thread-safe. The scan in progress ends at the next token; nothing more is read.
    void requestStop() { m_stopping = true; }
    /// Thread-safe. Scans begun since start (start, rescans, reloads): a test hook.
    quint64 scanCount() const { return m_scans; }

public Q_SLOTS:
    /// Loads the modules and reads every token.
    void start();
    void reloadToken(const QString& key);
    /// Every module whole, every token read again (TokenWatcher::refresh).
    void refreshAll();
    /// Restarts an isolated module whose process crashed or stopped answering (the user's
    /// Retry), then reads it whole; moduleChanged tells how that went.
    void retryModule(const QString& path);
    void updateToken(const tokendesk::TokenContents& contents);
    /// Drops the tokens and the registry here (C_Finalize on this thread when
    /// ours is the last reference), then ends the thread's event loop.
    void shutdown();

Q_SIGNALS:
    void modulesLoaded(const tokendesk::ModuleList& modules,
                       const std::shared_ptr<const tokendesk::ModuleRegistry>& registry);
    void tokenAdded(const tokendesk::TokenContents& token);
    void tokenChanged(const tokendesk::TokenContents& token);
    void tokenRemoved(const QString& key);
    void busyChanged(bool busy);
    /// An isolated module's process crashed or stopped answering (`module.error` says which;
    /// its tokens were removed), or runs again after a restart (no error).
    void moduleChanged(const tokendesk::ModuleInfo& module);

private:
    struct ModuleState
    {
        std::shared_ptr<const Pkcs11Module> module;
        bool slotEvents = true;             ///< C_WaitForSlotEvent works
        bool readers = false;               ///< has removable slots: tokens come and go with cards
        QSet<quint64> slots;                ///< every slot id seen at the last look
        QSet<quint64> present;              ///< the slots that had a token (C_GetSlotInfo) at the last look
        std::optional<Pkcs11Error> failure; ///< its process crashed or stopped answering
    };

    /// Whether the module's process has failed (Pkcs11Module::hostFailure); the first time a
    /// failure is seen its tokens go and moduleChanged tells it.
    bool noteFailure(ModuleState& state);
    /// A failed module restarted (`now`: without the back-off) and read whole.
    void recover(ModuleState& state, bool now);

    void runRescan();
    /// Every slot of the module, C_GetTokenInfo for each present token.
    /// `forceAll`: every token's objects too, even where its token info did not change.
    void scanWholeModule(ModuleState& state, const QString& forceKey = {}, bool forceAll = false);
    /// Only the slots the module reports as changed, plus new and vanished slots.
    void scanChangedSlots(ModuleState& state, const QList<quint64>& changed);
    /// The token found in a slot: read it when new, changed or `force`, and tell.
    void found(ModuleState& state, const TokenInfo& info, bool force);
    /// The known tokens of this module in `slotId` whose key is not `keep`: removed.
    void removeInSlot(const QString& modulePath, quint64 slotId, const QString& keep = {});
    void remove(const QString& key);
    ModuleState* stateFor(const QString& modulePath);
    void setBusy(bool busy);
    bool stopping() const { return m_stopping; }

    ModuleRegistry::Options m_options;
    std::shared_ptr<const ModuleRegistry> m_registry;
    std::vector<ModuleState> m_modules;
    QHash<QString, TokenContents> m_tokens;
    std::atomic<bool> m_rescanQueued{false};
    std::atomic<bool> m_stopping{false};
    std::atomic<quint64> m_scans{0};
    bool m_busy = false;
};

} // namespace tokendesk

Q_DECLARE_METATYPE(std::shared_ptr<const tokendesk::ModuleRegistry>)
