#pragma once

#include <cstdint>

// CK_C_INITIALIZE_ARGS of <p11-kit/pkcs11.h> (whose compatibility names make the tag _CK_C_INITIALIZE_ARGS).
struct _CK_C_INITIALIZE_ARGS;

namespace tokendesk {

/// The mutexes a module makes through C_Initialize's CreateMutex/LockMutex/
/// UnlockMutex/DestroyMutex, given to every module we initialize; and the one
/// repair they allow.
///
/// Why our own: OpenSC 0.23's sc_unlock() takes the card's mutex and returns
/// SC_ERROR_INVALID_ARGUMENTS without releasing it when the card's lock count
/// is already 0, which is what a card pulled in the middle of a call leaves
/// behind (seen in sc_pkcs15_get_pin_info under C_GetTokenInfo). With the
/// module's own pthread mutexes the next sc_lock() of that card, from any
/// thread, and C_Finalize wait for ever. No module holds one of its mutexes
/// from one PKCS#11 call to the next (a lock held across calls is the
/// reader's transaction, not a mutex), so a mutex still held when the call
/// that took it has returned is a leak, never a lock in use:
///  - a relock by the thread that holds it (the leaking call going on into
///    sc_lock, or a module that nests) goes through instead of deadlocking,
///    counted, so the mutex stays held until the last unlock;
///  - when the outermost Call on a thread ends, whatever that thread still
///    holds is released, so other threads get it (counted in repairs(), logged).
class ModuleLocks
{
public:
    /// Sets the four mutex functions of `args` (flags are left to the caller).
    static void fill(_CK_C_INITIALIZE_ARGS& args);

    /// One call into a module on this thread (RAII, nests): see the class.
    class CallScope
    {
    public:
        CallScope();
        ~CallScope();
        CallScope(const CallScope&) = delete;
        CallScope& operator=(const CallScope&) = delete;
    };

    /// Leaked locks released after a call, so far in this process.
    static std::uint64_t repairs();
    /// Told how many locks were released after a call (at most one reporter, set once at start).
    /// No Qt here: the module host (tokendesk-module-host) uses this class without Qt.
    using LeakReporter = void (*)(int leaked);
    static void setLeakReporter(LeakReporter reporter);
    /// Distinct mutexes the calling thread holds now (0 between calls).
    static int heldByThisThread();
};

} // namespace tokendesk
