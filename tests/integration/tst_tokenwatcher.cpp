// TokenWatcher against real modules: SoftHSM2 tokens (present at start, a
// certificate added with pkcs11-tool and shown after reloadToken), and the
// simulated PIV card through OpenSC in the bench's pcscd, with rescan() driven
// by a real ReaderMonitor as the window does: insertion, removal, a second
// card, repeated cycles equal to a fresh scan, no scan without an event. A card
// pulled while its objects are read: tst_tokenwatcher_pull.
//
// Every wait is bounded: OpenSC 0.23 can hang for good on a pulled PIV card.

#include "SimCard.h"
#include "SoftHsmTokens.h"
#include "WatcherFixture.h"

#include <QElapsedTimer>
#include <QTest>
#include <memory>

using namespace tokendesk;
using namespace watchertest;

class TestTokenWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void softHsmTokensAtStart();
    void softHsmReloadShowsNewCertificate();
    void noSignalAfterStop();
    void pivInsertAndRemove();
    void secondCardAndCyclesEqualFreshScan();
    void idleWatcherDoesNothing();
};

void TestTokenWatcher::softHsmTokensAtStart()
{
    SoftHsmTokens hsm;
    QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
    quint64 first = 0;
    QVERIFY2(hsm.createToken("watch one", &first), qPrintable(hsm.errorString()));
    const QByteArray der =
        hsm.writeCertificate(first, QStringLiteral("01"), QStringLiteral("cert one"), QStringLiteral("ec"));
    QVERIFY2(!der.isEmpty(), qPrintable(hsm.errorString()));
    quint64 second = 0;
    QVERIFY2(hsm.createToken("watch two", &second), qPrintable(hsm.errorString()));

    TokenWatcher watcher(only(SoftHsmTokens::modulePath()));
    SignalCounter signals_(&watcher);
    QSignalSpy loaded(&watcher, &TokenWatcher::modulesLoaded);
    watcher.start();
    // Not SoftHSM's free slot: its uninitialized token holds nothing to manage.
    QTRY_COMPARE_WITH_TIMEOUT(signals_.added.size(), 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.busy(), kWaitMs);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(watcher.modules().size(), 1);
    QVERIFY(watcher.modules().constFirst().ok());
    QVERIFY(watcher.registry());

    const auto one = byLabel(watcher.tokens(), QStringLiteral("watch one"));
    const auto two = byLabel(watcher.tokens(), QStringLiteral("watch two"));
    QVERIFY(one && two);
    QVERIFY(!one->error);
    QCOMPARE(certificateHashes(*one), QSet<QByteArray>{sha256(der)});
    QVERIFY(two->certificates.isEmpty());
    // The snapshots are what a fresh registry reads.
    QCOMPARE(byKey(watcher.tokens()), freshScan(only(SoftHsmTokens::modulePath())));
    watcher.stop();
}

void TestTokenWatcher::softHsmReloadShowsNewCertificate()
{
    SoftHsmTokens hsm;
    QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
    quint64 slot = 0;
    QVERIFY2(hsm.createToken("reload me", &slot), qPrintable(hsm.errorString()));
    const QByteArray first =
        hsm.writeCertificate(slot, QStringLiteral("01"), QStringLiteral("first"), QStringLiteral("ec"));
    QVERIFY2(!first.isEmpty(), qPrintable(hsm.errorString()));

    TokenWatcher watcher(only(SoftHsmTokens::modulePath()));
    SignalCounter signals_(&watcher);
    watcher.start();
    QTRY_COMPARE_WITH_TIMEOUT(signals_.added.size(), 1, kWaitMs); // not the free slot's token
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.busy(), kWaitMs);
    const QString key = byLabel(watcher.tokens(), QStringLiteral("reload me"))->key();

    const QByteArray second =
        hsm.writeCertificate(slot, QStringLiteral("02"), QStringLiteral("second"), QStringLiteral("rsa"));
    QVERIFY2(!second.isEmpty(), qPrintable(hsm.errorString()));
    // A rescan (a reader event) does not read a module without readers.
    const quint64 scans = watcher.scanCount();
    watcher.rescan();
    QTRY_VERIFY_WITH_TIMEOUT(watcher.scanCount() > scans, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.busy(), kWaitMs);
    QTest::qWait(200);
    QCOMPARE(signals_.changed.size(), 0);
    QCOMPARE(byLabel(watcher.tokens(), QStringLiteral("reload me"))->certificates.size(), 1);

    watcher.reloadToken(key);
    QTRY_COMPARE_WITH_TIMEOUT(signals_.changed.size(), 1, kWaitMs);
    const auto changed = signals_.changed.constFirst().at(0).value<TokenContents>();
    QCOMPARE(changed.key(), key);
    QCOMPARE(certificateHashes(changed), (QSet<QByteArray>{sha256(first), sha256(second)}));
    QCOMPARE(byLabel(watcher.tokens(), QStringLiteral("reload me")), changed);

    // updateToken replaces the snapshot (a logged-in read made elsewhere).
    TokenContents loggedIn = changed;
    loggedIn.loggedIn = true;
    watcher.updateToken(loggedIn);
    QTRY_COMPARE_WITH_TIMEOUT(signals_.changed.size(), 2, kWaitMs);
    QVERIFY(byLabel(watcher.tokens(), QStringLiteral("reload me"))->loggedIn);
    QCOMPARE(signals_.added.size(), 1);
    QCOMPARE(signals_.removed.size(), 0);
    watcher.stop();
}

