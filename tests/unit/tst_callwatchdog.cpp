// CallWatchdog: one thread for the whole process however many calls are armed (each call into an
// isolated module arms one), a call past its deadline told once, on time, and nothing told for a
// call disarmed in time.

#include "backend/pkcs11/CallWatchdog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTest>
#include <atomic>

using namespace tokendesk;

namespace {

int threadCount()
{
    return static_cast<int>(
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

struct CountingTarget final : CallWatchdog::Target
{
    virtual ~CountingTarget() = default;
    std::atomic<int> told{0};
    void callTimedOut() override { ++told; }
};

} // namespace

class TestCallWatchdog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneThreadForEveryCall()
    {
        CountingTarget target;
        const int before = threadCount();
        for (int i = 0; i < 200; ++i) {
            const auto ticket =
                CallWatchdog::arm(&target, CallWatchdog::Clock::now() + std::chrono::seconds(60 - i % 7));
            CallWatchdog::disarm(ticket);
        }
        QVERIFY2(threadCount() <= before + 1,
                 qPrintable(QStringLiteral("%1 threads, %2 before").arg(threadCount()).arg(before)));
        QCOMPARE(CallWatchdog::armed(), 0);
        QCOMPARE(target.told.load(), 0);
    }

    void aCallPastItsDeadlineIsToldOnce()
    {
        CountingTarget late;
        CountingTarget inTime;
        QElapsedTimer clock;
        clock.start();
        const auto lateTicket = CallWatchdog::arm(&late, CallWatchdog::Clock::now() + std::chrono::milliseconds(100));
        const auto inTimeTicket = CallWatchdog::arm(&inTime, CallWatchdog::Clock::now() + std::chrono::seconds(30));
        QCOMPARE(CallWatchdog::armed(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(late.told.load(), 1, 5000);
        QVERIFY2(clock.elapsed() >= 100, qPrintable(QString::number(clock.elapsed())));
        QTest::qWait(200);
        QCOMPARE(late.told.load(), 1); // once, though it was still armed
        CallWatchdog::disarm(lateTicket);
        CallWatchdog::disarm(inTimeTicket);
        QCOMPARE(inTime.told.load(), 0);
        QCOMPARE(CallWatchdog::armed(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCallWatchdog)
#include "tst_callwatchdog.moc"
