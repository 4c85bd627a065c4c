#pragma once

#include "CallWatchdog.h"
#include "ModuleHost.h"
#include "ModuleInfo.h"
#include "ModuleLocks.h"
#include "Pkcs11Error.h"
#include "TokenInfo.h"
#include "backend/common/Result.h"
#include "backend/common/SigpipeGuard.h"

#include <QList>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>

// CK_FUNCTION_LIST of <p11-kit/pkcs11.h> (whose compatibility names make the tag _CK_FUNCTION_LIST).
struct _CK_FUNCTION_LIST;

namespace tokendesk {

/// What one module has now: its tokens, and its slots without a token.
struct SlotScan
{
    TokenList tokens;
    /// Slots without a token (readers without a card), and slots whose token
    /// the module cannot read (tokenPresent with tokenError, e.g. an unknown card).
    QList<SlotInfo> emptySlots;
};

/// What C_WaitForSlotEvent(CKF_DONT_BLOCK) had queued: the slots that changed
/// since the last call (insertions, removals), in the order the module gave them.
struct SlotEvents
{
    /// false: the module has no slot events (SoftHSM, NSS softokn,
    /// CKR_FUNCTION_NOT_SUPPORTED): rescan the whole module to learn what changed.
    bool supported = true;
    QList<quint64> slots;
};

/// One initialized PKCS#11 module (RAII): C_Initialize with
/// CKF_OS_LOCKING_OK and our own mutex functions (ModuleLocks) when made, C_Finalize and p11-kit's release when the
/// last shared_ptr goes. Modules are loaded through p11-kit in its managed
/// mode, so another user of the same module in this process (another
/// p11-kit consumer) keeps it initialized after we finalize.
///
/// Threads: every call here may come from any thread at any time; with OS
/// locking the module serializes what it must. Work on one token is
/// serialized by slotMutex() (see Pkcs11Token), work on two tokens runs in
/// parallel.
class Pkcs11Module final : private CallWatchdog::Target
{
public:
    /// How to initialize a module beyond the standard.
    struct InitOptions
    {
        /// CK_C_INITIALIZE_ARGS.pReserved as a C string (NSS softokn's
        /// LibraryParameters: "configdir='sql:DIR' ... flags='readOnly'"); empty: NULL.
        QByteArray libraryParameters;
        /// Slots that C_GetSlotList results leave out (NSS's "Generic Crypto
        /// Services" slot, which holds no user object).
        QList<quint64> hiddenSlots;
        /// Not empty: `functions` are p11-kit-client's for this module file (ModuleHost::load),
        /// whose child process starts at C_Initialize.
        QString isolatedFile;
        /// The isolated module's status file (ModuleHost::newStatusFile).
        QString statusFile;
    };

    /// How long a call into an isolated module may take before its child is stopped.
    enum class Wait
    {
        Module, ///< TOKENDESK_CALL_TIMEOUT_MS, else 10 s
        Person, ///< a PIN typed on the reader's PIN pad: six times that, at least 90 s
    };
    static std::chrono::milliseconds timeout(Wait wait);

    /// Takes one p11-kit reference to `functions` (released on failure too),
    /// initializes the module and completes `info` from C_GetInfo.
    /// CKR_CRYPTOKI_ALREADY_INITIALIZED is success (then we never finalize it).
    /// An isolated module whose child crashes or hangs in C_Initialize is made all the same, with
    /// that failure (hostFailure()); restart() tries again.
    [[nodiscard]] static Result<std::shared_ptr<Pkcs11Module>, Pkcs11Error>
    initialize(_CK_FUNCTION_LIST* functions, ModuleInfo info, const InitOptions& options = {});
    ~Pkcs11Module();
    Pkcs11Module(const Pkcs11Module&) = delete;
    Pkcs11Module& operator=(const Pkcs11Module&) = delete;

    /// One PKCS#11 call: `module.functions()->C_Xxx(...)`. The object lives
    /// until the end of the full expression, so the call runs inside a
    /// ModuleLocks::CallScope; it cannot be kept for a second call (operator->
    /// takes only a temporary), because a lock the module leaks in one call
    /// must be released before the next.
    ///
    /// A call into an isolated module is also watched (CallWatchdog): past its time-out the
    /// module's child is killed and the call returns CKR_DEVICE_ERROR. It waits while restart()
    /// replaces the child.
    class Call
    {
    public:
        Call(const Pkcs11Module& module, Wait wait);
        ~Call();
        Call(const Call&) = delete;
        Call& operator=(const Call&) = delete;
        _CK_FUNCTION_LIST* operator->() && { return m_functions; }

