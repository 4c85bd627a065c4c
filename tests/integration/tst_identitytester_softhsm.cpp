// IdentityTester ("Test this identity") against SoftHSM2: RSA-2048 and P-256 keys imported
// with pkcs11-tool beside certificates openssl made for them. The signatures come from
// SoftHSM and are verified with OpenSSL; every mechanism path, a wrong PIN, a cancelled
// prompt, a certificate whose key is not on the token and one that belongs to another key.

#include "PeerProcess.h"
#include "RecordingPinPrompter.h"
#include "SoftHsmTokens.h"
#include "backend/pkcs11/IdentityTester.h"
#include "backend/pkcs11/ModuleRegistry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

namespace {

const QByteArray kWrongPin = QByteArrayLiteral("999999");

} // namespace

class TestIdentityTesterSoftHsm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signsAndVerifies_data();
    void signsAndVerifies();
    void wrongPinIsPinIncorrectAskedOnce();
    void cancelledPromptLogsNothingIn();
    void certificateOfAnotherKeyIsNotVerified();
    void certificateWithoutKeyIsObjectNotFound();

private:
    // A key pair made by openssl: the private key written to the token, the certificate too.
    QByteArray importIdentity(const QString& id, const QString& keyType);
    QByteArray makeCertificate(const QString& keyType, QString* keyPath = nullptr);
    CertificateEntry entry(const QString& idHex) const;
    Pkcs11Token token() const;

    QTemporaryDir m_dir;
    std::unique_ptr<SoftHsmTokens> m_tokens;
    std::unique_ptr<ModuleRegistry> m_registry;
    quint64 m_slot = 0;
};

QByteArray TestIdentityTesterSoftHsm::makeCertificate(const QString& keyType, QString* keyPath)
{
    const QByteArray der = m_tokens->makeCertificate(keyType, keyPath);
    if (der.isEmpty()) {
        qWarning("%s", qPrintable(m_tokens->errorString()));
    }
    return der;
}

QByteArray TestIdentityTesterSoftHsm::importIdentity(const QString& id, const QString& keyType)
{
    QString key;
    const QByteArray der = makeCertificate(keyType, &key);
    const QString derPath = m_dir.filePath(QStringLiteral("import%1.der").arg(id));
    QFile out(derPath);
    if (der.isEmpty() || !out.open(QIODevice::WriteOnly) || out.write(der) != der.size()) {
        return {};
    }
    out.close();
    const QStringList login{QStringLiteral("--slot"), QString::number(m_slot), QStringLiteral("--login"),
                            QStringLiteral("--pin"), QStringLiteral("env:TD_PIN")};
    const PeerResult keyWrite = m_tokens->tool(
        login + QStringList{QStringLiteral("--write-object"), key, QStringLiteral("--type"), QStringLiteral("privkey"),
                            QStringLiteral("--id"), id, QStringLiteral("--usage-sign")});
    const PeerResult certWrite =
        m_tokens->tool(login + QStringList{QStringLiteral("--write-object"), derPath, QStringLiteral("--type"),
                                           QStringLiteral("cert"), QStringLiteral("--id"), id});
    if (!keyWrite.ok() || !certWrite.ok()) {
        qWarning("%s\n%s", keyWrite.describe().constData(), certWrite.describe().constData());
        return {};
    }
    return der;
}

void TestIdentityTesterSoftHsm::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(PeerProcess::which(QStringLiteral("pkcs11-tool")), "pkcs11-tool");
    m_tokens = std::make_unique<SoftHsmTokens>();
    QVERIFY2(m_tokens->isValid(), qPrintable(m_tokens->errorString()));
    QVERIFY2(m_tokens->createToken("identity test", &m_slot), qPrintable(m_tokens->errorString()));
    QVERIFY(!importIdentity(QStringLiteral("01"), QStringLiteral("rsa")).isEmpty());
    QVERIFY(!importIdentity(QStringLiteral("02"), QStringLiteral("ec")).isEmpty());
    QVERIFY(!m_tokens->writeCertificate(m_slot, QStringLiteral("03"), QStringLiteral("no key"), QStringLiteral("ec"))
                 .isEmpty());

    ModuleRegistry::Options options;
    options.registered = false;
    options.environment = false;
    options.paths = {SoftHsmTokens::modulePath()};
    m_registry = std::make_unique<ModuleRegistry>(options);
    QCOMPARE(m_registry->loaded().size(), size_t(1));
}

