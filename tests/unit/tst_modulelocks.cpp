// ModuleLocks: the mutexes we give modules still exclude, and a lock a module leaks (OpenSC
// 0.23's sc_unlock with a lock count of 0) no longer hangs the next call, on this thread or
// on another one.

#include "backend/pkcs11/ModuleLocks.h"

#include <QTest>
#include <atomic>
#include <future>
#include <p11-kit/pkcs11.h>
#include <thread>

using namespace tokendesk;

namespace {

struct Locks
{
    CK_C_INITIALIZE_ARGS args{};
    Locks() { ModuleLocks::fill(args); }
    void* create()
    {
        void* m = nullptr;
        if (args.CreateMutex(&m) != CKR_OK) {
            return nullptr;
        }
        return m;
    }
};

constexpr auto kHang = std::chrono::seconds(5);

} // namespace

class TestModuleLocks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsAllFour();
    void excludesOtherThreads();
    void unlockWithoutLockIsAnError();
    void relockOfALeakedLockGoesThrough();
    void nestedLockStillExcludes();
    void leakedLockIsReleasedWhenTheCallEnds();
    void nestedCallsReleaseOnlyAtTheOutermost();
    void destroyingAHeldLockReleasesIt();
};

void TestModuleLocks::fillsAllFour()
{
    Locks l;
    QVERIFY(l.args.CreateMutex && l.args.DestroyMutex && l.args.LockMutex && l.args.UnlockMutex);
    QCOMPARE(l.args.flags, CK_FLAGS(0)); // the caller's to set
    QCOMPARE(l.args.CreateMutex(nullptr), CKR_ARGUMENTS_BAD);
    QCOMPARE(l.args.LockMutex(nullptr), CKR_MUTEX_BAD);
}

void TestModuleLocks::excludesOtherThreads()
{
    Locks l;
    void* m = l.create();
    QVERIFY(m);
    // Two threads add without atomics under the lock: the total is exact only if it excludes.
    long counter = 0;
    std::atomic<int> failures{0};
    auto work = [&] {
        ModuleLocks::CallScope call;
        for (int i = 0; i < 200000; ++i) {
            if (l.args.LockMutex(m) != CKR_OK) {
                ++failures;
            }
            const long seen = counter;
            counter = seen + 1;
            if (l.args.UnlockMutex(m) != CKR_OK) {
                ++failures;
            }
        }
    };
    std::thread a(work);
    std::thread b(work);
    a.join();
    b.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(counter, 400000L);
    QCOMPARE(l.args.DestroyMutex(m), CKR_OK);
}

void TestModuleLocks::unlockWithoutLockIsAnError()
{
    Locks l;
    void* m = l.create();
    QCOMPARE(l.args.UnlockMutex(m), CKR_MUTEX_NOT_LOCKED);
    // Held by another thread: still not ours to unlock.
    std::promise<void> locked;
    std::promise<void> done;
    std::thread other([&] {
        ModuleLocks::CallScope call;
        l.args.LockMutex(m);
        locked.set_value();
        done.get_future().wait();
        l.args.UnlockMutex(m);
    });
    locked.get_future().wait();
    QCOMPARE(l.args.UnlockMutex(m), CKR_MUTEX_NOT_LOCKED);
    done.set_value();
    other.join();
    QCOMPARE(l.args.DestroyMutex(m), CKR_OK);
}

void TestModuleLocks::relockOfALeakedLockGoesThrough()
{
    Locks l;
    void* m = l.create();
    const auto repairs = ModuleLocks::repairs();
    // What sc_unlock does when the lock count is 0: lock, return, never unlock; then the
    // same call goes on into sc_lock/sc_unlock. With a plain mutex that waits for ever.
    auto call = std::async(std::launch::async, [&] {
        ModuleLocks::CallScope scope;
        l.args.LockMutex(m); // leaked
        const CK_RV relock = l.args.LockMutex(m);
        const CK_RV unlock = l.args.UnlockMutex(m);
        return std::make_tuple(relock, unlock, ModuleLocks::heldByThisThread());
    });
    QVERIFY2(call.wait_for(kHang) == std::future_status::ready, "the relock of a leaked lock hangs");
    const auto [relock, unlock, heldInCall] = call.get();
    QCOMPARE(relock, CKR_OK);
    QCOMPARE(unlock, CKR_OK);
    QCOMPARE(heldInCall, 1); // the leaked lock, until the call ends
    QCOMPARE(ModuleLocks::repairs(), repairs + 1);
    // Free for anyone now.
    auto other = std::async(std::launch::async, [&] {
        ModuleLocks::CallScope scope;
        l.args.LockMutex(m);
        return l.args.UnlockMutex(m);
    });
    QVERIFY(other.wait_for(kHang) == std::future_status::ready);
    QCOMPARE(other.get(), CKR_OK);
    QCOMPARE(l.args.DestroyMutex(m), CKR_OK);
}

