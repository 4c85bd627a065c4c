#include "ModuleLocks.h"

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

struct Held
{
    ModuleMutex* mutex = nullptr;
    int depth = 0; ///< locks taken by this thread, less its unlocks
};

/// What this thread holds, and how deep in module calls it is.
struct ThreadLocks
{
    int depth = 0;
    std::vector<Held> held;
};

thread_local ThreadLocks t_locks;
std::atomic<std::uint64_t> s_repairs{0};
std::atomic<ModuleLocks::LeakReporter> s_reporter{nullptr};

Held* heldHere(ModuleMutex* m)
{
    for (Held& h : t_locks.held) {
        if (h.mutex == m) {
            return &h;
        }
    }
    return nullptr;
}

void forget(ModuleMutex* m)
{
    const auto it = std::find_if(t_locks.held.begin(), t_locks.held.end(), [m](const Held& h) { return h.mutex == m; });
    if (it != t_locks.held.end()) {
        t_locks.held.erase(it);
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
    if (Held* h = heldHere(m)) {
        // The module's mutexes are not recursive: relocking one this thread holds would wait
        // for ever. Either the lock leaked earlier in this call (OpenSC's sc_unlock) or the
        // module nests; counted, so a nested unlock does not let others in too early.
        ++h->depth;
        return CKR_OK;
    }
    m->mutex.lock();
    t_locks.held.push_back(Held{m, 1});
    return CKR_OK;
}

CK_RV unlockMutex(CK_VOID_PTR p)
{
    auto* m = static_cast<ModuleMutex*>(p);
    if (!m) {
        return CKR_MUTEX_BAD;
    }
    Held* h = heldHere(m);
    if (!h) {
        return CKR_MUTEX_NOT_LOCKED;
    }
    if (--h->depth > 0) {
        return CKR_OK;
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
    // The call has returned: whatever this thread still holds was leaked.
    const auto leaked = static_cast<int>(t_locks.held.size());
    while (!t_locks.held.empty()) {
        ModuleMutex* m = t_locks.held.back().mutex;
        t_locks.held.pop_back();
        m->mutex.unlock();
    }
    if (leaked > 0) {
        s_repairs += static_cast<std::uint64_t>(leaked);
        if (const LeakReporter reporter = s_reporter.load()) {
            reporter(leaked);
        }
    }
}

std::uint64_t ModuleLocks::repairs()
{
    return s_repairs.load();
}

void ModuleLocks::setLeakReporter(LeakReporter reporter)
{
    s_reporter = reporter;
}

int ModuleLocks::heldByThisThread()
{
    return static_cast<int>(t_locks.held.size());
}

} // namespace tokendesk
