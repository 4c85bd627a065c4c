// ReaderMonitor through the real pcscd: it sees both vpcd readers, a card
// inserted and removed, and stops promptly from its infinite wait.

#include "SimCard.h"
#include "backend/pcsc/ReaderMonitor.h"

#include <QSignalSpy>
#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestReaderMonitor)
#include "tst_readermonitor.moc"
