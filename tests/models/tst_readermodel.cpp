// ReaderModel: snapshots from the reader monitor become row insertions,
// removals and changes, checked by QAbstractItemModelTester throughout.

#include "ReaderFixtures.h"
#include "backend/atr/SmartcardList.h"
#include "models/ReaderModel.h"
#include "models/TokenCardName.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

using namespace tokendesk;

namespace {
const QByteArray kAtr = QByteArray::fromHex("3B888001544F4B454E44455300");
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

        model.setReaders({makeReader(QStringLiteral("A")), makeReader(QStringLiteral("B"))});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.index(0, ReaderModel::NameColumn).data().toString(), QStringLiteral("A"));
        QCOMPARE(model.index(1, ReaderModel::CardColumn).data().toString(), QStringLiteral("No card"));
        QCOMPARE(model.index(1, 0).data(ReaderModel::CardPresentRole).toBool(), false);

        // The same snapshot again changes nothing.
        model.setReaders({makeReader(QStringLiteral("A")), makeReader(QStringLiteral("B"))});
        QCOMPARE(changed.count(), 0);

        // A card in B: B's row changes, in every column, and gets the card as a child row.
        QVERIFY(!model.indexOfCard(QStringLiteral("B")).isValid());
        model.setReaders({makeReader(QStringLiteral("A")), makeReader(QStringLiteral("B"), kAtr, 1)});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(inserted.last().at(0).toModelIndex(), model.indexOfReader(QStringLiteral("B")));
        const QModelIndex card = model.indexOfCard(QStringLiteral("B"));
        QVERIFY(card.isValid());
        QCOMPARE(card.parent(), model.indexOfReader(QStringLiteral("B")));
        QCOMPARE(model.rowCount(card), 0);
        QVERIFY(card.data(ReaderModel::IsCardRole).toBool());
        QCOMPARE(card.data().toString(), QStringLiteral("Unknown card"));
        QCOMPARE(card.data(ReaderModel::AtrRole).toByteArray(), kAtr);
        QCOMPARE(model.rowCount(model.indexOfReader(QStringLiteral("A"))), 0);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), ReaderModel::ColumnCount - 1);
        QCOMPARE(model.index(1, ReaderModel::AtrColumn).data().toString(),
                 QStringLiteral("3B 88 80 01 54 4F 4B 45 4E 44 45 53 00"));
        QCOMPARE(model.index(1, 0).data(ReaderModel::AtrRole).toByteArray(), kAtr);
        QCOMPARE(model.index(1, 0).data(ReaderModel::CardPresentRole).toBool(), true);

        // A gone, C new: A's row removed, C appended after B.
        model.setReaders({makeReader(QStringLiteral("C")), makeReader(QStringLiteral("B"), kAtr, 1)});
        QCOMPARE(removed.count(), 1);
        QVERIFY(model.indexOfCard(QStringLiteral("B")).isValid());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.reader(0).name, QStringLiteral("B"));
        QCOMPARE(model.reader(1).name, QStringLiteral("C"));
        QCOMPARE(model.indexOfReader(QStringLiteral("C")).row(), 1);
        QVERIFY(!model.indexOfReader(QStringLiteral("A")).isValid());

        // The card leaves B: its row goes, B stays.
        model.setReaders({makeReader(QStringLiteral("B")), makeReader(QStringLiteral("C"))});
        QCOMPARE(removed.count(), 2);
        QCOMPARE(removed.last().at(0).toModelIndex(), model.indexOfReader(QStringLiteral("B")));
        QVERIFY(!model.indexOfCard(QStringLiteral("B")).isValid());

        // pcscd lost: everything goes.
        model.setReaders({});
        QCOMPARE(model.rowCount(), 0);
    }

    void swappedCardIsAChange()
    {
        ReaderModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReaders({makeReader(QStringLiteral("A"), kAtr, 1)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // Same ATR, but pcscd counted a removal and an insertion in between:
        // the old card's row goes and a new one comes, so views drop the old card.
        const ReaderInfo swapped = makeReader(QStringLiteral("A"), kAtr, 3);
        QVERIFY(!swapped.sameCardAs(model.reader(0)));
        model.setReaders({swapped});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.reader(0).eventCount, 3);
    }

    void cardNamesFromTheList()
    {
        QTemporaryFile list;
        QVERIFY(list.open());
        list.write("3B 88 80 01 54 4F 4B 45 4E 44 45 53 ..\n\tTokenDesk test card\n");
        list.close();
        SmartcardList names;
        QVERIFY(names.load(list.fileName()));

        ReaderModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReaders({makeReader(QStringLiteral("A"), kAtr, 1), makeReader(QStringLiteral("B"))});
        QCOMPARE(model.index(0, ReaderModel::CardNameColumn).data().toString(), QString());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSmartcardList(&names);
        // Reader A's row and its card's row change; B has no card, so nothing to name.
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.indexOfReader(QStringLiteral("A")));
        QCOMPARE(changed.at(1).at(0).toModelIndex(), model.indexOfCard(QStringLiteral("A")));
        QCOMPARE(model.index(0, ReaderModel::CardNameColumn).data().toString(), QStringLiteral("TokenDesk test card"));
        // The card row is named after the card.
        QCOMPARE(model.indexOfCard(QStringLiteral("A")).data().toString(), QStringLiteral("TokenDesk test card"));
        QCOMPARE(model.index(0, 0).data(ReaderModel::CardNamesRole).toStringList(),
                 QStringList{QStringLiteral("TokenDesk test card")});
        QCOMPARE(model.index(1, ReaderModel::CardNameColumn).data().toString(), QString());
    }

    void cardNamedByItsTokenWhenNoListKnowsIt()
    {
        TokenInfo piv;
        piv.modulePath = QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");
        piv.moduleName = QStringLiteral("opensc-pkcs11");
        piv.manufacturer = QStringLiteral("piv_II");
        piv.serial = QStringLiteral("1b235fae73fd532f");
        piv.slot.removable = true;
        piv.slot.description = QStringLiteral("A");
        const auto named = tokenCardName(piv);
        QVERIFY(named);
        QCOMPARE(named->name, QStringLiteral("PIV card"));
        QVERIFY2(named->source.contains(QStringLiteral("\u201Cpiv_II\u201D driver")), qPrintable(named->source));
        // Another module, or a token in no reader, names no card; an unknown driver is named as is,
        // its control characters escaped.
        TokenInfo other = piv;
        other.modulePath = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
        other.moduleName = QStringLiteral("softhsm2");
        QVERIFY(!tokenCardName(other));
        other = piv;
        other.slot.removable = false;
        QVERIFY(!tokenCardName(other));
        other = piv;
        other.manufacturer = QStringLiteral("odd\x1b[2J");
        QCOMPARE(tokenCardName(other)->name, QStringLiteral("Card driven by OpenSC as \u201Codd\\e[2J\u201D"));

        ReaderModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReaders({makeReader(QStringLiteral("A"), kAtr, 1), makeReader(QStringLiteral("B"))});
        QCOMPARE(model.indexOfCard(QStringLiteral("A")).data().toString(), QStringLiteral("Unknown card"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTokenCardName(piv.key(), QStringLiteral("A"), named->name, named->source);
        QCOMPARE(changed.count(), 2); // the reader's row and its card's
        QCOMPARE(model.indexOfCard(QStringLiteral("A")).data().toString(), QStringLiteral("PIV card"));
        QCOMPARE(model.index(0, ReaderModel::CardNameColumn).data().toString(), QStringLiteral("PIV card"));
        QCOMPARE(model.indexOfCard(QStringLiteral("A")).data(ReaderModel::CardNameSourceRole).toString(),
                 named->source);
        // A name from a token in a reader without a card names nothing.
        model.setTokenCardName(QStringLiteral("other"), QStringLiteral("B"), QStringLiteral("X"), QStringLiteral("Y"));
        QCOMPARE(model.index(1, ReaderModel::CardNameColumn).data().toString(), QString());
        model.removeTokenCardName(QStringLiteral("other"));

        // The list wins where it knows the card: no source is claimed then.
        QTemporaryFile list;
        QVERIFY(list.open());
        list.write("3B 88 80 01 54 4F 4B 45 4E 44 45 53 ..\n\tTokenDesk test card\n");
        list.close();
        SmartcardList names;
        QVERIFY(names.load(list.fileName()));
        model.setSmartcardList(&names);
        QCOMPARE(model.indexOfCard(QStringLiteral("A")).data().toString(), QStringLiteral("TokenDesk test card"));
        QVERIFY(model.indexOfCard(QStringLiteral("A")).data(ReaderModel::CardNameSourceRole).toString().isEmpty());
        model.setSmartcardList(nullptr);
        QCOMPARE(model.indexOfCard(QStringLiteral("A")).data().toString(), QStringLiteral("PIV card"));

        // Another card in the reader (pcscd counted a removal): the old token's name is not its name.
        model.setReaders({makeReader(QStringLiteral("A"), kAtr, 3), makeReader(QStringLiteral("B"))});
        QCOMPARE(model.indexOfCard(QStringLiteral("A")).data().toString(), QStringLiteral("Unknown card"));
        // Named again, then the token goes: unknown again.
        model.setTokenCardName(piv.key(), QStringLiteral("A"), named->name, named->source);
        QCOMPARE(model.indexOfCard(QStringLiteral("A")).data().toString(), QStringLiteral("PIV card"));
        model.removeTokenCardName(piv.key());
        QCOMPARE(model.indexOfCard(QStringLiteral("A")).data().toString(), QStringLiteral("Unknown card"));
    }
};

QTEST_GUILESS_MAIN(TestReaderModel)
#include "tst_readermodel.moc"
