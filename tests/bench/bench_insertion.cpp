// Issue 4: from a simulated card's insertion to its identities in TokenWatcher
// (the tokenAdded signal, rescan() driven by a ReaderMonitor as in the window),
// beside the peer `pkcs11-tool -O` started on the same kind of reader event
// (what pcsc_scan + pkcs11-tool -O do), timed from the same moment: the
// `insert` line to the simulator. Median over N insertions each; prints a
// Markdown table row for docs/BENCHMARKS.md.
//
// Fails only when a measurement could not be made (no signal, the peer failed).

#include "PeerProcess.h"
#include "SimCard.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/TokenWatcher.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>

using namespace tokendesk;

namespace {

constexpr int kWaitMs = 20000;

int rounds()
{
    const int n = qEnvironmentVariableIntValue("TOKENDESK_BENCH_ROUNDS");
    return n > 0 ? n : 10;
}

double median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? double(values.at(n / 2)) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

QString describe(const QList<qint64>& values)
{
    const auto [lo, hi] = std::minmax_element(values.cbegin(), values.cend());
    return QStringLiteral("median %1 ms (min %2, max %3, n=%4)")
        .arg(median(values), 0, 'f', 1)
        .arg(*lo)
        .arg(*hi)
        .arg(values.size());
}

bool cardIn(const ReaderList& readers, const QString& name)
{
    return std::any_of(readers.cbegin(), readers.cend(), [&](const ReaderInfo& r) {
        return r.name == name && r.cardState == ReaderInfo::CardState::Present;
    });
}

} // namespace

class BenchInsertion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertionToIdentities();
};

void BenchInsertion::insertionToIdentities()
{
    SimCard card;
    card.setSlots({QStringLiteral("9a=p256"), QStringLiteral("9c=p256")});
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    QVERIFY2(card.remove(), qPrintable(card.errorString()));
    const QString reader = card.readerName();

    // TokenDesk: TokenWatcher over OpenSC, rescan() on every reader event.
    QList<qint64> ours;
    {
        ModuleRegistry::Options options;
        options.registered = false;
        options.environment = false;
        options.nssDatabase.clear();
        options.paths = {PeerProcess::pkcs11Module()};
        TokenWatcher watcher(options);
        ReaderMonitor monitor;
        connect(&monitor, &ReaderMonitor::readersChanged, &watcher, &TokenWatcher::rescan);
        QSignalSpy added(&watcher, &TokenWatcher::tokenAdded);
        QSignalSpy removed(&watcher, &TokenWatcher::tokenRemoved);
        watcher.start();
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(watcher.scanCount() >= 1 && !watcher.busy(), kWaitMs);
        QTest::qWait(500);
        for (int i = 0; i < rounds(); ++i) {
            added.clear();
            QElapsedTimer timer;
            timer.start();
            QVERIFY(card.control(QStringLiteral("insert")).startsWith(QLatin1String("inserted")));
            QVERIFY(added.wait(kWaitMs) || !added.isEmpty());
            const qint64 elapsed = timer.elapsed();
            const auto token = added.constFirst().at(0).value<TokenContents>();
            QCOMPARE(token.certificates.size(), 2);
            ours << elapsed;
            const qsizetype before = removed.size();
            QVERIFY2(card.remove(), qPrintable(card.errorString()));
            QTRY_VERIFY_WITH_TIMEOUT(removed.size() > before && !watcher.busy(), kWaitMs);
            QTest::qWait(300);
        }
        monitor.stop();
        watcher.stop();
    }

    // The peer: pkcs11-tool -O started on the reader event of the insertion.
    QList<qint64> peer;
    {
        ReaderMonitor monitor;
        QProcess tool;
        QElapsedTimer timer;
        bool launched = false;
        qint64 finishedAt = -1;
        connect(&tool, &QProcess::finished, this, [&] { finishedAt = timer.elapsed(); });
        connect(&monitor, &ReaderMonitor::readersChanged, this, [&](const ReaderList& readers) {
            if (timer.isValid() && !launched && cardIn(readers, reader)) {
                launched = true;
                tool.start(QStringLiteral("pkcs11-tool"),
                           {QStringLiteral("--module"), PeerProcess::pkcs11Module(), QStringLiteral("-O")});
            }
        });
        monitor.start();
        QTest::qWait(500);
        for (int i = 0; i < rounds(); ++i) {
            launched = false;
            finishedAt = -1;
            timer.start();
            QVERIFY(card.control(QStringLiteral("insert")).startsWith(QLatin1String("inserted")));
            QTRY_VERIFY_WITH_TIMEOUT(launched, kWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT(finishedAt >= 0, kWaitMs);
            const qint64 elapsed = finishedAt;
            const QByteArray out = tool.readAllStandardOutput();
            QCOMPARE(tool.exitCode(), 0);
            QCOMPARE(out.count("Certificate Object"), 2);
            peer << elapsed;
            timer.invalidate();
            QVERIFY2(card.remove(), qPrintable(card.errorString()));
            QTest::qWait(300);
        }
        monitor.stop();
    }

    qInfo().noquote() << "TokenWatcher, insertion -> tokenAdded with 2 certificates:" << describe(ours);
    qInfo().noquote() << "pkcs11-tool -O on the reader event, insertion -> exit:" << describe(peer);
    qInfo().noquote() << QStringLiteral("| %1 | %2 |").arg(median(ours), 0, 'f', 1).arg(median(peer), 0, 'f', 1);
    QVERIFY(card.stop());
}

QTEST_GUILESS_MAIN(BenchInsertion)
#include "bench_insertion.moc"
