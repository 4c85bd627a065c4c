// ReaderFeatures: PC/SC part 10 answers. No pinpad reader can be simulated
// here (vpcd has no part 10 support), so these are the answers a CCID pinpad
// reader gives, written down as a fake.

#include "backend/pcsc/ReaderFeatures.h"

#include <QTest>

using namespace tokendesk;

namespace {
// What libccid answers to CM_IOCTL_GET_FEATURE_REQUEST for a pinpad reader
// (control codes SCARD_CTL_CODE(0x330000 + feature)).
const QByteArray kFakePinpadFeatures = QByteArray::fromHex("06 04 42 33 00 06"
                                                           "07 04 42 33 00 07"
                                                           "0A 04 42 33 00 0A"
                                                           "12 04 42 33 00 12");
// Its FEATURE_GET_TLV_PROPERTIES answer: LCD 2x16, PIN 4..8, firmware "FW1.2", vendor 0x046A.
const QByteArray kFakePinpadProperties =
    QByteArray::fromHex("01 02 10 02"          // wLcdLayout 0x0210
                        "02 01 02"             // bEntryValidationCondition
                        "03 01 00"             // bTimeOut2
                        "06 01 04"             // bMinPINSize
                        "07 01 08"             // bMaxPINSize
                        "08 05 46 57 31 2E 32" // sFirmwareID
                        "0A 04 00 00 01 00"    // dwMaxAPDUDataSize 65536, little-endian
                        "0B 02 6A 04"          // wIdVendor
                        "7F 01 99");           // unknown tag
} // namespace

class TestReaderFeatures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fakePinpadReader()
    {
        ReaderFeatures f;
        QVERIFY(f.parseFeatureRequest(kFakePinpadFeatures));
        QVERIFY(f.hasPinpad());
        QVERIFY(f.has(ReaderFeatures::VerifyPinDirect));
        QVERIFY(f.has(ReaderFeatures::ModifyPinDirect));
        QVERIFY(!f.has(ReaderFeatures::WriteDisplay));
        QCOMPARE(*f.controlCode(ReaderFeatures::VerifyPinDirect), 0x42330006u);
        QCOMPARE(*f.controlCode(ReaderFeatures::GetTlvProperties), 0x42330012u);
        QVERIFY(!f.controlCode(ReaderFeatures::Abort).has_value());

        QVERIFY(f.parseTlvProperties(kFakePinpadProperties));
        QCOMPARE(f.properties.value(QStringLiteral("wLcdLayout")).toUInt(), 0x0210u);
        QCOMPARE(f.properties.value(QStringLiteral("bMinPINSize")).toUInt(), 4u);
        QCOMPARE(f.properties.value(QStringLiteral("bMaxPINSize")).toUInt(), 8u);
        QCOMPARE(f.properties.value(QStringLiteral("sFirmwareID")).toString(), QStringLiteral("FW1.2"));
        QCOMPARE(f.properties.value(QStringLiteral("dwMaxAPDUDataSize")).toUInt(), 65536u);
        QCOMPARE(f.properties.value(QStringLiteral("wIdVendor")).toUInt(), 0x046Au);
        QCOMPARE(f.properties.value(QStringLiteral("tag_0x7f")).toByteArray(), QByteArray::fromHex("99"));
    }

    void readerWithoutPinpad()
    {
        ReaderFeatures f;
        QVERIFY(f.parseFeatureRequest(QByteArray::fromHex("12 04 42 33 00 12")));
        QVERIFY(!f.hasPinpad());
        QVERIFY(f.parseFeatureRequest(QByteArray()));
    }

    void malformedAnswers_data()
    {
        QTest::addColumn<QByteArray>("features");
        QTest::addColumn<QByteArray>("properties");
        QTest::newRow("truncated value") << QByteArray::fromHex("06 04 42 33") << QByteArray::fromHex("06 02 04");
        QTest::newRow("wrong length") << QByteArray::fromHex("06 02 42 33") << QByteArray::fromHex("06 03 01 02 03");
        QTest::newRow("lone tag") << QByteArray::fromHex("06") << QByteArray::fromHex("06");
    }
    void malformedAnswers()
    {
        QFETCH(QByteArray, features);
        QFETCH(QByteArray, properties);
        ReaderFeatures f;
        QVERIFY(!f.parseFeatureRequest(features));
        QVERIFY(!f.parseTlvProperties(properties));
        QVERIFY(!f.hasPinpad());
    }

    void names()
    {
        QCOMPARE(ReaderFeatures::featureName(0x06), QStringLiteral("FEATURE_VERIFY_PIN_DIRECT"));
        QCOMPARE(ReaderFeatures::featureName(0x20), QStringLiteral("FEATURE_EXECUTE_PACE"));
        QCOMPARE(ReaderFeatures::featureName(0x55), QStringLiteral("FEATURE_0x55"));
    }
};

QTEST_GUILESS_MAIN(TestReaderFeatures)
#include "tst_readerfeatures.moc"
