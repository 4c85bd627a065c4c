#include "ModuleLocks.h"

#include "backend/common/Logging.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <p11-kit/pkcs11.h>
#include <vector>

namespace tokendesk {

namespace {

struct ModuleMutex
{
    std::mutex mutex;
};

/// What this thread holds, and how deep in module calls it is.
struct ThreadLocks
{
    int depth = 0;
    std::vector<ModuleMutex*> held;
    int repairedInCall = 0;
};

thread_local ThreadLocks t_locks;
std::atomic<quint64> s_repairs{0};

bool heldHere(ModuleMutex* m)
{
    return std::find(t_locks.held.cbegin(), t_locks.held.cend(), m) != t_locks.held.cend();
}

void forget(ModuleMutex* m)
{
    // The latest lock first: mutexes are mostly released in reverse order.
    const auto it = std::find(t_locks.held.rbegin(), t_locks.held.rend(), m);
    if (it != t_locks.held.rend()) {
        t_locks.held.erase(std::next(it).base());
    }
}

CK_RV createMutex(CK_VOID_PTR_PTR out)
{
    if (!out) {
        return CKR_ARGUMENTS_BAD;
    }
    *out = new (std::nothrow) ModuleMutex;
    return *out ? CKR_OK : CKR_HOST_MEMORY;
}

CK_RV destroyMutex(CK_VOID_PTR p)
{
    auto* m = static_cast<ModuleMutex*>(p);
    if (!m) {
        return CKR_MUTEX_BAD;
    }
    if (heldHere(m)) {
        // Destroyed while held (a leaked lock on a card that is gone): a std::mutex
        // must be unlocked before it is destroyed.
        forget(m);
        m->mutex.unlock();
    }
    delete m;
    return CKR_OK;
}

CK_RV lockMutex(CK_VOID_PTR p)
{
    auto* m = static_cast<ModuleMutex*>(p);
    if (!m) {
        return CKR_MUTEX_BAD;
    }
    if (heldHere(m)) {
        // The module's mutexes are not recursive: the module relocking one this thread
        // holds would wait for ever. It is a lock leaked earlier in this call; let the
        // relock through, and the matching unlock releases it.
        ++t_locks.repairedInCall;
        ++s_repairs;
        return CKR_OK;
    }
    m->mutex.lock();
    t_locks.held.push_back(m);
    return CKR_OK;
}

CK_RV unlockMutex(CK_VOID_PTR p)
{
    auto* m = static_cast<ModuleMutex*>(p);
    if (!m) {
        return CKR_MUTEX_BAD;
    }
    if (!heldHere(m)) {
        return CKR_MUTEX_NOT_LOCKED;
    }
    forget(m);
    m->mutex.unlock();
    return CKR_OK;
}

} // namespace

void ModuleLocks::fill(CK_C_INITIALIZE_ARGS& args)
{
    args.CreateMutex = createMutex;
    args.DestroyMutex = destroyMutex;
    args.LockMutex = lockMutex;
    args.UnlockMutex = unlockMutex;
}

ModuleLocks::CallScope::CallScope()
{
    ++t_locks.depth;
}

ModuleLocks::CallScope::~CallScope()
{
    if (--t_locks.depth > 0) {
        return;
    }
    const auto leaked = static_cast<int>(t_locks.held.size());
    while (!t_locks.held.empty()) {
        ModuleMutex* m = t_locks.held.back();
        t_locks.held.pop_back();
        m->mutex.unlock();
    }
    s_repairs += static_cast<quint64>(leaked);
    const int repaired = t_locks.repairedInCall + leaked;
    t_locks.repairedInCall = 0;
    if (repaired > 0) {
        qCWarning(lcPkcs11) << "a PKCS#11 module left" << repaired
                            << "of its locks held after a call (a card removed mid-call?): released";
    }
}

quint64 ModuleLocks::repairs()
{
    return s_repairs.load();
}

int ModuleLocks::heldByThisThread()
{
    return static_cast<int>(t_locks.held.size());
}

} // namespace tokendesk
