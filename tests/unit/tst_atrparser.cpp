// AtrParser: ISO 7816-3 ATRs broken down, checked by hand against the standard.

#include "backend/atr/AtrParser.h"

#include <QTest>

using namespace tokendesk;

using Code = AtrIssue::Code;
using Kind = InterfaceByte::Kind;
using Meaning = InterfaceByte::Meaning;

namespace {
QList<Code> codes(const AtrInfo& info)
{
    QList<Code> result;
    for (const AtrIssue& i : info.issues) {
        result << i.code;
    }
    return result;
}

const AtrIssue* issue(const AtrInfo& info, Code code)
{
    for (const AtrIssue& i : info.issues) {
        if (i.code == code) {
            return &i;
        }
    }
    return nullptr;
}
} // namespace

class TestAtrParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void t0CardWithTa1()
    {
        // Schlumberger Cryptoflex: T0 = 16 (TA1, 6 historical bytes), TA1 = 96 (Fi 512, Di 32).
        const AtrInfo info = AtrParser::parseHex(QStringLiteral("3B 16 96 41 73 74 72 69 64"));
        QVERIFY(info.valid());
        QVERIFY(info.issues.isEmpty());
        QCOMPARE(info.convention, AtrConvention::Direct);
        QCOMPARE(info.t0, std::optional<quint8>(0x16));
        QCOMPARE(info.historicalLength(), 6);
        QCOMPARE(info.interfaceBytes.size(), 1);
        const InterfaceByte& ta1 = info.interfaceBytes.at(0);
        QCOMPARE(ta1.kind, Kind::TA);
        QCOMPARE(ta1.index, 1);
        QCOMPARE(ta1.offset, 2);
        QCOMPARE(ta1.meaning, Meaning::FiDi);
        QCOMPARE(info.fi(), 512);
        QCOMPARE(info.di(), 32);
        QCOMPARE(info.fMaxKHz(), 5000);
        QCOMPARE(info.bitRate(AtrInfo::kDefaultClockHz), qint64(223721)); // 3579545 * 32 / 512
        QCOMPARE(info.bitRate(5000000), qint64(312500));
        QCOMPARE(info.protocols, QList<int>{0}); // no TD1: T=0
        QVERIFY(!info.tckExpected);
        QVERIFY(!info.tck);
        QVERIFY(!info.tckValid);
        QCOMPARE(info.historical.bytes, QByteArray("Astrid"));
        QCOMPARE(info.historical.category, HistoricalBytes::Category::Proprietary);
        QVERIFY(!info.ifsc()); // T=1 not offered
        QCOMPARE(info.workWaitingInteger(), 10);
        QCOMPARE(info.extraGuardTime(), 0);
    }

    void t0CardWithTd1ForT0()
    {
        // ACOS: TA1 11, TB1 00 (VPP not connected), TD1 00 (T=0 only): no TCK.
        const AtrInfo info =
            AtrParser::parseHex(QStringLiteral("3b:be:11:00:00:41:01:38:00:00:00:00:00:00:00:00:01:90:00"));
        QVERIFY2(info.valid(), qPrintable(QString::number(info.issues.size())));
        QCOMPARE(info.interfaceBytes.size(), 3);
        QCOMPARE(info.interfaceBytes.at(1).meaning, Meaning::Vpp);
        QCOMPARE(info.interfaceBytes.at(1).vppVolts(), 0);
        QCOMPARE(info.interfaceBytes.at(2).meaning, Meaning::Protocol);
        QCOMPARE(info.protocols, QList<int>{0});
        QCOMPARE(info.fi(), 372);
        QCOMPARE(info.di(), 1);
        QVERIFY(!info.tckExpected);
        QCOMPARE(info.historical.bytes.size(), 14);
    }

    void defaultsWithoutTa1()
    {
        const AtrInfo info = AtrParser::parseHex(QStringLiteral("3B0214 50"));
        QCOMPARE(info.fi(), 372);
        QCOMPARE(info.di(), 1);
        QCOMPARE(info.fMaxKHz(), 5000);
        QCOMPARE(info.bitRate(AtrInfo::kDefaultClockHz), qint64(9622));
    }

    void t1CardWithGlobalT15()
    {
        // TA1 18 (Fi 372, Di 12), TC1 FF, TD1 81 (T=1), TD2 B1 (T=1: TA3 TB3 TD3),
        // TA3 FE (IFSC 254), TB3 75 (BWI 7, CWI 5), TD3 1F (T=15: TA4), TA4 03 (clock stop
        // not supported, classes A and B); historical bytes of category 00; TCK B0.
        const AtrInfo info =
            AtrParser::parseHex(QStringLiteral("3B DA 18 FF 81 B1 FE 75 1F 03 00 31 F5 73 C7 8A 40 00 90 00 B0"));
        QVERIFY(info.valid());
        QVERIFY(info.issues.isEmpty());
        QCOMPARE(info.fi(), 372);
        QCOMPARE(info.di(), 12);
        QCOMPARE(info.bitRate(AtrInfo::kDefaultClockHz), qint64(115469));
        QCOMPARE(info.extraGuardTime(), 255);
        QCOMPARE(info.protocols, QList<int>{1}); // T=15 is not a protocol
        QCOMPARE(info.ifsc(), std::optional<int>(254));
        QCOMPARE(info.bwi(), std::optional<int>(7));
        QCOMPARE(info.cwi(), std::optional<int>(5));
        QCOMPARE(info.crc(), std::optional<bool>(false)); // no TC3: LRC
        const InterfaceByte* ta3 = info.find(Kind::TA, 3);
        QVERIFY(ta3);
        QCOMPARE(ta3->protocol, 1);
        QCOMPARE(ta3->meaning, Meaning::Ifsc);
        const InterfaceByte* ta4 = info.find(Kind::TA, 4);
        QVERIFY(ta4);
        QCOMPARE(ta4->protocol, 15);
        QCOMPARE(ta4->meaning, Meaning::ClockStopAndClass);
        QCOMPARE(ta4->clockStop(), InterfaceByte::ClockStop::NotSupported);
        QCOMPARE(ta4->voltageClasses(), quint8(InterfaceByte::ClassA | InterfaceByte::ClassB));
        QVERIFY(info.tckExpected);
        QCOMPARE(info.tck, std::optional<quint8>(0xB0));
        QCOMPARE(info.tckValid, std::optional<bool>(true));

        const HistoricalBytes& h = info.historical;
        QCOMPARE(h.category, HistoricalBytes::Category::CompactTlvAndStatus);
        QCOMPARE(h.objects.size(), 2);
        QCOMPARE(h.objects.at(0).tag, quint8(CompactTlvObject::CardService));
        const auto cs = h.objects.at(0).cardService();
        QVERIFY(cs);
        QVERIFY(cs->selectionByFullDfName());
        QVERIFY(cs->selectionByPartialDfName());
        QCOMPARE(cs->access(), CardServiceData::Access::GetData); // F5: b4-b2 = 010
        QVERIFY(!cs->hasMasterFile());
        const auto caps = h.objects.at(1).capabilities();
        QVERIFY(caps);
        QCOMPARE(caps->selectionMethods, std::optional<quint8>(0xC7));
        QVERIFY(caps->dfByFullName());
        QVERIFY(!caps->dfByPath());
        QVERIFY(caps->recordIdentifier());
        QVERIFY(caps->tlvEfs());
        QCOMPARE(caps->writeBehaviour(), CardCapabilities::WriteBehaviour::OneTime);
        QVERIFY(!caps->commandChaining());
        QVERIFY(caps->extendedLengths());
        QCOMPARE(caps->channelAssignment(), CardCapabilities::ChannelAssignment::None);
        QCOMPARE(caps->maxLogicalChannels(), 1);
        QVERIFY(h.status);
        QCOMPARE(h.status->lcs, std::optional<quint8>(0x00));
        QCOMPARE(h.status->sw, std::optional<quint16>(0x9000));
    }

    void t1SpecificBytesWithCrc()
    {
        // TD1 81 (T=1, TD2), TD2 71 (T=1: TA3 TB3 TC3), IFSC 32, BWI 4, CWI 5, TC3 01 = CRC.
        const AtrInfo info = AtrParser::parseHex(QStringLiteral("3B 80 81 71 20 45 01 14"));
        QVERIFY(info.valid());
        QCOMPARE(info.ifsc(), std::optional<int>(32));
        QCOMPARE(info.bwi(), std::optional<int>(4));
        QCOMPARE(info.cwi(), std::optional<int>(5));
        QCOMPARE(info.crc(), std::optional<bool>(true));
        QCOMPARE(info.find(Meaning::ErrorDetection)->index, 3);
        QCOMPARE(info.tckValid, std::optional<bool>(true));
    }

    void t1DefaultsWithoutSpecificBytes()
    {
        // Only TD1 = 01: T=1 with IFSC 32, BWI 4, CWI 13, LRC.
        const AtrInfo info = AtrParser::parseHex(QStringLiteral("3B 80 01 81"));
        QVERIFY(info.valid());
        QCOMPARE(info.protocols, QList<int>{1});
        QCOMPARE(info.ifsc(), std::optional<int>(32));
        QCOMPARE(info.bwi(), std::optional<int>(4));
        QCOMPARE(info.cwi(), std::optional<int>(13));
        QCOMPARE(info.crc(), std::optional<bool>(false));
    }

    void inverseConventionWithCategory80()
    {
        // A GSM SIM: 3F, TB1 00, 15 historical bytes of category 80: tag 5 (9 bytes), tag 8 (LCS + SW).
        const AtrInfo info =
            AtrParser::parseHex(QStringLiteral("3F 2F 00 80 59 AF 02 01 01 30 00 00 0A 0E 83 06 9F 12"));
        QVERIFY(info.valid());
        QCOMPARE(info.convention, AtrConvention::Inverse);
        QCOMPARE(info.protocols, QList<int>{0});
        QVERIFY(!info.tck);
        const HistoricalBytes& h = info.historical;
        QCOMPARE(h.category, HistoricalBytes::Category::CompactTlv);
        QCOMPARE(h.objects.size(), 2);
        QCOMPARE(h.objects.at(0).tag, quint8(CompactTlvObject::CardIssuerData));
        QCOMPARE(h.objects.at(0).value, QByteArray::fromHex("AF0201013000000A0E"));
        QCOMPARE(h.objects.at(1).tag, quint8(CompactTlvObject::Status));
        QCOMPARE(h.objects.at(1).offset, 11);
        QVERIFY(h.status);
        QCOMPARE(h.status->lcs, std::optional<quint8>(0x06));
        QCOMPARE(lifeCycle(*h.status->lcs), LifeCycle::OperationalDeactivated);
        QCOMPARE(h.status->sw, std::optional<quint16>(0x9F12));
        QVERIFY(h.issues.isEmpty());
    }

    void category80WithCapabilitiesAndLcs()
    {
        // TD1 80 (T=0, TD2), TD2 01 (T=1): T=0 and T=1, TCK due. Tags 3, 5, 7, 8 (LCS only).
        const AtrInfo info =
            AtrParser::parseHex(QStringLiteral("3B 8E 80 01 80 31 81 54 48 53 4D 31 73 80 21 40 81 07 18"));
        QVERIFY(info.valid());
        QCOMPARE(info.protocols, (QList<int>{0, 1}));
        QCOMPARE(info.tckValid, std::optional<bool>(true));
        const HistoricalBytes& h = info.historical;
        QCOMPARE(h.objects.size(), 4);
        QCOMPARE(h.objects.at(1).value, QByteArray("HSM1"));
        const auto caps = h.objects.at(2).capabilities();
        QVERIFY(caps);
        QVERIFY(caps->dfByFullName());
        QCOMPARE(caps->writeBehaviour(), CardCapabilities::WriteBehaviour::Proprietary); // 21: b7-b6 = 01
        QCOMPARE(caps->dataUnitQuartets(), 2);
        QVERIFY(caps->extendedLengths());
        QVERIFY(h.status);
        QCOMPARE(h.status->lcs, std::optional<quint8>(0x07));
        QVERIFY(!h.status->sw);
    }

    void category10()
    {
        const AtrInfo info = AtrParser::parseHex(QStringLiteral("3B 02 10 50"));
        QVERIFY(info.valid());
        QCOMPARE(info.historical.category, HistoricalBytes::Category::DirDataReference);
        QCOMPARE(info.historical.dirDataReference, std::optional<quint8>(0x50));
    }

    void pcscStorageCard()
    {
        // PC/SC part 3: "4F 0C" is a BER-TLV AID, RID A0 00 00 03 06, standard 03, card name 0001.
        const AtrInfo info = AtrParser::parseHex(QStringLiteral("3B8F8001804F0CA000000306030001000000006A"));
        QVERIFY(info.valid());
        QCOMPARE(info.protocols, (QList<int>{0, 1}));
        QCOMPARE(info.historical.objects.size(), 1);
        const CompactTlvObject& o = info.historical.objects.at(0);
        QVERIFY(o.berTlv);
        QCOMPARE(o.tag, quint8(CompactTlvObject::ApplicationId));
        QCOMPARE(o.length, 12);
        QVERIFY(!o.truncated());
        const auto aid = o.applicationIdentifier();
        QVERIFY(aid);
        QVERIFY(aid->isPcscStorageCard());
        QCOMPARE(aid->rid(), QByteArray::fromHex("A000000306"));
        QCOMPARE(aid->storageStandard(), quint8(0x03));
        QCOMPARE(aid->storageCardName(), quint16(0x0001));
        QVERIFY(info.historical.issues.isEmpty());
    }

    void malformedHex_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Code>("code");
        QTest::addColumn<int>("offset");
        QTest::newRow("empty") << QString() << Code::EmptyInput << -1;
        QTest::newRow("blank") << QStringLiteral(" : ") << Code::EmptyInput << -1;
        QTest::newRow("odd") << QStringLiteral("3B 0") << Code::OddNumberOfDigits << -1;
        QTest::newRow("non-hex") << QStringLiteral("3B XY") << Code::InvalidCharacter << 3;
        QTest::newRow("0x prefix") << QStringLiteral("0x3B00") << Code::InvalidCharacter << 1;
    }

    void malformedHex()
    {
        QFETCH(QString, text);
        QFETCH(Code, code);
        QFETCH(int, offset);
        const AtrInfo info = AtrParser::parseHex(text);
        QVERIFY(!info.valid());
        QCOMPARE(codes(info), QList<Code>{code});
        QCOMPARE(info.issues.constFirst().offset, offset);
        QVERIFY(info.bytes.isEmpty());
        QVERIFY(info.protocols.isEmpty());
    }

    void hexForms()
    {
        const AtrInfo spaced = AtrParser::parseHex(QStringLiteral("3B 16 96 41 73 74 72 69 64"));
        QCOMPARE(AtrParser::parseHex(QStringLiteral("3b169641737472696 4")), spaced);
        QCOMPARE(AtrParser::parseHex(QStringLiteral("3B:16:96:41:73:74:72:69:64\n")), spaced);
    }

    void truncatedInterfaceBytes()
    {
        // T0 F0: TA1 TB1 TC1 TD1 announced, only TA1 there.
        const AtrInfo info = AtrParser::parseHex(QStringLiteral("3B F0 11"));
        QVERIFY(!info.valid());
        QCOMPARE(codes(info), QList<Code>{Code::TruncatedInterfaceBytes});
        QCOMPARE(issue(info, Code::TruncatedInterfaceBytes)->expected, 6);
        QCOMPARE(issue(info, Code::TruncatedInterfaceBytes)->actual, 3);
        QCOMPARE(info.interfaceBytes.size(), 1); // what is there is still decoded
        QCOMPARE(info.fi(), 372);
        QVERIFY(info.protocols.isEmpty()); // TD1 announced but missing: unknown
        // Only TS.
        QCOMPARE(codes(AtrParser::parseHex(QStringLiteral("3B"))), QList<Code>{Code::TruncatedInterfaceBytes});
    }

    void missingHistoricalBytes()
    {
        const AtrInfo info = AtrParser::parseHex(QStringLiteral("3B 05 41 42"));
        QCOMPARE(codes(info), QList<Code>{Code::MissingHistoricalBytes});
        QCOMPARE(issue(info, Code::MissingHistoricalBytes)->expected, 5);
        QCOMPARE(issue(info, Code::MissingHistoricalBytes)->actual, 2);
        QCOMPARE(info.historical.bytes, QByteArray("AB"));
    }

    void missingTck()
    {
        const AtrInfo info = AtrParser::parseHex(QStringLiteral("3B 80 01"));
        QCOMPARE(codes(info), QList<Code>{Code::MissingTck});
        QVERIFY(info.tckExpected);
        QVERIFY(!info.tckValid);
        // Historical bytes short as well: both are reported.
        QCOMPARE(codes(AtrParser::parseHex(QStringLiteral("3B 82 01 41"))),
                 (QList<Code>{Code::MissingHistoricalBytes, Code::MissingTck}));
    }

    void wrongTck()
    {
        const AtrInfo info = AtrParser::parseHex(QStringLiteral("3B 80 01 00"));
        QCOMPARE(codes(info), QList<Code>{Code::WrongTck});
        QCOMPARE(info.tckValid, std::optional<bool>(false));
        QCOMPARE(issue(info, Code::WrongTck)->expected, 0x81);
        QCOMPARE(issue(info, Code::WrongTck)->actual, 0x00);
        QCOMPARE(issue(info, Code::WrongTck)->offset, 3);
    }

    void extraBytes()
    {
        // After a correct TCK.
        AtrInfo info = AtrParser::parseHex(QStringLiteral("3B 80 01 81 00 00"));
        QCOMPARE(codes(info), QList<Code>{Code::ExtraBytes});
        QCOMPARE(issue(info, Code::ExtraBytes)->offset, 4);
        QCOMPARE(issue(info, Code::ExtraBytes)->actual, 2);
        QCOMPARE(info.tckValid, std::optional<bool>(true));
        // T=0 only: a byte after the historical bytes is not a TCK.
        info = AtrParser::parseHex(QStringLiteral("3B 02 14 50 11"));
        QCOMPARE(codes(info), QList<Code>{Code::ExtraBytes});
        QVERIFY(!info.tck);
        QVERIFY(!info.tckValid);
        QCOMPARE(info.historical.bytes, QByteArray::fromHex("1450"));
        // ... unless it checks as one (11 does not, 46 does): then it is a TCK nobody asked for.
        info = AtrParser::parseHex(QStringLiteral("3B 02 14 50 46"));
        QCOMPARE(codes(info), QList<Code>{Code::UnexpectedTck});
        QVERIFY(info.valid());
        QVERIFY(!info.tckExpected);
        QCOMPARE(info.tck, std::optional<quint8>(0x46));
        QCOMPARE(info.tckValid, std::optional<bool>(true));
        QCOMPARE(info.historical.bytes, QByteArray::fromHex("1450"));
    }

    void tooLong()
    {
        // Every interface byte up to TD4, 15 historical bytes, TCK: 34 bytes, one more than ISO allows.
        const QString text = QStringLiteral("3B FF 11 00 00 F1 00 00 14 F1 FE 45 01 F1 00 00 00 01 "
                                            "41 42 43 44 45 46 47 48 49 4A 4B 4C 4D 4E 4F F0");
        const AtrInfo info = AtrParser::parseHex(text);
        QCOMPARE(info.bytes.size(), 34);
        QCOMPARE(codes(info), QList<Code>{Code::TooLong});
        QCOMPARE(info.issues.constFirst().actual, 34);
        // ... and the rest is analysed all the same.
        QCOMPARE(info.interfaceBytes.size(), 16);
        QCOMPARE(info.workWaitingInteger(), 20);
        QCOMPARE(info.find(Kind::TA, 2)->meaning, Meaning::SpecificMode);
        QCOMPARE(info.ifsc(), std::optional<int>(254));
        QCOMPARE(info.crc(), std::optional<bool>(true));
        QCOMPARE(info.find(Kind::TA, 4)->meaning, Meaning::Undefined); // a second T=1 TA
        QCOMPARE(info.historical.bytes.size(), 15);
        QCOMPARE(info.tckValid, std::optional<bool>(true));
    }

    void invalidTs()
    {
        // A memory card's answer: still read as if it were an ATR.
        const AtrInfo info = AtrParser::parseHex(QStringLiteral("A2 13 10 91"));
        QCOMPARE(info.convention, AtrConvention::Invalid);
        QVERIFY(codes(info).contains(Code::InvalidTs));
        QCOMPARE(issue(info, Code::InvalidTs)->actual, 0xA2);
        QVERIFY(!info.valid());
    }

    void warnings()
    {
        // TD1 announces T=15; T=1 after T=15 is out of order (TCK correct).
        AtrInfo info = AtrParser::parseHex(QStringLiteral("3B 80 8F 01 0E"));
        QCOMPARE(codes(info), (QList<Code>{Code::T15InTd1, Code::ProtocolsNotAscending}));
        QVERIFY(info.valid()); // warnings only
        QCOMPARE(info.protocols, QList<int>{1});
        // Only T=15 offered: T=0 by default, but a TCK is due.
        info = AtrParser::parseHex(QStringLiteral("3B 80 0F 8F"));
        QCOMPARE(codes(info), QList<Code>{Code::T15InTd1});
        QCOMPARE(info.protocols, QList<int>{0});
        QVERIFY(info.tckExpected);
        QCOMPARE(info.tckValid, std::optional<bool>(true));
        // RFU Fi and Di.
        info = AtrParser::parseHex(QStringLiteral("3B 10 7A"));
        QCOMPARE(codes(info), (QList<Code>{Code::RfuFi, Code::RfuDi}));
        QCOMPARE(info.fi(), 0);
        QCOMPARE(info.di(), 0);
        QCOMPARE(info.bitRate(AtrInfo::kDefaultClockHz), qint64(0));
        // IFSC 00 and BWI 10 are reserved.
        info = AtrParser::parseHex(QStringLiteral("3B 80 81 31 00 A5 95"));
        QCOMPARE(codes(info), (QList<Code>{Code::RfuIfsc, Code::RfuBwi}));
    }

    void everyPrefixIsSafe()
    {
        // Every prefix of a long ATR is analysed without a crash and reported invalid.
        const QByteArray atr = QByteArray::fromHex("3BDA18FF81B1FE751F030031F573C78A40009000B0");
        for (int n = 0; n < atr.size(); ++n) {
            const AtrInfo info = AtrParser::parse(atr.left(n));
            QVERIFY2(!info.valid(), qPrintable(QString::number(n)));
        }
    }
};

QTEST_GUILESS_MAIN(TestAtrParser)
#include "tst_atrparser.moc"
