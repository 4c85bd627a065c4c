// AtrModel: the byte-by-byte breakdown the card page shows.

#include "models/AtrModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace tokendesk;

namespace {
QStringList column(const QAbstractItemModel& m, int col, const QModelIndex& parent = {})
{
    QStringList values;
    for (int row = 0; row < m.rowCount(parent); ++row) {
        values << m.index(row, col, parent).data().toString();
    }
    return values;
}
} // namespace

class TestAtrModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simulatedCard()
    {
        AtrModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The simulator's ATR: T=0 and T=1, "TokenDsk", TCK 0E.
        model.setAtr(QByteArray::fromHex("3B888001546F6B656E44736B0E"));
        QCOMPARE(column(model, AtrModel::FieldColumn),
                 (QStringList{QStringLiteral("TS"), QStringLiteral("T0"), QStringLiteral("TD1"), QStringLiteral("TD2"),
                              QStringLiteral("Historical bytes"), QStringLiteral("TCK")}));
        QCOMPARE(column(model, AtrModel::ValueColumn),
                 (QStringList{QStringLiteral("3B"), QStringLiteral("88"), QStringLiteral("80"), QStringLiteral("01"),
                              QStringLiteral("54 6F 6B 65 6E 44 73 6B"), QStringLiteral("0E")}));
        QVERIFY(model.index(0, AtrModel::MeaningColumn).data().toString().contains(QStringLiteral("irect")));
        QVERIFY(model.index(5, AtrModel::MeaningColumn).data().toString().contains(QStringLiteral("correct")));
        QCOMPARE(model.index(5, 0).data(AtrModel::OffsetRole).toInt(), 12);
        QVERIFY(model.info().valid());
        // TD1 80 names T=0 and announces TD2, which names T=1.
        QCOMPARE(model.info().protocols, (QList<int>{0, 1}));
    }

    void compactTlvObjectsAreChildren()
    {
        AtrModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A PC/SC part 3 storage card ATR: category 80, BER-TLV AID with standard and card name.
        model.setAtr(QByteArray::fromHex("3B8F8001804F0CA000000306030001000000006A"));
        const QStringList fields = column(model, AtrModel::FieldColumn);
        const int historical = static_cast<int>(fields.indexOf(QStringLiteral("Historical bytes")));
        QVERIFY(historical >= 0);
        const QModelIndex group = model.index(historical, 0);
        QVERIFY(model.rowCount(group) >= 1);
        QVERIFY(model.index(0, AtrModel::ValueColumn, group)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("A0 00 00 03 06")));
    }

    void invalidAtrListsItsErrors()
    {
        AtrModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAtr(QByteArray::fromHex("3B888001546F6B656E44736B0F")); // wrong TCK
        QVERIFY(!model.info().valid());
        const QModelIndex last = model.index(model.rowCount() - 1, 0);
        QVERIFY(last.data(AtrModel::IsIssueRole).toBool());
        QCOMPARE(last.data().toString(), QStringLiteral("Error"));
        QVERIFY(column(model, AtrModel::MeaningColumn).contains(QStringLiteral("checksum WRONG")));

        model.setAtr({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAtrModel)
#include "tst_atrmodel.moc"