void TestIdentityTesterSoftHsm::cleanupTestCase()
{
    m_registry.reset(); // C_Finalize before the token folder goes
    m_tokens.reset();
}

Pkcs11Token TestIdentityTesterSoftHsm::token() const
{
    const TokenScan scan = m_registry->scan();
    for (const TokenInfo& t : scan.tokens) {
        if (t.label == QLatin1String("identity test")) {
            return Pkcs11Token(m_registry->loaded().front(), t);
        }
    }
    qFatal("the SoftHSM token is gone");
}

CertificateEntry TestIdentityTesterSoftHsm::entry(const QString& idHex) const
{
    // As the token shows it without login: the certificate, its private key unseen.
    ObjectQuery query;
    query.classes = {ObjectInfo::Class::Certificate};
    query.id = QByteArray::fromHex(idHex.toLatin1());
    const auto objects = token().objects(query);
    CertificateEntry e;
    if (objects && objects.value().size() == 1) {
        e.object = objects.value().constFirst();
    }
    return e;
}

void TestIdentityTesterSoftHsm::signsAndVerifies_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("preferRaw");
    QTest::addColumn<QString>("mechanism");
    QTest::addColumn<int>("signatureLength");
    QTest::newRow("rsa") << QStringLiteral("01") << false << QStringLiteral("CKM_SHA256_RSA_PKCS") << 256;
    QTest::newRow("rsa-digestinfo") << QStringLiteral("01") << true << QStringLiteral("CKM_RSA_PKCS") << 256;
    // SoftHSM 2.6 offers CKM_ECDSA only: the digest is made here either way.
    QTest::newRow("ec") << QStringLiteral("02") << false << QStringLiteral("CKM_ECDSA") << 64;
    QTest::newRow("ec-raw") << QStringLiteral("02") << true << QStringLiteral("CKM_ECDSA") << 64;
}

void TestIdentityTesterSoftHsm::signsAndVerifies()
{
    QFETCH(QString, id);
    QFETCH(bool, preferRaw);
    QFETCH(QString, mechanism);
    QFETCH(int, signatureLength);
    const CertificateEntry identity = entry(id);
    QVERIFY(!identity.object.value.isEmpty());
    RecordingPinPrompter prompter(SoftHsmTokens::kUserPin.toUtf8());
    IdentityTester::Options options;
    options.preferRaw = preferRaw;
    const auto result = IdentityTester::test(token(), identity, prompter, options);
    QVERIFY2(result,
             qPrintable(result ? QString() : result.error().codeName() + QLatin1Char(' ') + result.error().detail));
    QVERIFY2(result.value().verified, qPrintable(result.value().verifyError));
    QCOMPARE(result.value().mechanism, mechanism);
    QCOMPARE(result.value().signatureLength, signatureLength);
    QVERIFY(result.value().loggedIn);
    QVERIFY(!result.value().contextLogin);
    QVERIFY(!result.value().pinpad);
    QCOMPARE(prompter.asked(), 1);
    const PinRequest request = prompter.requests().constFirst();
    QCOMPARE(request.purpose, PinRequest::Purpose::TestIdentity);
    QCOMPARE(request.secret, PinRequest::Secret::UserPin);
    QCOMPARE(request.token.label, QStringLiteral("identity test"));
    QVERIFY(!request.finalTry);
    QVERIFY(request.subject.contains(QLatin1String("TokenDesk test")));
    qInfo("%s: %s, %d bytes, %lld ms", qPrintable(id), qPrintable(mechanism), result.value().signatureLength,
          result.value().elapsedMs);
}

