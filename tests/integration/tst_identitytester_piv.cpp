// IdentityTester ("Test this identity") through OpenSC with the simulated PIV card:
// 9A RSA-2048 and 9C P-256 (PIN-always: the context-specific login with the same PIN), a
// wrong PIN (the card's counter down by exactly one), a cancelled prompt (no VERIFY with a
// PIN at all), the final try announced, and the card pulled in the middle of the
// signature (remove-on-ins 87) with a bounded wait, then a test that passes after
// reinsertion.
//
// OpenSC 0.23 can deadlock for good when a PIV card is pulled while it talks to the card
// (see Pkcs11Token::checkPresent): every wait here is bounded, and a hang fails the test
// with what it saw instead of hanging CTest.

#include "ModuleOptions.h"
#include "PeerProcess.h"
#include "RecordingPinPrompter.h"
#include "SimCard.h"
#include "backend/pkcs11/IdentityTester.h"
#include "backend/pkcs11/ModuleRegistry.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <chrono>
#include <cstdio>
#include <future>
#include <thread>

using namespace tokendesk;

namespace {

const QByteArray kPin = QByteArrayLiteral("123456"); // the simulator's default
const QByteArray kWrongPin = QByteArrayLiteral("654321");
constexpr int kVerifyIns = 0x20;

ModuleRegistry::Options openscOnly()
{
    return testmodules::openscOnly();
}

QString describe(const Result<IdentityTestResult, Pkcs11Error>& r)
{
    if (r) {
        return QStringLiteral("%1 verified=%2 %3")
            .arg(r.value().mechanism)
            .arg(r.value().verified)
            .arg(r.value().verifyError);
    }
    return r.error().function + QLatin1Char(' ') + r.error().codeName() + QLatin1Char(' ') + r.error().detail;
}

/// Runs the test on a thread of its own and waits at most `timeoutMs`. A hang (the OpenSC
/// deadlock) cannot be undone from here: the test reports it and ends the process.
Result<IdentityTestResult, Pkcs11Error> bounded(const Pkcs11Token& token, const CertificateEntry& identity,
                                                PinPrompter& prompter, int timeoutMs)
{
    auto task = std::make_shared<std::packaged_task<Result<IdentityTestResult, Pkcs11Error>()>>(
        [token, identity, &prompter] { return IdentityTester::test(token, identity, prompter); });
    auto future = task->get_future();
    std::thread worker([task] { (*task)(); });
    if (future.wait_for(std::chrono::milliseconds(timeoutMs)) != std::future_status::ready) {
        worker.detach();
        std::fprintf(stderr, "FAIL: IdentityTester::test did not return within %d ms (OpenSC deadlock?)\n", timeoutMs);
        std::fflush(stderr);
        std::_Exit(3); // C_Finalize would hang too
    }
    worker.join();
    return future.get();
}

} // namespace

class TestIdentityTesterPiv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rsaAndPinAlwaysEcVerify();
    void wrongPinCostsExactlyOneTry();
    void cancelledPromptSendsNoPin();
    void finalTryIsAnnounced();
    void cardPulledMidSignature_data();
    void cardPulledMidSignature();

private:
    Pkcs11Token token() const;
    CertificateEntry entry(const QByteArray& id) const;

    std::unique_ptr<SimCard> m_card;
    std::unique_ptr<ModuleRegistry> m_registry;
};

void TestIdentityTesterPiv::initTestCase()
{
    QVERIFY2(QFile::exists(SimCard::simulatorPath()), "TOKENDESK_SIMCARD must name tokendesk-simcard");
    for (const char* var : {"PCSCLITE_CSOCK_NAME", "TOKENDESK_VPCD_PORT", "OPENSC_CONF"}) {
        QVERIFY2(qEnvironmentVariableIsSet(var), var);
    }
    QVERIFY(QFile::exists(PeerProcess::pkcs11Module()));
    for (int reader : {0, 1}) {
        QString error;
        QVERIFY2(SimCard::waitForCardPresent(reader, false, 5000, &error), qPrintable(error));
    }
}

void TestIdentityTesterPiv::init()
{
    m_card = std::make_unique<SimCard>(); // 9a=rsa2048, 9c=p256, PIN 123456, 3 tries
    QVERIFY2(m_card->start(), qPrintable(m_card->errorString()));
    m_registry = std::make_unique<ModuleRegistry>(openscOnly());
    QCOMPARE(m_registry->scan().tokens.size(), 1);
}

