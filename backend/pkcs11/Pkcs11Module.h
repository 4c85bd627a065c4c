#pragma once

#include "ModuleHost.h"
#include "ModuleInfo.h"
#include "ModuleLocks.h"
#include "Pkcs11Error.h"
#include "TokenInfo.h"
#include "backend/common/Result.h"

#include <QList>
#include <map>
#include <memory>
#include <mutex>

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
class Pkcs11Module
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
    };

    /// Takes one p11-kit reference to `functions` (released on failure too),
    /// initializes the module and completes `info` from C_GetInfo.
    /// CKR_CRYPTOKI_ALREADY_INITIALIZED is success (then we never finalize it).
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
    class Call
    {
    public:
        explicit Call(_CK_FUNCTION_LIST* functions) : m_functions(functions) {}
        Call(const Call&) = delete;
        Call& operator=(const Call&) = delete;
        _CK_FUNCTION_LIST* operator->() && { return m_functions; }

    private:
        _CK_FUNCTION_LIST* m_functions;
        ModuleLocks::CallScope m_scope;
    };

    const ModuleInfo& info() const { return m_info; }
    /// The function list, for the backend's PKCS#11 calls (Pkcs11Session), one call at a time.
    Call functions() const { return Call(m_functions); }

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

    /// An isolated module's child process: how it ended, read without reaping it.
    /// Empty while it runs, and for a module in process.
    std::optional<ModuleHost::Exit> hostExit() const { return ModuleHost::peekExit(m_hostPid); }

    /// The lock that serializes the work on the token in one slot.
    std::mutex& slotMutex(quint64 slotId) const;

private:
    Pkcs11Module(_CK_FUNCTION_LIST* functions, ModuleInfo info) : m_functions(functions), m_info(std::move(info)) {}

    _CK_FUNCTION_LIST* m_functions = nullptr;
    ModuleInfo m_info;
    bool m_finalize = false;        ///< our C_Initialize did initialize it
    qint64 m_hostPid = 0;           ///< the child process of an isolated module (ModuleHost), else 0
    QByteArray m_libraryParameters; ///< pReserved of C_Initialize: must outlive the call
    QList<quint64> m_hiddenSlots;
    mutable std::mutex m_slotMutexesLock;
    mutable std::map<quint64, std::unique_ptr<std::mutex>> m_slotMutexes;
};

} // namespace tokendesk