void TestModuleLocks::nestedLockStillExcludes()
{
    // A module that nests (OpenSC's sc_lock opening secure messaging under the card mutex):
    // the inner unlock must not let another thread in while the outer section runs.
    Locks l;
    void* m = l.create();
    const auto repairs = ModuleLocks::repairs();
    std::promise<void> nested;
    std::promise<void> finish;
    std::atomic<int> outerUnlock{-1};
    std::thread owner([&] {
        ModuleLocks::CallScope call;
        l.args.LockMutex(m);
        l.args.LockMutex(m);
        l.args.UnlockMutex(m); // inner section over, outer one still running
        nested.set_value();
        finish.get_future().wait();
        outerUnlock = static_cast<int>(l.args.UnlockMutex(m));
    });
    nested.get_future().wait();
    auto other = std::async(std::launch::async, [&] {
        ModuleLocks::CallScope call;
        l.args.LockMutex(m);
        return l.args.UnlockMutex(m);
    });
    QVERIFY(other.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);
    finish.set_value();
    QVERIFY(other.wait_for(kHang) == std::future_status::ready);
    QCOMPARE(other.get(), CKR_OK);
    owner.join();
    QCOMPARE(outerUnlock.load(), static_cast<int>(CKR_OK));
    QCOMPARE(ModuleLocks::repairs(), repairs); // balanced: nothing leaked
    QCOMPARE(l.args.DestroyMutex(m), CKR_OK);
}

void TestModuleLocks::leakedLockIsReleasedWhenTheCallEnds()
{
    Locks l;
    void* m = l.create();
    const auto repairs = ModuleLocks::repairs();
    std::promise<void> leaked;
    std::promise<void> endCall;
    std::atomic<int> heldAfterCall{-1};
    std::thread leaker([&] {
        {
            ModuleLocks::CallScope call;
            l.args.LockMutex(m); // and the call returns without unlocking
            leaked.set_value();
            endCall.get_future().wait();
        }
        heldAfterCall = ModuleLocks::heldByThisThread();
    });
    leaked.get_future().wait();
    // Another thread's call wants the lock: it waits while the leaking call runs...
    auto waiter = std::async(std::launch::async, [&] {
        ModuleLocks::CallScope call;
        l.args.LockMutex(m);
        return l.args.UnlockMutex(m);
    });
    QVERIFY(waiter.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);
    // ...and gets it when that call has returned.
    endCall.set_value();
    QVERIFY2(waiter.wait_for(kHang) == std::future_status::ready, "a lock leaked by a finished call is never released");
    QCOMPARE(waiter.get(), CKR_OK);
    leaker.join();
    QCOMPARE(heldAfterCall.load(), 0);
    QCOMPARE(ModuleLocks::repairs(), repairs + 1);
    QCOMPARE(l.args.DestroyMutex(m), CKR_OK);
}

void TestModuleLocks::nestedCallsReleaseOnlyAtTheOutermost()
{
    Locks l;
    void* m = l.create();
    ModuleLocks::CallScope outer;
    l.args.LockMutex(m);
    {
        ModuleLocks::CallScope inner;
    }
    QCOMPARE(ModuleLocks::heldByThisThread(), 1); // still inside the outer call
    QCOMPARE(l.args.UnlockMutex(m), CKR_OK);
    QCOMPARE(ModuleLocks::heldByThisThread(), 0);
    QCOMPARE(l.args.DestroyMutex(m), CKR_OK);
}

void TestModuleLocks::destroyingAHeldLockReleasesIt()
{
    Locks l;
    void* m = l.create();
    ModuleLocks::CallScope call;
    l.args.LockMutex(m);
    QCOMPARE(ModuleLocks::heldByThisThread(), 1);
    // C_Finalize of a card whose lock leaked: destroyed while held (ASan/TSan would see a
    // locked std::mutex destroyed otherwise).
    QCOMPARE(l.args.DestroyMutex(m), CKR_OK);
    QCOMPARE(ModuleLocks::heldByThisThread(), 0);
}

QTEST_GUILESS_MAIN(TestModuleLocks)
#include "tst_modulelocks.moc"