void TestIdentityTesterPiv::cleanup()
{
    m_registry.reset();
    if (m_card) {
        m_card->stop();
    }
    m_card.reset();
}

Pkcs11Token TestIdentityTesterPiv::token() const
{
    const TokenScan scan = m_registry->scan();
    if (scan.tokens.size() != 1) {
        qFatal("expected the simulated card's token, found %d", int(scan.tokens.size()));
    }
    return Pkcs11Token(m_registry->loaded().front(), scan.tokens.constFirst());
}

CertificateEntry TestIdentityTesterPiv::entry(const QByteArray& id) const
{
    ObjectQuery query;
    query.classes = {ObjectInfo::Class::Certificate};
    query.id = id;
    const auto objects = token().objects(query);
    CertificateEntry e;
    if (objects && objects.value().size() == 1) {
        e.object = objects.value().constFirst();
    }
    return e;
}

void TestIdentityTesterPiv::rsaAndPinAlwaysEcVerify()
{
    // OpenSC's ids: 01 is slot 9A, 02 slot 9C.
    const CertificateEntry rsa = entry(QByteArrayLiteral("\x01"));
    const CertificateEntry ec = entry(QByteArrayLiteral("\x02"));
    QCOMPARE(QCryptographicHash::hash(rsa.object.value, QCryptographicHash::Sha256).toHex(), m_card->certSha256("9a"));
    QCOMPARE(QCryptographicHash::hash(ec.object.value, QCryptographicHash::Sha256).toHex(), m_card->certSha256("9c"));

    RecordingPinPrompter prompter(kPin);
    const auto signedRsa = bounded(token(), rsa, prompter, 60000);
    QVERIFY2(signedRsa, qPrintable(describe(signedRsa)));
    QVERIFY2(signedRsa.value().verified, qPrintable(signedRsa.value().verifyError));
    QCOMPARE(signedRsa.value().signatureLength, 256);
    QVERIFY(!signedRsa.value().contextLogin);
    QCOMPARE(prompter.asked(), 1);
    qInfo("9A: %s in %lld ms", qPrintable(signedRsa.value().mechanism), signedRsa.value().elapsedMs);

    const int verifiesBefore = m_card->apduCount(kVerifyIns);
    RecordingPinPrompter second(kPin);
    const auto signedEc = bounded(token(), ec, second, 60000);
    QVERIFY2(signedEc, qPrintable(describe(signedEc)));
    QVERIFY2(signedEc.value().verified, qPrintable(signedEc.value().verifyError));
    QCOMPARE(signedEc.value().signatureLength, 64);
    QVERIFY(signedEc.value().contextLogin); // 9C is PIN-always
    QCOMPARE(second.asked(), 1);            // the same secret for both logins
    qInfo("9C: %s in %lld ms, %d VERIFY APDUs", qPrintable(signedEc.value().mechanism), signedEc.value().elapsedMs,
          m_card->apduCount(kVerifyIns) - verifiesBefore);
    QCOMPARE(m_card->pinTriesLeft(), 3);
}

void TestIdentityTesterPiv::wrongPinCostsExactlyOneTry()
{
    QCOMPARE(m_card->pinTriesLeft(), 3);
    RecordingPinPrompter prompter(kWrongPin);
    const auto result = bounded(token(), entry(QByteArrayLiteral("\x01")), prompter, 60000);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Pkcs11Error::Kind::PinIncorrect);
    QCOMPARE(prompter.asked(), 1);
    QCOMPARE(m_card->pinTriesLeft(), 2); // one wrong VERIFY, not two

    RecordingPinPrompter right(kPin);
    const auto again = bounded(token(), entry(QByteArrayLiteral("\x01")), right, 60000);
    QVERIFY2(again && again.value().verified, qPrintable(describe(again)));
    QCOMPARE(m_card->pinTriesLeft(), 3);
}