void TestIdentityTesterSoftHsm::wrongPinIsPinIncorrectAskedOnce()
{
    RecordingPinPrompter prompter(kWrongPin);
    const auto result = IdentityTester::test(token(), entry(QStringLiteral("01")), prompter);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Pkcs11Error::Kind::PinIncorrect);
    QCOMPARE(result.error().function, QStringLiteral("C_Login"));
    QCOMPARE(prompter.asked(), 1); // never retried by itself
    // SoftHSM counts it: the token says a wrong PIN was entered.
    QVERIFY(token().refresh().value().userPin.countLow);
    // And the right one still works (SoftHSM does not lock after one).
    RecordingPinPrompter right(SoftHsmTokens::kUserPin.toUtf8());
    const auto again = IdentityTester::test(token(), entry(QStringLiteral("01")), right);
    QVERIFY(again && again.value().verified);
}

void TestIdentityTesterSoftHsm::cancelledPromptLogsNothingIn()
{
    RecordingPinPrompter cancels;
    const auto result = IdentityTester::test(token(), entry(QStringLiteral("02")), cancels);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Pkcs11Error::Kind::Cancelled);
    QCOMPARE(result.error().codeName(), QStringLiteral("cancelled"));
    QCOMPARE(cancels.asked(), 1);
    // Not logged in afterwards: the private keys are hidden again.
    ObjectQuery keys;
    keys.classes = {ObjectInfo::Class::PrivateKey};
    const auto visible = token().objects(keys);
    QVERIFY(visible);
    QCOMPARE(visible.value().size(), 0);
}

void TestIdentityTesterSoftHsm::certificateOfAnotherKeyIsNotVerified()
{
    // The token's RSA key under id 01, but a certificate of another RSA key: the token signs,
    // OpenSSL says no. That is a result, not an error, and certainly not a crash.
    CertificateEntry identity = entry(QStringLiteral("01"));
    identity.object.value = makeCertificate(QStringLiteral("rsa"));
    QVERIFY(!identity.object.value.isEmpty());
    RecordingPinPrompter prompter(SoftHsmTokens::kUserPin.toUtf8());
    const auto result = IdentityTester::test(token(), identity, prompter);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().codeName()));
    QVERIFY(!result.value().verified);
    QVERIFY(!result.value().verifyError.isEmpty());
    QCOMPARE(result.value().signatureLength, 256);
    qInfo("not verified: %s", qPrintable(result.value().verifyError));

    // An EC certificate over the RSA key: the token is asked for ECDSA with an RSA key.
    identity.object.value = makeCertificate(QStringLiteral("ec"));
    RecordingPinPrompter second(SoftHsmTokens::kUserPin.toUtf8());
    const auto mixed = IdentityTester::test(token(), identity, second);
    QVERIFY(!mixed || !mixed.value().verified);
    if (!mixed) {
        qInfo("EC certificate over an RSA key: %s %s", qPrintable(mixed.error().function),
              qPrintable(mixed.error().codeName()));
    }

    // A certificate that does not parse: nothing asked.
    identity.object.value = QByteArrayLiteral("\x30\x82\x01");
    RecordingPinPrompter third(SoftHsmTokens::kUserPin.toUtf8());
    const auto broken = IdentityTester::test(token(), identity, third);
    QVERIFY(!broken);
    QCOMPARE(third.asked(), 0);
}

void TestIdentityTesterSoftHsm::certificateWithoutKeyIsObjectNotFound()
{
    RecordingPinPrompter prompter(SoftHsmTokens::kUserPin.toUtf8());
    const auto result = IdentityTester::test(token(), entry(QStringLiteral("03")), prompter);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Pkcs11Error::Kind::ObjectNotFound);
    QCOMPARE(prompter.asked(), 1); // the key may only show after login: asked, then not found
}

QTEST_GUILESS_MAIN(TestIdentityTesterSoftHsm)
#include "tst_identitytester_softhsm.moc"
