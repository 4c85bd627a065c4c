// PinManager against the simulated PIV card through the real pcscd and OpenSC:
// the counters equal the simulator's at every step, a change is proved by
// signing with pkcs11-tool (the real peer) with the new PIN and failing with
// the old one, three wrong PINs lock, the PUK unblocks, a wrong PUK costs
// exactly one PUK try, and nothing is sent without a confirmed final try or
// for a new PIN that breaks the rules.

#include "ModuleOptions.h"
#include "PeerProcess.h"
#include "PivPeers.h"
#include "ScriptedPinPrompter.h"
#include "SimCard.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/PinManager.h"

#include <QTest>

using namespace tokendesk;

namespace {
const QString kPin = QStringLiteral("123456");
const QString kNewPin = QStringLiteral("24681357");
const QString kWrongPin = QStringLiteral("111111");
const QString kPuk = QStringLiteral("12345678");
const QString kNewPuk = QStringLiteral("87654321");
const QString kWrongPuk = QStringLiteral("00000000");

ModuleRegistry::Options openscOnly()
{
    return testmodules::openscOnly();
}

int pukTriesLeft(const SimCard& card)
{
    return card.info().value(QStringLiteral("puk_tries_left")).toInt(-1);
}
} // namespace

class TestPinManagerPiv : public QObject
{
    Q_OBJECT

    // A new card (new state: PIN 123456, PUK 12345678, 3 tries each) for every test.
    std::unique_ptr<SimCard> m_sim;
    std::unique_ptr<ModuleRegistry> m_registry;
    SimCard& card() { return *m_sim; }

    PinManager manager()
    {
        const TokenScan scan = m_registry->scan();
        if (scan.tokens.size() != 1) {
            qFatal("expected the simulated card's token, found %d", int(scan.tokens.size()));
        }
        return PinManager(Pkcs11Token(m_registry->loaded().front(), scan.tokens.constFirst()));
    }

private Q_SLOTS:
    void init()
    {
        m_sim = std::make_unique<SimCard>();
        card().setReaderIndex(0);
        QVERIFY2(card().start(), qPrintable(card().errorString()));
        m_registry = std::make_unique<ModuleRegistry>(openscOnly());
    }
    void cleanup()
    {
        m_registry.reset();
        QVERIFY(card().stop());
        m_sim.reset();
    }

    void statusCountsTheCardsTries()
    {
        const auto status = manager().status();
        QVERIFY(status);
        QVERIFY(status.value().piv);
        QCOMPARE(status.value().user.triesLeft, 3);
        QCOMPARE(status.value().minLength, 6);
        QCOMPARE(status.value().maxLength, 8);
        QVERIFY(!status.value().user.locked());
        QCOMPARE(card().pinTriesLeft(), 3);
    }

    void changePinThenSignWithNewNotOld()
    {
        ScriptedPinPrompter prompter({kPin, kNewPin});
        const auto changed = manager().changePin(prompter);
        QVERIFY2(changed, changed ? "" : qPrintable(changed.error().pkcs11 ? changed.error().pkcs11->codeName() : ""));
        QCOMPARE(prompter.requests.size(), 2);
        QCOMPARE(prompter.requests.at(0).secret, PinRequest::Secret::UserPin);
        QCOMPARE(prompter.requests.at(0).triesLeft, 3);
        QCOMPARE(prompter.requests.at(1).secret, PinRequest::Secret::NewUserPin);
        // The new PIN was verified by the change: the card says so, not a count.
        QVERIFY(changed.value().user.verified);
        QVERIFY(!changed.value().user.locked());

        QVERIFY(pivpeers::signsWith(kNewPin));
        QVERIFY(!pivpeers::signsWith(kPin));
        QCOMPARE(card().pinTriesLeft(), 2); // the old PIN's failure, as the status says
        QCOMPARE(manager().status().value().user.triesLeft, 2);
    }

    void wrongPinsLockWithTheCountAtEveryStep()
    {
        for (int left = 2; left >= 0; --left) {
            const bool finalTry = left == 0;
            ScriptedPinPrompter prompter({kWrongPin, kNewPin});
            const auto result = manager().changePin(prompter);
            QVERIFY(!result);
            QCOMPARE(result.error().kind, PinError::Kind::WrongSecret);
            QCOMPARE(result.error().triesLeft, left);
            QCOMPARE(card().pinTriesLeft(), left);
            // The last try was asked for as such.
            QCOMPARE(prompter.requests.constFirst().finalTry, finalTry);
            QCOMPARE(prompter.requests.constFirst().triesLeft, left + 1);
        }
        const auto status = manager().status();
        QVERIFY(status);
        QVERIFY(status.value().user.locked());
        QCOMPARE(status.value().user.triesLeft, 0);
        QVERIFY(status.value().token.userPin.locked);

        // Locked: the change is refused before any prompt; the unblock flow is next.
        ScriptedPinPrompter none({kPin, kNewPin});
        const auto locked = manager().changePin(none);
        QVERIFY(!locked);
        QCOMPARE(locked.error().kind, PinError::Kind::PinLocked);
        QVERIFY(none.requests.isEmpty());

        // A wrong PUK costs exactly one PUK try, and says how many are left.
        const int resetsBefore = card().apduCount(0x2C);
        ScriptedPinPrompter wrongPuk({kWrongPuk, kNewPin});
        const auto wrong = manager().unblockPin(wrongPuk);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind, PinError::Kind::WrongSecret);
        QVERIFY(wrong.error().soPin);
        QCOMPARE(wrong.error().triesLeft, 2);
        QCOMPARE(pukTriesLeft(card()), 2);
        QCOMPARE(card().apduCount(0x2C), resetsBefore + 1);
        QCOMPARE(card().pinTriesLeft(), 0);