void TestIdentityTesterPiv::cancelledPromptSendsNoPin()
{
    const CertificateEntry identity = entry(QByteArrayLiteral("\x02"));
    const int verifiesBefore = m_card->apduCount(kVerifyIns);
    QVERIFY(verifiesBefore >= 0);
    RecordingPinPrompter cancels;
    const auto result = bounded(token(), identity, cancels, 60000);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Pkcs11Error::Kind::Cancelled);
    QCOMPARE(cancels.asked(), 1);
    QCOMPARE(m_card->pinTriesLeft(), 3);
    // OpenSC may ask the PIN state (VERIFY without data) in C_GetTokenInfo; a C_Login would be one more.
    const int verifies = m_card->apduCount(kVerifyIns) - verifiesBefore;
    qInfo("VERIFY APDUs during a cancelled test: %d", verifies);
    RecordingPinPrompter wrong(kWrongPin);
    const int beforeWrong = m_card->apduCount(kVerifyIns);
    QVERIFY(!bounded(token(), identity, wrong, 60000));
    QVERIFY2(m_card->apduCount(kVerifyIns) - beforeWrong > verifies,
             "a test that sent a PIN made no more VERIFYs than the cancelled one");
}

void TestIdentityTesterPiv::finalTryIsAnnounced()
{
    const CertificateEntry identity = entry(QByteArrayLiteral("\x01"));
    for (int i = 0; i < 2; ++i) {
        RecordingPinPrompter wrong(kWrongPin);
        const auto result = bounded(token(), identity, wrong, 60000);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Pkcs11Error::Kind::PinIncorrect);
    }
    QCOMPARE(m_card->pinTriesLeft(), 1);
    RecordingPinPrompter cautious; // sees the warning, cancels
    const auto result = bounded(token(), identity, cautious, 60000);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Pkcs11Error::Kind::Cancelled);
    QCOMPARE(cautious.asked(), 1);
    QVERIFY2(cautious.requests().constFirst().finalTry, "OpenSC's CKF_USER_PIN_FINAL_TRY did not reach the prompt");
    QCOMPARE(m_card->pinTriesLeft(), 1);

    RecordingPinPrompter right(kPin);
    const auto ok = bounded(token(), identity, right, 60000);
    QVERIFY2(ok && ok.value().verified, qPrintable(describe(ok)));
    QCOMPARE(m_card->pinTriesLeft(), 3);
}

void TestIdentityTesterPiv::cardPulledMidSignature_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::newRow("9a-rsa") << QByteArrayLiteral("\x01");
    QTest::newRow("9c-ec-pin-always") << QByteArrayLiteral("\x02");
}

void TestIdentityTesterPiv::cardPulledMidSignature()
{
    QFETCH(QByteArray, id);
    const CertificateEntry identity = entry(id);
    QVERIFY(!identity.object.value.isEmpty());
    const Pkcs11Token before = token();

    QVERIFY(m_card->removeOnIns(0x87)); // GENERAL AUTHENTICATE: the signature itself
    RecordingPinPrompter prompter(kPin);
    QElapsedTimer timer;
    timer.start();
    const auto pulled = bounded(before, identity, prompter, 30000);
    const qint64 ms = timer.elapsed();
    qInfo("pulled mid-signature: %s after %lld ms", qPrintable(describe(pulled)), ms);
    QVERIFY(!pulled);
    const Pkcs11Error::Kind kind = pulled.error().kind;
    QVERIFY2(kind == Pkcs11Error::Kind::TokenNotPresent || kind == Pkcs11Error::Kind::SessionClosed ||
                 kind == Pkcs11Error::Kind::DeviceError,
             qPrintable(describe(pulled)));
    QCOMPARE(m_card->control(QStringLiteral("status")), QStringLiteral("removed"));
    QCOMPARE(m_card->pinTriesLeft(), 3); // the PIN was right; only the signature was lost

    // While it is out: a clean TokenNotPresent, named, without asking for a PIN.
    QString error;
    QVERIFY2(SimCard::waitForCardPresent(0, false, 5000, &error), qPrintable(error));
    RecordingPinPrompter absent(kPin);
    const auto gone = bounded(before, identity, absent, 30000);
    QVERIFY(!gone);
    QCOMPARE(gone.error().kind, Pkcs11Error::Kind::TokenNotPresent);
    QCOMPARE(gone.error().tokenSerial, before.info().serial);
    QCOMPARE(absent.asked(), 0);

    QVERIFY2(m_card->insert(), qPrintable(m_card->errorString()));
    RecordingPinPrompter again(kPin);
    const auto back = bounded(before, identity, again, 60000);
    QVERIFY2(back, qPrintable(describe(back)));
    QVERIFY(back.value().verified);
}

QTEST_GUILESS_MAIN(TestIdentityTesterPiv)
#include "tst_identitytester_piv.moc"