void TestTokenWatcher::noSignalAfterStop()
{
    SoftHsmTokens hsm;
    QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(hsm.createToken(QByteArray("stop ") + QByteArray::number(i)), qPrintable(hsm.errorString()));
    }
    TokenWatcher watcher(only(SoftHsmTokens::modulePath()));
    int afterStop = 0;
    bool stopped = false;
    const auto count = [&] {
        if (stopped) {
            ++afterStop;
        }
    };
    connect(&watcher, &TokenWatcher::tokenAdded, this, count);
    connect(&watcher, &TokenWatcher::tokenRemoved, this, count);
    connect(&watcher, &TokenWatcher::modulesLoaded, this, count);
    connect(&watcher, &TokenWatcher::busyChanged, this, count);
    // Stopped while the worker loads and reads: what it queued is dropped.
    watcher.start();
    QElapsedTimer timer;
    timer.start();
    watcher.stop();
    stopped = true;
    QVERIFY(timer.elapsed() < 10000);
    watcher.rescan();
    watcher.reloadToken(QStringLiteral("x"));
    QTest::qWait(500);
    QCOMPARE(afterStop, 0);
    QVERIFY(!watcher.registry());
}

void TestTokenWatcher::pivInsertAndRemove()
{
    SimCard card;
    card.setSlots({QStringLiteral("9a=p256"), QStringLiteral("9c=p256")});
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    QVERIFY2(card.remove(), qPrintable(card.errorString()));

    PivWatch watch;
    SignalCounter signals_(&watch.watcher);
    watch.start();
    QTRY_VERIFY_WITH_TIMEOUT(watch.watcher.scanCount() >= 1 && watch.idle(), kWaitMs);
    QTest::qWait(300);
    QCOMPARE(watch.watcher.tokens().size(), 0);

    QElapsedTimer timer;
    timer.start();
    QVERIFY2(card.insert(), qPrintable(card.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(signals_.added.size(), 1, kWaitMs);
    qInfo() << "insertion to tokenAdded:" << timer.elapsed() << "ms";
    const auto added = signals_.added.constFirst().at(0).value<TokenContents>();
    QVERIFY(!added.error);
    QCOMPARE(added.certificates.size(), 2);
    // Two identities: OpenSC hides a PIV card's private keys until login, so each
    // certificate is "key expected" (its public key with the same ID is there).
    for (const CertificateEntry& entry : added.certificates) {
        QCOMPARE(entry.keyState, CertificateEntry::KeyState::Expected);
    }
    QCOMPARE(certificateHashes(added), (QSet<QByteArray>{QByteArray::fromHex(card.certSha256(QStringLiteral("9a"))),
                                                         QByteArray::fromHex(card.certSha256(QStringLiteral("9c")))}));
    QCOMPARE(watch.watcher.tokens().size(), 1);

    QVERIFY2(card.remove(), qPrintable(card.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(signals_.removed.size(), 1, kWaitMs);
    QCOMPARE(signals_.removed.constFirst().at(0).toString(), added.key());
    QCOMPARE(watch.watcher.tokens().size(), 0);

    // Back in: the same token again, with the same contents.
    QVERIFY2(card.insert(), qPrintable(card.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(signals_.added.size(), 2, kWaitMs);
    QCOMPARE(signals_.added.at(1).at(0).value<TokenContents>(), added);
    QTRY_VERIFY_WITH_TIMEOUT(watch.idle(), kWaitMs);
    watch.watcher.stop();
    QVERIFY(card.stop());
}

void TestTokenWatcher::secondCardAndCyclesEqualFreshScan()
{
    SimCard first;
    first.setSlots({QStringLiteral("9a=p256"), QStringLiteral("9c=p256")});
    QVERIFY2(first.start(), qPrintable(first.errorString()));

    PivWatch watch;
    SignalCounter signals_(&watch.watcher);
    watch.start();
    QTRY_COMPARE_WITH_TIMEOUT(signals_.added.size(), 1, kWaitMs);

    SimCard second;
    second.setReaderIndex(1);
    second.setSlots({QStringLiteral("9a=p256")});
    QVERIFY2(second.start(), qPrintable(second.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(watch.watcher.tokens().size(), 2, kWaitMs);
    const TokenContentsList two = watch.watcher.tokens();
    const auto inSecond =
        std::find_if(two.cbegin(), two.cend(), [](const TokenContents& t) { return t.certificates.size() == 1; });
    QVERIFY(inSecond != two.cend());
    QCOMPARE(inSecond->certificates.constFirst().sha256(),
             QByteArray::fromHex(second.certSha256(QStringLiteral("9a"))));

    // Several removals and insertions, some in quick succession: the end state is a fresh scan's.
    for (int round = 0; round < 4; ++round) {
        QVERIFY2(first.remove(), qPrintable(first.errorString()));
        if (round % 2 == 0) {
            QVERIFY2(second.remove(), qPrintable(second.errorString()));
            QVERIFY2(second.insert(), qPrintable(second.errorString()));
        }
        QVERIFY2(first.insert(), qPrintable(first.errorString()));
    }
    QVERIFY2(second.remove(), qPrintable(second.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(watch.watcher.tokens().size() == 1 && watch.idle(), kWaitMs);
    // Settled: the last reader event has been scanned.
    QTest::qWait(1000);
    QTRY_VERIFY_WITH_TIMEOUT(watch.idle(), kWaitMs);
    QCOMPARE(byKey(watch.watcher.tokens()), freshScan(only(PeerProcess::pkcs11Module())));
    QCOMPARE(signals_.added.size() - signals_.removed.size(), 1);
    watch.watcher.stop();
    QVERIFY(second.stop());
    QVERIFY(first.stop());
}

void TestTokenWatcher::idleWatcherDoesNothing()
{
    SimCard card;
    card.setSlots({QStringLiteral("9a=p256")});
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    SoftHsmTokens hsm;
    QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
    QVERIFY2(hsm.createToken("idle"), qPrintable(hsm.errorString()));

    ModuleRegistry::Options options = only(PeerProcess::pkcs11Module());
    options.paths << SoftHsmTokens::modulePath();
    TokenWatcher watcher(options);
    ReaderMonitor monitor;
    connect(&monitor, &ReaderMonitor::readersChanged, &watcher, &TokenWatcher::rescan);
    SignalCounter signals_(&watcher);
    watcher.start();
    monitor.start();
    QTRY_COMPARE_WITH_TIMEOUT(watcher.tokens().size(), 2, kWaitMs); // the card and "idle"
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.busy(), kWaitMs);
    QTest::qWait(500); // the monitor's first snapshot's rescan
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.busy(), kWaitMs);

    const quint64 scans = watcher.scanCount();
    signals_.clear();
    QTest::qWait(3000);
    QCOMPARE(watcher.scanCount(), scans);
    QCOMPARE(signals_.total(), 0);

    // And an event does cause exactly the scans it asks for: one removal, one scan or two
    // (pcscd may report the reader twice), never a stream.
    QVERIFY2(card.remove(), qPrintable(card.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(signals_.removed.size(), 1, kWaitMs);
    QTest::qWait(1000);
    QVERIFY2(watcher.scanCount() - scans >= 1 && watcher.scanCount() - scans <= 3,
             qPrintable(QString::number(watcher.scanCount() - scans)));
    monitor.stop();
    watcher.stop();
    QVERIFY(card.stop());
}

QTEST_GUILESS_MAIN(TestTokenWatcher)
#include "tst_tokenwatcher.moc"
