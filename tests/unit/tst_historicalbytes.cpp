// HistoricalBytes: categories and compact-TLV objects of ISO 7816-4, 8.1.1.

#include "backend/atr/HistoricalBytes.h"

#include <QTest>

using namespace tokendesk;

using Category = HistoricalBytes::Category;
using Problem = HistoricalBytes::Problem;

namespace {
HistoricalBytes parse(const char* hex)
{
    return HistoricalBytes::parse(QByteArray::fromHex(hex));
}
} // namespace

class TestHistoricalBytes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void categories_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Category>("category");
        QTest::newRow("none") << QByteArray() << Category::None;
        QTest::newRow("00") << QByteArray::fromHex("00009000") << Category::CompactTlvAndStatus;
        QTest::newRow("10") << QByteArray::fromHex("1005") << Category::DirDataReference;
        QTest::newRow("80") << QByteArray::fromHex("80") << Category::CompactTlv;
        QTest::newRow("81") << QByteArray::fromHex("8101") << Category::Rfu;
        QTest::newRow("8F") << QByteArray::fromHex("8F") << Category::Rfu;
        QTest::newRow("41") << QByteArray("Astrid") << Category::Proprietary;
        QTest::newRow("90") << QByteArray::fromHex("9000") << Category::Proprietary;
    }

    void categories()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Category, category);
        const HistoricalBytes h = HistoricalBytes::parse(bytes);
        QCOMPARE(h.category, category);
        QCOMPARE(h.bytes, bytes);
        QVERIFY(h.issues.isEmpty());
    }

    void statusIndicatorInTheLastThreeBytes()
    {
        // Tag 1 (country code 2 bytes), tag 2 (issuer, 3 bytes), then LCS 05 and SW 6A82.
        const HistoricalBytes h = parse("00 12 0250 23 123456 05 6A82");
        QCOMPARE(h.objects.size(), 2);
        QCOMPARE(h.objects.at(0).tag, quint8(CompactTlvObject::CountryCode));
        QCOMPARE(h.objects.at(0).offset, 1);
        QCOMPARE(h.objects.at(0).value, QByteArray::fromHex("0250"));
        QCOMPARE(h.objects.at(1).tag, quint8(CompactTlvObject::IssuerIdentification));
        QCOMPARE(h.objects.at(1).offset, 4);
        QVERIFY(h.status);
        QCOMPARE(h.status->lcs, std::optional<quint8>(0x05));
        QCOMPARE(lifeCycle(0x05), LifeCycle::OperationalActivated);
        QCOMPARE(h.status->sw, std::optional<quint16>(0x6A82));
        QVERIFY(h.issues.isEmpty());
    }

    void missingStatusIndicator()
    {
        const HistoricalBytes h = parse("00 90 00");
        QCOMPARE(h.category, Category::CompactTlvAndStatus);
        QVERIFY(!h.status);
        QCOMPARE(h.issues.size(), 1);
        QCOMPARE(h.issues.constFirst().problem, Problem::MissingStatusIndicator);
    }

    void statusTagLengths()
    {
        HistoricalBytes h = parse("80 82 9000");
        QVERIFY(h.status);
        QVERIFY(!h.status->lcs);
        QCOMPARE(h.status->sw, std::optional<quint16>(0x9000));
        h = parse("80 83 03 9000");
        QCOMPARE(h.status->lcs, std::optional<quint8>(0x03));
        QCOMPARE(lifeCycle(0x03), LifeCycle::Initialisation);
        // A status tag with 4 bytes is not one: reported, and no status taken from it.
        h = parse("80 84 01020304");
        QVERIFY(!h.status);
        QCOMPARE(h.issues.size(), 1);
        QCOMPARE(h.issues.constFirst().problem, Problem::BadObjectLength);
        QCOMPARE(h.issues.constFirst().offset, 1);
    }

    void cardCapabilitiesOneToThreeBytes()
    {
        HistoricalBytes h = parse("80 71 E0");
        auto caps = h.objects.at(0).capabilities();
        QVERIFY(caps);
        QVERIFY(caps->dfByFullName() && caps->dfByPartialName() && caps->dfByPath());
        QVERIFY(!caps->dataCoding);
        QVERIFY(!caps->chaining);
        h = parse("80 73 FF 7F DB");
        caps = h.objects.at(0).capabilities();
        QVERIFY(caps);
        QCOMPARE(caps->writeBehaviour(), CardCapabilities::WriteBehaviour::WriteAnd);
        QVERIFY(caps->ffTagValid());
        QCOMPARE(caps->dataUnitQuartets(), 1 << 15);
        // DB: chaining, extended Lc/Le, channels by the card and the interface device, 4 channels.
        QVERIFY(caps->commandChaining());
        QVERIFY(caps->extendedLengths());
        QVERIFY(!caps->extendedLengthInfo());
        QCOMPARE(caps->channelAssignment(), CardCapabilities::ChannelAssignment::ByBoth);
        QCOMPARE(caps->maxLogicalChannels(), 4);
        h = parse("80 74 00000000");
        QVERIFY(!h.objects.at(0).capabilities());
        QCOMPARE(h.issues.constFirst().problem, Problem::BadObjectLength);
    }

    void cardServiceData()
    {
        const HistoricalBytes h = parse("80 31 88");
        const auto cs = h.objects.at(0).cardService();
        QVERIFY(cs);
        QVERIFY(cs->selectionByFullDfName());
        QCOMPARE(cs->access(), CardServiceData::Access::ReadBinary); // b4-b2 = 100
        QVERIFY(cs->hasMasterFile());
        QCOMPARE(parse("80 31 80").objects.at(0).cardService()->access(), CardServiceData::Access::ReadRecord);
        QCOMPARE(parse("80 31 8E").objects.at(0).cardService()->access(), CardServiceData::Access::Rfu);
        QCOMPARE(parse("80 32 8000").issues.constFirst().problem, Problem::BadObjectLength);
    }

    void truncatedObject()
    {
        // Tag 6 announces 5 bytes, 2 follow.
        const HistoricalBytes h = parse("80 65 0102");
        QCOMPARE(h.objects.size(), 1);
        QVERIFY(h.objects.at(0).truncated());
        QCOMPARE(h.objects.at(0).value, QByteArray::fromHex("0102"));
        QCOMPARE(h.issues.size(), 1);
        QCOMPARE(h.issues.constFirst().problem, Problem::TruncatedObject);
    }

    void applicationIdentifier()
    {
        const HistoricalBytes h = parse("80 F7 D2760000850101");
        const auto aid = h.objects.at(0).applicationIdentifier();
        QVERIFY(aid);
        QCOMPARE(aid->rid(), QByteArray::fromHex("D276000085"));
        QCOMPARE(aid->pix(), QByteArray::fromHex("0101"));
        QVERIFY(!aid->isPcscStorageCard());
    }

    void berTlvAidOnlyWhenItFits()
    {
        // "4F 0F" with 15 bytes after: plain compact-TLV (tag 4, length 15), not PC/SC's form.
        const QByteArray fifteen(15, '\x11');
        HistoricalBytes h = HistoricalBytes::parse(QByteArray::fromHex("804F") + fifteen);
        QCOMPARE(h.objects.size(), 1);
        QVERIFY(!h.objects.at(0).berTlv);
        QCOMPARE(h.objects.at(0).tag, quint8(CompactTlvObject::InitialAccessData));
        QCOMPARE(h.objects.at(0).length, 15);
        // "4F 05" with 3 bytes after: neither form fits, so compact-TLV, truncated.
        h = parse("80 4F 05 A00000");
        QVERIFY(!h.objects.at(0).berTlv);
        QVERIFY(h.objects.at(0).truncated());
    }

    void dirDataReference()
    {
        QCOMPARE(parse("10 05").dirDataReference, std::optional<quint8>(0x05));
        const HistoricalBytes h = parse("10");
        QVERIFY(!h.dirDataReference);
        QCOMPARE(h.issues.constFirst().problem, Problem::MissingDirDataReference);
    }

    void lifeCycles()
    {
        QCOMPARE(lifeCycle(0x00), LifeCycle::NoInformation);
        QCOMPARE(lifeCycle(0x01), LifeCycle::Creation);
        QCOMPARE(lifeCycle(0x02), LifeCycle::Rfu);
        QCOMPARE(lifeCycle(0x06), LifeCycle::OperationalDeactivated);
        QCOMPARE(lifeCycle(0x07), LifeCycle::OperationalActivated);
        QCOMPARE(lifeCycle(0x0B), LifeCycle::Rfu);
        QCOMPARE(lifeCycle(0x0C), LifeCycle::Termination);
        QCOMPARE(lifeCycle(0x10), LifeCycle::Proprietary);
    }

    void compactTlvAlone()
    {
        // The parser the fuzzer also calls directly; zero-length objects are fine.
        QList<HistoricalBytes::Issue> issues;
        const QList<CompactTlvObject> objects =
            HistoricalBytes::parseCompactTlv(QByteArray::fromHex("00 10 21AA"), 7, &issues);
        QCOMPARE(objects.size(), 3);
        QCOMPARE(objects.at(2).offset, 9);
        QCOMPARE(objects.at(2).value, QByteArray::fromHex("AA"));
        QVERIFY(issues.isEmpty());
        QVERIFY(HistoricalBytes::parseCompactTlv(QByteArray(), 0, nullptr).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHistoricalBytes)
#include "tst_historicalbytes.moc"
