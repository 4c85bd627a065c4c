// ReaderMonitor through the real pcscd: it sees both vpcd readers, a card
// inserted and removed, and stops promptly from its infinite wait.

#include "PeerProcess.h"
#include "SimCard.h"
#include "backend/pcsc/PcscContext.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "models/ReaderModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QMutex>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <atomic>

using namespace tokendesk;

namespace {
ReaderInfo find(const ReaderList& readers, const QString& name)
{
    for (const ReaderInfo& r : readers) {
        if (r.name == name) {
            return r;
        }
    }
    return {};
}
const QString kReader = QStringLiteral("Virtual PCD 00 01");
const QString kReader0 = QStringLiteral("Virtual PCD 00 00");

// The bench's own pcscd, stopped or started through the bench script (by its pid).
// The times (ms on one clock) of the monitor's failed reconnect attempts, from its
// "no PC/SC service" debug line (tokendesk.pcsc, on in the tests' QT_LOGGING_RULES).
QMutex g_attemptsMutex;
QList<qint64> g_attempts;
QElapsedTimer g_attemptClock;
QtMessageHandler g_previousHandler = nullptr;

void recordAttempts(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.startsWith(QLatin1String("no PC/SC service"))) {
        QMutexLocker lock(&g_attemptsMutex);
        g_attempts.append(g_attemptClock.elapsed());
    }
    if (g_previousHandler) {
        g_previousHandler(type, context, message);
    }
}

qsizetype attemptCount()
{
    QMutexLocker lock(&g_attemptsMutex);
    return g_attempts.size();
}

bool bench(const QString& what)
{
    const PeerResult r =
        PeerProcess::run(qEnvironmentVariable("TOKENDESK_SOURCE_DIR") + QStringLiteral("/tests/harness/testbench.sh"),
                         {what, qEnvironmentVariable("TOKENDESK_TESTBENCH_DIR")});
    if (!r.ok()) {
        qWarning("%s", r.describe().constData());
    }
    return r.ok();
}
} // namespace

class TestReaderMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertRemoveAndStop()
    {
        ReaderMonitor monitor;
        QSignalSpy service(&monitor, &ReaderMonitor::serviceStateChanged);
        QSignalSpy changes(&monitor, &ReaderMonitor::readersChanged);
        monitor.start();
        QTRY_COMPARE(monitor.serviceState(), ReaderMonitor::ServiceState::Running);
        QTRY_COMPARE(monitor.readers().size(), 2);
        QVERIFY(!find(monitor.readers(), kReader).cardPresent());
        const int eventsBefore = find(monitor.readers(), kReader).eventCount;

        SimCard card;
        card.setReaderIndex(1);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(find(monitor.readers(), kReader).cardPresent(), 5000);
        const ReaderInfo inserted = find(monitor.readers(), kReader);
        QCOMPARE(inserted.atr, QByteArray::fromHex(card.atrHex().remove(QLatin1Char(' ')).toLatin1()));
        QVERIFY(inserted.eventCount > eventsBefore);
        // The signal carried the same snapshot the monitor keeps.
        QVERIFY(!changes.isEmpty());
        QCOMPARE(find(changes.constLast().at(0).value<ReaderList>(), kReader), inserted);

        QVERIFY2(card.remove(), qPrintable(card.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!find(monitor.readers(), kReader).cardPresent(), 5000);
        QVERIFY(find(monitor.readers(), kReader).atr.isEmpty());

        // Reinserted: the counter moved, so it is not taken for the card that was there.
        QVERIFY2(card.insert(), qPrintable(card.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(find(monitor.readers(), kReader).cardPresent(), 5000);
        QVERIFY(!find(monitor.readers(), kReader).sameCardAs(inserted));

        // Idle, the monitor sits in SCardGetStatusChange(INFINITE); stop() cancels it.
        const int signalsBefore = static_cast<int>(changes.size());
        QTest::qWait(300);
        QCOMPARE(changes.size(), signalsBefore);
        monitor.stop();
        QVERIFY(monitor.isFinished());
        QCOMPARE(service.constFirst().at(0).value<ReaderMonitor::ServiceState>(), ReaderMonitor::ServiceState::Running);
    }

    void twoReadersAndASwap()
    {
        ReaderMonitor monitor;
        monitor.start();
        QTRY_COMPARE(monitor.readers().size(), 2);

        // A card in each reader at once.
        SimCard a;
        a.setReaderIndex(0);
        a.setAtr(QStringLiteral("3B 88 80 01 00 00 00 00 00 00 00 00 09"));
        SimCard b;
        b.setReaderIndex(1);
        b.setAtr(QStringLiteral("3B 88 80 01 11 11 11 11 11 11 11 11 09"));
        QVERIFY2(a.start(), qPrintable(a.errorString()));
        QVERIFY2(b.start(), qPrintable(b.errorString()));
        QTRY_VERIFY(find(monitor.readers(), kReader0).cardPresent() && find(monitor.readers(), kReader).cardPresent());
        QCOMPARE(find(monitor.readers(), kReader0).atr, a.atr());
        QCOMPARE(find(monitor.readers(), kReader).atr, b.atr());

        // Swap: card b leaves reader 1 and card c (another ATR) goes in.
        const ReaderInfo before = find(monitor.readers(), kReader);
        QVERIFY(b.stop());
        SimCard c;
        c.setReaderIndex(1);
        c.setAtr(QStringLiteral("3B 88 80 01 22 22 22 22 22 22 22 22 09"));
        QVERIFY2(c.start(), qPrintable(c.errorString()));
        QTRY_COMPARE(find(monitor.readers(), kReader).atr, c.atr());
        QVERIFY(!find(monitor.readers(), kReader).sameCardAs(before));
        // Reader 0 was not disturbed.
        QCOMPARE(find(monitor.readers(), kReader0).atr, a.atr());
        QVERIFY(find(monitor.readers(), kReader0).cardPresent());
    }

    void survivesPcscdRestart()
    {
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));

        ReaderMonitor monitor;
        QSignalSpy service(&monitor, &ReaderMonitor::serviceStateChanged);
        monitor.start();
        QTRY_VERIFY(find(monitor.readers(), kReader0).cardPresent());

        // pcscd dies under the running monitor (SIGKILL, as in a crash).
        QVERIFY(bench(QStringLiteral("pcscd-stop")));
        QTRY_COMPARE(monitor.serviceState(), ReaderMonitor::ServiceState::Restarting);
        QVERIFY(monitor.readers().isEmpty());

        QVERIFY(bench(QStringLiteral("pcscd-start")));
        QElapsedTimer sinceRestart;
        sinceRestart.start();
        // The readers come back, and the card with them (the simulator reconnects to vpcd).
        QTRY_VERIFY_WITH_TIMEOUT(monitor.readers().size() == 2, 3000);
        qInfo("readers back %lld ms after pcscd started", sinceRestart.elapsed());
        QCOMPARE(monitor.serviceState(), ReaderMonitor::ServiceState::Running);
        QTRY_VERIFY_WITH_TIMEOUT(find(monitor.readers(), kReader0).cardPresent(), 5000);
        QCOMPARE(find(monitor.readers(), kReader0).atr, card.atr());

        QList<ReaderMonitor::ServiceState> states;
        for (const auto& args : std::as_const(service)) {
            states << args.at(0).value<ReaderMonitor::ServiceState>();
        }
        QCOMPARE(states, (QList<ReaderMonitor::ServiceState>{ReaderMonitor::ServiceState::Running,
                                                             ReaderMonitor::ServiceState::Restarting,
                                                             ReaderMonitor::ServiceState::Running}));
    }

    // README: reconnecting with backoff when pcscd is gone, 100 ms doubling to 1 s. The
    // attempts' spacing grows, and stops growing at 1 s (no faster retries, no slower).
    void reconnectBackoff()
    {
        ReaderMonitor monitor;
        monitor.start();
        QTRY_COMPARE(monitor.serviceState(), ReaderMonitor::ServiceState::Running);
        {
            QMutexLocker lock(&g_attemptsMutex);
            g_attempts.clear();
            g_attemptClock.start();
        }
        g_previousHandler = qInstallMessageHandler(recordAttempts);
        auto restore = qScopeGuard([] { qInstallMessageHandler(g_previousHandler); });
        QVERIFY(bench(QStringLiteral("pcscd-stop")));
        auto restart = qScopeGuard([] { bench(QStringLiteral("pcscd-start")); });
        // 100 + 200 + 400 + 800 + 1000 + 1000 ms: six failed attempts in ~3.5 s.
        QTRY_VERIFY_WITH_TIMEOUT(attemptCount() >= 6, 8000);
        qInstallMessageHandler(g_previousHandler);
        restore.dismiss();
        QList<qint64> attempts;
        {
            QMutexLocker lock(&g_attemptsMutex);
            attempts = g_attempts;
        }
        QList<qint64> gaps;
        for (qsizetype i = 1; i < attempts.size(); ++i) {
            gaps << attempts.at(i) - attempts.at(i - 1);
        }
        QString shown;
        for (const qint64 gap : std::as_const(gaps)) {
            shown += QString::number(gap) + QLatin1Char(' ');
        }
        qInfo("gaps between reconnect attempts (ms): %s", qPrintable(shown));
        // Expected 200, 400, 800, 1000, 1000 (after the first attempts' 100): growing by
        // doubling, then capped. Scheduling slack: +250 ms, never less than the wait.
        const QList<qint64> expected{200, 400, 800, 1000, 1000};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QVERIFY2(gaps.at(i) >= expected.at(i) - 20 && gaps.at(i) <= expected.at(i) + 250,
                     qPrintable(QStringLiteral("gap %1 is %2 ms, expected %3: %4")
                                    .arg(i)
                                    .arg(gaps.at(i))
                                    .arg(expected.at(i))
                                    .arg(shown)));
        }
        restart.dismiss();
        QVERIFY(bench(QStringLiteral("pcscd-start")));
        QTRY_VERIFY_WITH_TIMEOUT(monitor.serviceState() == ReaderMonitor::ServiceState::Running, 5000);
    }

    // stop() can come while the monitor thread is between two SCardGetStatusChange
    // calls, where SCardCancel cancels nothing: it must still end the thread.
    void stopBetweenTwoWaits()
    {
        SimCard card;
        card.setReaderIndex(1);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        ReaderMonitor monitor;
        // On the monitor thread, inside publish(): after the first snapshot (which
        // makes it list readers again), hold it between two waits for a while.
        std::atomic<int> published{0};
        connect(
            &monitor, &ReaderMonitor::readersChanged, this,
            [&published] {
                if (++published >= 2) {
                    QThread::msleep(300);
                }
            },
            Qt::DirectConnection);
        // On this thread: stop as soon as the second snapshot (the card pulled) is out.
        int seen = 0;
        bool stopped = false;
        connect(
            &monitor, &ReaderMonitor::readersChanged, this,
            [&] {
                if (++seen == 2) {
                    monitor.stop();
                    stopped = true;
                }
            },
            Qt::QueuedConnection);
        monitor.start();
        QTRY_COMPARE(seen, 1);
        QCOMPARE(card.control(QStringLiteral("remove")), QStringLiteral("removed"));
        QTRY_VERIFY_WITH_TIMEOUT(stopped, 10000);
        QVERIFY(monitor.isFinished());
    }

    // Many insertions and removals: the model, fed by the monitor, ends exactly
    // as pcscd says the readers are. Leaks, if any, fail the test under ASan.
    // 60 cycles (~45 s: pcscd sees each change at its next poll); TOKENDESK_CYCLES=1000 for a
    // soak. (200 were a quarter of the suite's time with the bench's readers held.)
    void manyInsertRemoveCycles()
    {
        const int cycles = qEnvironmentVariableIntValue("TOKENDESK_CYCLES") > 0
                               ? qEnvironmentVariableIntValue("TOKENDESK_CYCLES")
                               : 60;
        SimCard card;
        card.setReaderIndex(1);
        QVERIFY2(card.start(), qPrintable(card.errorString()));

        ReaderModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ReaderMonitor monitor;
        connect(&monitor, &ReaderMonitor::readersChanged, &model, &ReaderModel::setReaders);
        monitor.start();
        const auto present = [&model] {
            const QModelIndex row = model.indexOfReader(kReader);
            return row.isValid() && row.data(ReaderModel::CardPresentRole).toBool();
        };
        QTRY_VERIFY(present());
        int lastEvents = model.reader(model.indexOfReader(kReader).row()).eventCount;
        for (int i = 0; i < cycles; ++i) {
            QCOMPARE(card.control(QStringLiteral("remove")), QStringLiteral("removed"));
            QTRY_VERIFY_WITH_TIMEOUT(!present(), 5000);
            QCOMPARE(card.control(QStringLiteral("insert")), QStringLiteral("inserted"));
            QTRY_VERIFY_WITH_TIMEOUT(present(), 5000);
            // Every insertion is a new card to pcscd: its counter moved each time.
            const int events = model.reader(model.indexOfReader(kReader).row()).eventCount;
            QVERIFY2(events != lastEvents, qPrintable(QStringLiteral("cycle %1").arg(i)));
            lastEvents = events;
        }
        // The model agrees with a fresh look at pcscd.
        const auto fresh = scanReaders();
        QVERIFY(fresh.ok());
        QCOMPARE(model.rowCount(), static_cast<int>(fresh.value().size()));
        for (const ReaderInfo& r : fresh.value()) {
            const QModelIndex row = model.indexOfReader(r.name);
            QVERIFY(row.isValid());
            QCOMPARE(model.reader(row.row()).cardPresent(), r.cardPresent());
            QCOMPARE(model.reader(row.row()).atr, r.atr);
            QCOMPARE(model.reader(row.row()).eventCount, r.eventCount);
        }
        monitor.stop();
    }
};

QTEST_GUILESS_MAIN(TestReaderMonitor)
#include "tst_readermonitor.moc"
