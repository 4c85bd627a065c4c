#pragma once

#include <mutex>
#include <p11-kit/pkcs11.h>

namespace tokendesk::host {

/// The function list tokendesk-module-host serves: every function of the module it loaded,
/// each call made inside a ModuleLocks::CallScope and under one lock. p11-kit's server calls
/// one function at a time, so the lock only keeps the SIGTERM handler's C_Finalize from
/// running beside a call.
///
/// Why not serve the module's own list, as p11-kit-remote does: there p11-kit's server
/// initializes the module with the OS's mutexes, and the lock OpenSC 0.23 leaks when a card is
/// pulled mid-call (ModuleLocks) then deadlocks the host for good. Here C_Initialize hands the
/// module ModuleLocks' mutexes, as TokenDesk does in process, and the leak is repaired after
/// the call.
class ForwardingModule
{
public:
    /// `module` is the loaded module's own list; it must outlive the forwarding one.
    static CK_FUNCTION_LIST* wrap(CK_FUNCTION_LIST* module);
    /// Held during every forwarded call.
    static std::timed_mutex& callLock();
    /// Whether the module is initialized now (a C_Initialize returned CKR_OK, no C_Finalize since).
    static bool initialized();
    /// C_Finalize of the module when initialized (the caller holds callLock()).
    static void finalize();
};

} // namespace tokendesk::host
