// CardChannel and readCardDetails through the real pcscd and the simulated card:
// details are read without disturbing another program's session, a reset by
// another program is survived, a removal is reported.

#include "SimCard.h"
#include "backend/pcsc/CardChannel.h"
#include "backend/pcsc/CardDetails.h"

#include <QTest>
#include <winscard.h>

using namespace tokendesk;

namespace {
const QByteArray kVerifyStatus = QByteArray::fromHex("0020008000");
// The simulator's default PIN 123456, padded with FF as PIV wants.
const QByteArray kVerify = QByteArray::fromHex("0020008008313233343536FFFF");
const QByteArray kSelectPiv = QByteArray::fromHex("00A4040009A00000030800001000");

QByteArray sw(const QByteArray& response)
{
    return response.right(2);
}

/// A channel to `card` (started in reader 0) with PIV selected and, unless told not to, the PIN verified.
CardChannel openVerified(SimCard& card, const PcscContext& context, bool verify = true)
{
    card.setReaderIndex(0);
    if (!card.start()) {
        qFatal("simulator: %s", qPrintable(card.errorString()));
    }
    auto channel = CardChannel::open(context, card.readerName(), CardChannel::Mode::Shared);
    if (!channel || sw(channel.value().transmit(kSelectPiv).valueOr({})) != QByteArray::fromHex("9000")) {
        qFatal("cannot select PIV");
    }
    if (verify && sw(channel.value().transmit(kVerify, CardChannel::Trace::RedactData).valueOr({})) !=
                      QByteArray::fromHex("9000")) {
        qFatal("cannot verify the PIN");
    }
    return std::move(channel).value();
}
} // namespace

class TestCardChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detailsWithAndWithoutCard()
    {
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        const auto with = readCardDetails(card.readerName());
        QVERIFY(with.ok());
        QCOMPARE(with.value().atr, card.atr());
        QCOMPARE(with.value().protocol, CardChannel::Protocol::T1); // what pcscd negotiated with the simulator
        // vpcd has no part 10 features: reported as unsupported, not as an error.
        QVERIFY(!with.value().featuresSupported);
        QVERIFY(!with.value().features.hasPinpad());

        const auto without = readCardDetails(SimCard::readerName(1));
        QVERIFY(without.ok());
        QVERIFY(without.value().atr.isEmpty());
        QCOMPARE(without.value().protocol, CardChannel::Protocol::None);

        const auto unknown = readCardDetails(QStringLiteral("No Such Reader 00 00"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind(), PcscError::Kind::UnknownReader);
    }

    void detailsLeaveAnotherSessionAlone()
    {
        // Another program's session: PIV selected and the PIN verified.
        SimCard card;
        auto context = PcscContext::establish();
        QVERIFY(context.ok());
        CardChannel other = openVerified(card, context.value());

        for (int i = 0; i < 3; ++i) {
            QVERIFY(readCardDetails(card.readerName()).ok());
        }
        // Still verified: nothing reset the card under the other session.
        QCOMPARE(sw(other.transmit(kVerifyStatus).value()), QByteArray::fromHex("9000"));
    }

    void resetByAnotherProgramIsSurvived()
    {
        SimCard card;
        auto context = PcscContext::establish();
        QVERIFY(context.ok());
        CardChannel ours = openVerified(card, context.value());

        // Another program resets the card (raw pcsc-lite, as any other program would).
        SCARDCONTEXT ctx = 0;
        QCOMPARE(SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx), SCARD_S_SUCCESS);
        SCARDHANDLE handle = 0;
        DWORD protocol = 0;
        QCOMPARE(SCardConnect(ctx, card.readerName().toUtf8().constData(), SCARD_SHARE_SHARED,
                              SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &handle, &protocol),
                 SCARD_S_SUCCESS);
        QCOMPARE(SCardDisconnect(handle, SCARD_RESET_CARD), SCARD_S_SUCCESS);
        SCardReleaseContext(ctx);

        // Same card: our channel reconnects by itself; the card forgot the PIN and the selection.
        const auto afterReset = ours.transmit(kVerifyStatus);
        QVERIFY(afterReset.ok());
        QVERIFY(sw(afterReset.value()) != QByteArray::fromHex("9000"));
    }

    void removalIsAnError()
    {
        SimCard card;
        auto context = PcscContext::establish();
        QVERIFY(context.ok());
        CardChannel ours = openVerified(card, context.value(), false);

        QVERIFY2(card.remove(), qPrintable(card.errorString()));
        const auto removed = ours.transmit(kSelectPiv);
        QVERIFY(!removed.ok());
        QCOMPARE(removed.error().kind(), PcscError::Kind::RemovedCard);

        // Back in: maybe another card, so the old channel stays invalid; a new one works.
        QVERIFY2(card.insert(), qPrintable(card.errorString()));
        QVERIFY(!ours.transmit(kSelectPiv).ok());
        auto fresh = CardChannel::open(context.value(), card.readerName(), CardChannel::Mode::Shared);
        QVERIFY(fresh.ok());
        QCOMPARE(sw(fresh.value().transmit(kSelectPiv).value()), QByteArray::fromHex("9000"));
    }
};

QTEST_GUILESS_MAIN(TestCardChannel)
#include "tst_cardchannel.moc"
