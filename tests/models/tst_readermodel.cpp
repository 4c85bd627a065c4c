// ReaderModel: snapshots from the reader monitor become row insertions,
// removals and changes, checked by QAbstractItemModelTester throughout.

#include "backend/atr/SmartcardList.h"
#include "models/ReaderModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

using namespace tokendesk;

namespace {
ReaderInfo reader(const QString& name, const QByteArray& atr = {}, int events = 0)
{
    ReaderInfo r;
    r.name = name;
    r.atr = atr;
    r.cardState = atr.isEmpty() ? ReaderInfo::CardState::Absent : ReaderInfo::CardState::Present;
    r.eventCount = events;
    return r;
}
const QByteArray kAtr = QByteArray::fromHex("3B888001544F4B454E4445534B76");
} // namespace

class TestReaderModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertUpdateRemove()
    {
        ReaderModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.setReaders({reader(QStringLiteral("A")), reader(QStringLiteral("B"))});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.index(0, ReaderModel::NameColumn).data().toString(), QStringLiteral("A"));
        QCOMPARE(model.index(1, ReaderModel::CardColumn).data().toString(), QStringLiteral("No card"));
        QCOMPARE(model.index(1, 0).data(ReaderModel::CardPresentRole).toBool(), false);

        // The same snapshot again changes nothing.
        model.setReaders({reader(QStringLiteral("A")), reader(QStringLiteral("B"))});
        QCOMPARE(changed.count(), 0);

        // A card in B: one row changes, in every column.
        model.setReaders({reader(QStringLiteral("A")), reader(QStringLiteral("B"), kAtr, 1)});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), ReaderModel::ColumnCount - 1);
        QCOMPARE(model.index(1, ReaderModel::AtrColumn).data().toString(),
                 QStringLiteral("3B 88 80 01 54 4F 4B 45 4E 44 45 53 4B 76"));
        QCOMPARE(model.index(1, 0).data(ReaderModel::AtrRole).toByteArray(), kAtr);
        QCOMPARE(model.index(1, 0).data(ReaderModel::CardPresentRole).toBool(), true);

        // A gone, C new: A's row removed, C appended after B.
        model.setReaders({reader(QStringLiteral("C")), reader(QStringLiteral("B"), kAtr, 1)});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.reader(0).name, QStringLiteral("B"));
        QCOMPARE(model.reader(1).name, QStringLiteral("C"));
        QCOMPARE(model.indexOfReader(QStringLiteral("C")).row(), 1);
        QVERIFY(!model.indexOfReader(QStringLiteral("A")).isValid());

        // pcscd lost: everything goes.
        model.setReaders({});
        QCOMPARE(model.rowCount(), 0);
    }

    void swappedCardIsAChange()
    {
        ReaderModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReaders({reader(QStringLiteral("A"), kAtr, 1)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // Same ATR, but pcscd counted a removal and an insertion in between.
        const ReaderInfo swapped = reader(QStringLiteral("A"), kAtr, 3);
        QVERIFY(!swapped.sameCardAs(model.reader(0)));
        model.setReaders({swapped});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.reader(0).eventCount, 3);
    }

    void cardNamesFromTheList()
    {
        QTemporaryFile list;
        QVERIFY(list.open());
        list.write("3B 88 80 01 54 4F 4B 45 4E 44 45 53 4B ..\n\tTokenDesk test card\n");
        list.close();
        SmartcardList names;
        QVERIFY(names.load(list.fileName()));

        ReaderModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReaders({reader(QStringLiteral("A"), kAtr, 1), reader(QStringLiteral("B"))});
        QCOMPARE(model.index(0, ReaderModel::CardNameColumn).data().toString(), QString());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSmartcardList(&names);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, ReaderModel::CardNameColumn).data().toString(), QStringLiteral("TokenDesk test card"));
        QCOMPARE(model.index(0, 0).data(ReaderModel::CardNamesRole).toStringList(),
                 QStringList{QStringLiteral("TokenDesk test card")});
        QCOMPARE(model.index(1, ReaderModel::CardNameColumn).data().toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestReaderModel)
#include "tst_readermodel.moc"