        ScriptedPinPrompter rightPuk({kPuk, kNewPin});
        const auto unblocked = manager().unblockPin(rightPuk);
        QVERIFY(unblocked);
        QCOMPARE(unblocked.value().user.triesLeft, 3);
        QCOMPARE(card().pinTriesLeft(), 3);
        QCOMPARE(pukTriesLeft(card()), 3);
        QVERIFY(pivpeers::signsWith(kNewPin));
    }

    void finalTryNeedsConfirmation()
    {
        for (int i = 0; i < 2; ++i) {
            ScriptedPinPrompter prompter({kWrongPin, kNewPin});
            QVERIFY(!manager().changePin(prompter));
            QVERIFY(prompter.finalTryConfirmations.isEmpty()); // not the last try yet: nothing to confirm
        }
        QCOMPARE(card().pinTriesLeft(), 1);
        const int changesBefore = card().apduCount(0x24); // CHANGE REFERENCE DATA

        // This prompter would type the (wrong) PIN without a word: PinManager must ask for the
        // final try itself, and send nothing when it is refused.
        ScriptedPinPrompter refusing({kWrongPin, kNewPin}, /*confirmFinalTry=*/false);
        const auto result = manager().changePin(refusing);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, PinError::Kind::Cancelled);
        QCOMPARE(refusing.finalTryConfirmations.size(), 1);
        const PinRequest asked = refusing.finalTryConfirmations.constFirst();
        QVERIFY(asked.finalTry);
        QCOMPARE(asked.triesLeft, 1);
        QCOMPARE(asked.secret, PinRequest::Secret::UserPin);
        QCOMPARE(asked.purpose, PinRequest::Purpose::ChangePin);
        QVERIFY(refusing.requests.isEmpty()); // confirmed first, then typed: not even asked for the PIN
        QCOMPARE(card().pinTriesLeft(), 1);
        QCOMPARE(card().apduCount(0x24), changesBefore);
        QVERIFY(pivpeers::signsWith(kPin)); // unchanged (and the counter back to 3)

        // Agreed on the final try: asked once, sent, and the right PIN changes it.
        QVERIFY(pivpeers::spendPinTry());
        QVERIFY(pivpeers::spendPinTry());
        QCOMPARE(card().pinTriesLeft(), 1);
        ScriptedPinPrompter agreeing({kPin, kNewPin});
        const auto changed = manager().changePin(agreeing);
        QVERIFY(changed);
        QCOMPARE(agreeing.finalTryConfirmations.size(), 1);
        QCOMPARE(agreeing.finalTryConfirmations.constFirst().triesLeft, 1);
        QCOMPARE(card().apduCount(0x24), changesBefore + 1);
        QVERIFY(pivpeers::signsWith(kNewPin));
    }

    void newPinRulesAreCheckedBeforeSending_data()
    {
        QTest::addColumn<QString>("newPin");
        QTest::addColumn<int>("rule");
        QTest::newRow("letters") << QStringLiteral("12ab56") << int(PinError::Rule::NotDigits);
        QTest::newRow("short") << QStringLiteral("12345") << int(PinError::Rule::TooShort);
        QTest::newRow("long") << QStringLiteral("123456789") << int(PinError::Rule::TooLong);
        QTest::newRow("same") << kPin << int(PinError::Rule::SameAsOld);
    }
    void newPinRulesAreCheckedBeforeSending()
    {
        QFETCH(QString, newPin);
        QFETCH(int, rule);
        ScriptedPinPrompter prompter({kPin, newPin});
        const auto result = manager().changePin(prompter);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, PinError::Kind::RuleViolation);
        QCOMPARE(int(result.error().rule), rule);
        QCOMPARE(card().pinTriesLeft(), 3);
        QVERIFY(pivpeers::signsWith(kPin)); // unchanged
    }

    void cancelSendsNothing()
    {
        ScriptedPinPrompter prompter({});
        const auto result = manager().changePin(prompter);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, PinError::Kind::Cancelled);
        QCOMPARE(card().pinTriesLeft(), 3);
    }

    void changePukThenUnblockWithIt()
    {
        ScriptedPinPrompter change({kPuk, kNewPuk});
        const auto changed = manager().changeSoPin(change);
        QVERIFY(changed);
        QCOMPARE(change.requests.at(0).secret, PinRequest::Secret::SoPin);
        QCOMPARE(change.requests.at(1).secret, PinRequest::Secret::NewSoPin);

        // The old PUK is wrong now (one PUK try), the new one unblocks.
        ScriptedPinPrompter old({kPuk, kNewPin});
        const auto wrong = manager().unblockPin(old);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind, PinError::Kind::WrongSecret);
        QCOMPARE(pukTriesLeft(card()), 2);
        ScriptedPinPrompter right({kNewPuk, kNewPin});
        QVERIFY(manager().unblockPin(right));
        QVERIFY(pivpeers::signsWith(kNewPin));
    }
};

QTEST_GUILESS_MAIN(TestPinManagerPiv)
#include "tst_pinmanager_piv.moc"