    private:
        _CK_FUNCTION_LIST* m_functions;
        std::shared_lock<std::shared_mutex> m_restart;
        CallWatchdog::Ticket m_ticket = 0;
        std::optional<SigpipeGuard> m_pipe; ///< isolated: a dead child's socket must not raise SIGPIPE
        ModuleLocks::CallScope m_scope;
    };

    const ModuleInfo& info() const { return m_info; }
    /// The function list, for the backend's PKCS#11 calls (Pkcs11Session), one call at a time.
    Call functions(Wait wait = Wait::Module) const { return Call(*this, wait); }

    /// The error of a call that returned `rv`: Pkcs11Error::fromCode, or, when an isolated
    /// module's child crashed or was stopped, hostFailure() (the kind that says so).
    [[nodiscard]] Pkcs11Error error(quint64 rv, const QString& function) const;
    /// An isolated module whose child crashed, was stopped after a time-out or could not start:
    /// why (ModuleCrashed, ModuleHung), with the function it failed in. Empty while it works,
    /// and for a module in process.
    [[nodiscard]] std::optional<Pkcs11Error> hostFailure() const;
    /// An isolated module with a hostFailure(): a new child (kill, C_Finalize, C_Initialize).
    /// Its sessions and logins are gone. Unless `now`, not before the back-off after a failed
    /// start has passed (1 s, doubling to 60 s). Done when nothing needed a restart.
    Status<Pkcs11Error> restart(bool now = false) const;
    /// The isolated module's child process now; 0 for a module in process.
    qint64 hostPid() const { return m_hostPid.load(); }

    /// C_GetSlotList: the slots with a token (tokenPresent) or all of them.
    [[nodiscard]] Result<QList<quint64>, Pkcs11Error> slotIds(bool tokenPresent) const;
    [[nodiscard]] Result<SlotInfo, Pkcs11Error> slotInfo(quint64 slotId) const;
    /// C_GetTokenInfo, with the slot's info and the token's URI.
    [[nodiscard]] Result<TokenInfo, Pkcs11Error> tokenInfo(quint64 slotId) const;
    /// Every slot and token now. Fails only when the slot list itself fails.
    [[nodiscard]] Result<SlotScan, Pkcs11Error> scan() const;
    /// Drains C_WaitForSlotEvent(CKF_DONT_BLOCK) until CKR_NO_EVENT: the slots
    /// that changed since the last call, without talking to any card beyond
    /// what the module does to notice them (OpenSC asks pcscd). Each slot once.
    [[nodiscard]] Result<SlotEvents, Pkcs11Error> pendingSlotEvents() const;

    /// C_InitToken: initializes the token in `slotId` with this SO PIN and label (UTF-8, at most 32
    /// bytes; padded with blanks here). The SO PIN is copied into a buffer that is wiped after the call.
    [[nodiscard]] Status<Pkcs11Error> initToken(quint64 slotId, const QByteArray& soPin, const QByteArray& label) const;

    /// The lock that serializes the work on the token in one slot.
    std::mutex& slotMutex(quint64 slotId) const;

private:
    Pkcs11Module(_CK_FUNCTION_LIST* functions, ModuleInfo info) : m_functions(functions), m_info(std::move(info)) {}

    void callTimedOut() override;
    /// C_Initialize, watched; an isolated module's child and its failure, if any, recorded.
    quint64 initializeModule() const;
    /// Kills the isolated module's child (SIGKILL unless `gently`: SIGTERM, so that the host
    /// finalizes its module) and waits for it to end, bounded; it is not reaped.
    void stopChild(bool gently) const;
    Pkcs11Error failure(Pkcs11Error::Kind kind, const QString& function) const;

    _CK_FUNCTION_LIST* m_functions = nullptr;
    ModuleInfo m_info;
    mutable bool m_finalize = false;                 ///< our C_Initialize did initialize it (restart() may)
    QString m_statusFile;                            ///< an isolated module's (ModuleHost), else empty
    mutable std::atomic<qint64> m_hostPid{0};        ///< the child process of an isolated module, else 0
    mutable std::shared_mutex m_restartLock;         ///< calls share it; restart() takes it alone
    mutable std::mutex m_hostLock;                   ///< guards the fields below
    mutable bool m_hung = false;                     ///< the watchdog stopped the child
    mutable std::optional<Pkcs11Error> m_startError; ///< the child failed in C_Initialize
    mutable QString m_failedIn;                      ///< the first call that saw the child gone
    mutable int m_restartDelay = 0;                  ///< seconds of back-off after a failed start
    mutable std::chrono::steady_clock::time_point m_nextRestart;
    QByteArray m_libraryParameters; ///< pReserved of C_Initialize: must outlive the call
    QList<quint64> m_hiddenSlots;
    mutable std::mutex m_slotMutexesLock;
    mutable std::map<quint64, std::unique_ptr<std::mutex>> m_slotMutexes;
};

} // namespace tokendesk
