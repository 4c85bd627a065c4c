// PivCard::readPinStatus through the real pcscd and the simulated PIV card:
// the tries left equal the simulator's counter at every step (wrong PINs made
// by OpenSC's pkcs11-tool, the real peer), reading them never spends a try, and
// another program's verified PIN stays verified.

#include "PeerProcess.h"
#include "SimCard.h"
#include "backend/pcsc/CardChannel.h"
#include "backend/pcsc/PcscContext.h"
#include "backend/piv/PivCard.h"

#include <QProcessEnvironment>
#include <QTest>

using namespace tokendesk;

namespace {
const QString kWrongPin = QStringLiteral("111111");
const QString kPuk = QStringLiteral("12345678");
const QString kNewPin = QStringLiteral("123456");
// The simulator's default PIN 123456, padded with FF as PIV wants.
const QByteArray kVerify = QByteArray::fromHex("0020008008313233343536FFFF");
const QByteArray kSelectPiv = QByteArray::fromHex("00A4040009A00000030800001000");
// GET DATA of the printed information (5FC109): 69 82 until the PIN is verified, then 6A 82 (not on this card).
const QByteArray kGetPrintedInfo = QByteArray::fromHex("00CB3FFF055C035FC10900");

PeerResult pkcs11Tool(const QStringList& args, const QList<QPair<QString, QString>>& secrets)
{
    QProcessEnvironment env;
    for (const auto& [name, value] : secrets) {
        env.insert(name, value);
    }
    return PeerProcess::run(QStringLiteral("pkcs11-tool"),
                            QStringList{QStringLiteral("--module"), PeerProcess::pkcs11Module()} + args, {}, env);
}

PivPinStatus readStatus(const PcscContext& context, const QString& reader)
{
    const auto status = PivCard::readPinStatus(context, reader);
    if (!status) {
        qFatal("readPinStatus failed: kind %d, sw %04x", int(status.error().kind), status.error().sw);
    }
    return status.value();
}
} // namespace

class TestPivCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusWords_data()
    {
        QTest::addColumn<int>("sw");
        QTest::addColumn<bool>("defined");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("tries");
        QTest::newRow("9000") << 0x9000 << true << int(PivPinStatus::State::Verified) << -1;
        QTest::newRow("63C3") << 0x63C3 << true << int(PivPinStatus::State::TriesLeft) << 3;
        QTest::newRow("63CF") << 0x63CF << true << int(PivPinStatus::State::TriesLeft) << 15;
        QTest::newRow("63C0") << 0x63C0 << true << int(PivPinStatus::State::Blocked) << 0;
        QTest::newRow("6983") << 0x6983 << true << int(PivPinStatus::State::Blocked) << 0;
        QTest::newRow("6D00") << 0x6D00 << false << 0 << 0;
        QTest::newRow("6A86") << 0x6A86 << false << 0 << 0;
        QTest::newRow("6300") << 0x6300 << false << 0 << 0;
    }
    void statusWords()
    {
        QFETCH(int, sw);
        QFETCH(bool, defined);
        QFETCH(int, state);
        QFETCH(int, tries);
        const auto status = PivCard::statusFromSw(quint16(sw));
        QCOMPARE(status.has_value(), defined);
        if (defined) {
            QCOMPARE(int(status->state), state);
            QCOMPARE(status->triesLeft, tries);
        }
    }

    void countsFollowTheCard()
    {
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        auto context = PcscContext::establish();
        QVERIFY(context);

        QCOMPARE(readStatus(context.value(), card.readerName()), (PivPinStatus{PivPinStatus::State::TriesLeft, 3}));
        // Reading spends nothing, however often.
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(readStatus(context.value(), card.readerName()).triesLeft, 3);
        }
        QCOMPARE(card.pinTriesLeft(), 3);

        for (int expected = 2; expected >= 0; --expected) {
            const PeerResult wrong = pkcs11Tool({QStringLiteral("--login"), QStringLiteral("--pin"),
                                                 QStringLiteral("env:TD_PIN"), QStringLiteral("--list-objects")},
                                                {{QStringLiteral("TD_PIN"), kWrongPin}});
            QVERIFY2(!wrong.ok(), wrong.describe().constData());
            QCOMPARE(card.pinTriesLeft(), expected);
            const PivPinStatus status = readStatus(context.value(), card.readerName());
            QCOMPARE(status.triesLeft, expected);
            QCOMPARE(status.state, expected == 0 ? PivPinStatus::State::Blocked : PivPinStatus::State::TriesLeft);
            QCOMPARE(card.pinTriesLeft(), expected);
        }

        // The PUK unblocks it (through OpenSC), and the counter is full again.
        const PeerResult unblock =
            pkcs11Tool({QStringLiteral("--unlock-pin"), QStringLiteral("--puk"), QStringLiteral("env:TD_PUK"),
                        QStringLiteral("--new-pin"), QStringLiteral("env:TD_NEW")},
                       {{QStringLiteral("TD_PUK"), kPuk}, {QStringLiteral("TD_NEW"), kNewPin}});
        QVERIFY2(unblock.ok(), unblock.describe().constData());
        QCOMPARE(card.pinTriesLeft(), 3);
        QCOMPARE(readStatus(context.value(), card.readerName()), (PivPinStatus{PivPinStatus::State::TriesLeft, 3}));
    }

    void anotherProgramsVerifiedPinStaysVerified()
    {
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        // "Another program": its own context and connection, PIN verified.
        auto otherContext = PcscContext::establish();
        QVERIFY(otherContext);
        auto other = CardChannel::open(otherContext.value(), card.readerName(), CardChannel::Mode::Shared);
        QVERIFY(other);
        QCOMPARE(other.value().transmit(kSelectPiv).valueOr({}).right(2), QByteArray::fromHex("9000"));
        QCOMPARE(other.value().transmit(kGetPrintedInfo).valueOr({}).right(2), QByteArray::fromHex("6982"));
        QCOMPARE(other.value().transmit(kVerify, CardChannel::Trace::RedactData).valueOr({}).right(2),
                 QByteArray::fromHex("9000"));

        auto context = PcscContext::establish();
        QVERIFY(context);
        QCOMPARE(readStatus(context.value(), card.readerName()).state, PivPinStatus::State::Verified);
        // The other program is still verified: the protected object is now merely absent.
        QCOMPARE(other.value().transmit(kGetPrintedInfo).valueOr({}).right(2), QByteArray::fromHex("6A82"));
        QCOMPARE(card.pinTriesLeft(), 3);
    }

    void removedCardIsAnError()
    {
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        QVERIFY(card.remove());
        auto context = PcscContext::establish();
        QVERIFY(context);
        const auto status = PivCard::readPinStatus(context.value(), card.readerName());
        QVERIFY(!status);
        QCOMPARE(status.error().kind, PivError::Kind::Pcsc);
        QVERIFY(status.error().pcsc.has_value());
        QVERIFY2(status.error().pcsc->kind() == PcscError::Kind::NoCard ||
                     status.error().pcsc->kind() == PcscError::Kind::RemovedCard,
                 qPrintable(status.error().pcsc->codeName()));
    }
};

QTEST_GUILESS_MAIN(TestPivCard)
#include "tst_pivcard.moc"
