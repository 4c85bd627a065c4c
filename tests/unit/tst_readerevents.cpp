// diffReaders: the events between two snapshots, including a card swapped unseen.

#include "ReaderFixtures.h"
#include "backend/pcsc/ReaderEvents.h"

#include <QTest>

using namespace tokendesk;

namespace {
using K = ReaderEvent::Kind;
QList<K> kinds(const QList<ReaderEvent>& events)
{
    QList<K> k;
    for (const ReaderEvent& e : events) {
        k << e.kind;
    }
    return k;
}
const QByteArray kAtrA = QByteArray::fromHex("3B8880010102030405060708AA");
const QByteArray kAtrB = QByteArray::fromHex("3B8880010102030405060708BB");
} // namespace

class TestReaderEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingChanged()
    {
        const ReaderList list{makeReader(QStringLiteral("R"), kAtrA, 1)};
        QVERIFY(diffReaders(list, list).isEmpty());
        // A flag that is not about presence (another program opened the card) is no event.
        ReaderList busy = list;
        busy[0].inUse = true;
        QVERIFY(diffReaders(list, busy).isEmpty());
    }

    void readerWithCardArrivesAndLeaves()
    {
        const ReaderList with{makeReader(QStringLiteral("R"), kAtrA, 1)};
        const auto added = diffReaders({}, with);
        QCOMPARE(kinds(added), (QList<K>{K::ReaderAdded, K::CardInserted}));
        QVERIFY(added.at(0).reader.atr.isEmpty());
        QCOMPARE(added.at(1).reader.atr, kAtrA);

        const auto removed = diffReaders(with, {});
        QCOMPARE(kinds(removed), (QList<K>{K::CardRemoved, K::ReaderRemoved}));
        QCOMPARE(removed.at(0).reader.atr, kAtrA); // the removal tells which card it was
    }

    void insertAndRemove()
    {
        const ReaderList empty{makeReader(QStringLiteral("R"), {}, 0)};
        const ReaderList full{makeReader(QStringLiteral("R"), kAtrA, 1)};
        QCOMPARE(kinds(diffReaders(empty, full)), QList<K>{K::CardInserted});
        QCOMPARE(kinds(diffReaders(full, empty)), QList<K>{K::CardRemoved});
    }

    void swapBetweenSnapshots_data()
    {
        QTest::addColumn<QByteArray>("newAtr");
        QTest::addColumn<int>("newEvents");
        QTest::newRow("same ATR, counter moved") << kAtrA << 3;
        QTest::newRow("other ATR, counter unchanged") << kAtrB << 1;
    }
    void swapBetweenSnapshots()
    {
        QFETCH(QByteArray, newAtr);
        QFETCH(int, newEvents);
        const auto events = diffReaders({makeReader(QStringLiteral("R"), kAtrA, 1)},
                                        {makeReader(QStringLiteral("R"), newAtr, newEvents)});
        QCOMPARE(kinds(events), (QList<K>{K::CardRemoved, K::CardInserted}));
        QCOMPARE(events.at(0).reader.atr, kAtrA);
        QCOMPARE(events.at(1).reader.atr, newAtr);
    }

    void twoReadersIndependently()
    {
        const ReaderList before{makeReader(QStringLiteral("A"), kAtrA, 1), makeReader(QStringLiteral("B"))};
        const ReaderList after{makeReader(QStringLiteral("A")), makeReader(QStringLiteral("B"), kAtrB, 1)};
        const auto events = diffReaders(before, after);
        QCOMPARE(kinds(events), (QList<K>{K::CardRemoved, K::CardInserted}));
        QCOMPARE(events.at(0).reader.name, QStringLiteral("A"));
        QCOMPARE(events.at(1).reader.name, QStringLiteral("B"));
    }
};

QTEST_GUILESS_MAIN(TestReaderEvents)
#include "tst_readerevents.moc"
