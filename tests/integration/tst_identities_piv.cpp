// Identities on the simulated PIV card through OpenSC: 9A (RSA 2048) and 9C (P-256), "key
// expected" before login (OpenSC shows the public keys, hides the private ones), present after;
// `tokendesk report --json` and `cert show|export URI` compared with `openssl x509`; a card
// pulled in the middle of a read gives an error, never half a token.

#include "CertificateChecks.h"
#include "ModuleOptions.h"
#include "SimCard.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/PinPrompter.h"
#include "backend/pkcs11/TokenReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <future>
#include <memory>
#include <thread>

using namespace tokendesk;
using namespace certchecks;

namespace {

class ScriptedPinPrompter : public PinPrompter
{
public:
    explicit ScriptedPinPrompter(QByteArray answer) : m_answer(std::move(answer)) {}
    std::optional<SecureBytes> askPin(const PinRequest& request) override
    {
        requests << request;
        return SecureBytes(m_answer.constData(), m_answer.size());
    }
    QList<PinRequest> requests;

private:
    QByteArray m_answer;
};

ModuleRegistry::Options openscOnly()
{
    return testmodules::openscOnly();
}

/// 9A has CKA_ID 01, 9C has 02 in OpenSC's PIV driver.
QString slotOf(const QByteArray& id)
{
    return id == "\x01" ? QStringLiteral("9a") : QStringLiteral("9c");
}

} // namespace

class TestIdentitiesPiv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(SimCard::simulatorPath()), "TOKENDESK_SIMCARD must name tokendesk-simcard");
        QVERIFY2(QFile::exists(qEnvironmentVariable("TOKENDESK_BINARY")), "TOKENDESK_BINARY");
        QVERIFY2(qEnvironmentVariableIsSet("PCSCLITE_CSOCK_NAME"), "run inside the bench (testbench.sh exec)");
        for (int reader : {0, 1}) {
            QString error;
            QVERIFY2(SimCard::waitForCardPresent(reader, false, 5000, &error), qPrintable(error));
        }
    }

    void identitiesBeforeAndAfterLogin()
    {
        SimCard card;
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        const ModuleRegistry registry(openscOnly());
        const TokenScan scan = registry.scan();
        QCOMPARE(scan.tokens.size(), 1);
        const Pkcs11Token token(registry.loaded().front(), scan.tokens.constFirst());

        const TokenContents contents = TokenReader::read(token);
        QVERIFY2(!contents.error, qPrintable(contents.error ? contents.error->codeName() : QString()));
        QCOMPARE(contents.certificates.size(), 2);
        for (const CertificateEntry& e : contents.certificates) {
            QCOMPARE(e.sha256().toHex(), card.certSha256(slotOf(e.object.id)));
            QVERIFY(e.info);
            QCOMPARE(e.keyState, CertificateEntry::KeyState::Expected);
            QVERIFY(e.publicKey);
        }

        const QByteArray pin = card.options().pin.isEmpty() ? QByteArrayLiteral("123456") : card.options().pin.toUtf8();
        ScriptedPinPrompter prompter(pin);
        auto loggedIn = TokenReader::readLoggedIn(token, prompter);
        QVERIFY2(loggedIn, qPrintable(loggedIn ? QString() : loggedIn.error().codeName()));
        QCOMPARE(prompter.requests.size(), 1);
        QCOMPARE(loggedIn.value().identities().size(), 2);
        for (const CertificateEntry& e : loggedIn.value().certificates) {
            QCOMPARE(e.keyState, CertificateEntry::KeyState::Present);
            QCOMPARE(e.privateKey->id, e.object.id);
            QCOMPARE(e.privateKey->keyType, e.object.id == "\x01" ? ObjectInfo::KeyType::Rsa : ObjectInfo::KeyType::Ec);
        }
        QCOMPARE(card.pinTriesLeft(), 3);
    }

    void reportAndCertUri()
    {
        SimCard card;
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const OpensslTool ssl(dir.path());
        const QStringList module{QStringLiteral("--module"), PeerProcess::pkcs11Module()};

        const PeerResult run = runTokendesk(QStringList{QStringLiteral("report"), QStringLiteral("--json")} + module);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = json(run);
        QJsonObject pivToken;
        for (const QJsonValue& t : report.value(QStringLiteral("tokens")).toArray()) {
            if (t.toObject().value(QStringLiteral("module")).toString() == QLatin1String("opensc-pkcs11")) {
                pivToken = t.toObject();
            }
        }
        QVERIFY2(!pivToken.isEmpty(), run.out.constData());
        const QString serial = pivToken.value(QStringLiteral("serial")).toString();
        const auto certificates = certificatesOf(report, serial);
        QCOMPARE(certificates.size(), 2);
        for (const QString& slot : {QStringLiteral("9a"), QStringLiteral("9c")}) {
            const QString sha = QString::fromLatin1(card.certSha256(slot));
            QVERIFY2(certificates.contains(sha), qPrintable(slot));
            const QJsonObject cert = certificates.value(sha);
            QVERIFY(ssl.write(slot + QStringLiteral(".pem"), card.certPem(slot)));
            compareWithOpenssl(cert, ssl, slot + QStringLiteral(".pem"));
            if (QTest::currentTestFailed()) {
                return;
            }
            QCOMPARE(cert.value(QStringLiteral("key")).toObject().value(QStringLiteral("algorithm")).toString(),
                     slot == QLatin1String("9a") ? QStringLiteral("rsa") : QStringLiteral("ec"));
            QCOMPARE(cert.value(QStringLiteral("key_state")).toString(), QStringLiteral("expected"));
            QCOMPARE(cert.value(QStringLiteral("token_label")).toString(),
                     pivToken.value(QStringLiteral("label")).toString());

            const QString uri = cert.value(QStringLiteral("uri")).toString();
            const PeerResult show = runTokendesk(
                QStringList{QStringLiteral("cert"), QStringLiteral("show"), uri, QStringLiteral("--json")} + module);
            QVERIFY2(show.ok(), show.describe().constData());
            compareWithOpenssl(json(show), ssl, slot + QStringLiteral(".pem"));
            QCOMPARE(json(show).value(QStringLiteral("uri")).toString(), uri);

            const PeerResult exported =
                runTokendesk(QStringList{QStringLiteral("cert"), QStringLiteral("export"), uri, QStringLiteral("-o"),
                                         ssl.path(slot + QStringLiteral(".out.der")), QStringLiteral("--der")} +
                             module);
            QVERIFY2(exported.ok(), exported.describe().constData());
            QCOMPARE(sha256Hex(ssl.read(slot + QStringLiteral(".out.der"))), sha);
        }

        // Pulled: the same URI now names an absent token, by its label and serial.
        const QString uri = certificates.cbegin()->value(QStringLiteral("uri")).toString();
        QVERIFY2(card.remove(), qPrintable(card.errorString()));
        const PeerResult absent = runTokendesk(
            QStringList{QStringLiteral("cert"), QStringLiteral("show"), uri, QStringLiteral("--json")} + module);
        QCOMPARE(absent.exitCode, 1);
        const QJsonObject error = json(absent).value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("token_not_present"));
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(serial), absent.describe().constData());
        QVERIFY2(error.value(QStringLiteral("message"))
                     .toString()
                     .contains(pivToken.value(QStringLiteral("label")).toString()),
                 absent.describe().constData());
    }

    void cardPulledMidRead()
    {
        // OpenSC reads the PIV objects when it binds the card and serves the object reads from
        // that cache, so a plain read has no APDU to pull the card in; the login has (VERIFY).
        // Pulled there: readLoggedIn gives an error, never a half-read token. Run on a thread with
        // a deadline: OpenSC 0.23 can hang for good when a PIV card goes mid-call.
        SimCard card;
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        const ModuleRegistry registry(openscOnly());
        const TokenScan scan = registry.scan();
        QCOMPARE(scan.tokens.size(), 1);
        const Pkcs11Token token(registry.loaded().front(), scan.tokens.constFirst());
        QVERIFY(card.removeOnIns(0x20));
        auto done = std::make_shared<std::promise<Result<TokenContents, Pkcs11Error>>>();
        auto future = done->get_future();
        std::thread([token, done] {
            ScriptedPinPrompter prompter("123456");
            done->set_value(TokenReader::readLoggedIn(token, prompter));
        }).detach();
        if (future.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
            // The module holds its card lock for good: finalizing it would hang too.
            qCritical("TokenReader::readLoggedIn hung after the card was pulled mid-VERIFY (OpenSC card lock)");
            std::_Exit(1);
        }
        const auto result = future.get();
        QVERIFY2(!result, "the login read succeeded although the card was pulled");
        const Pkcs11Error& error = result.error();
        // OpenSC answers a VERIFY cut off by the removal with CKR_GENERAL_ERROR, before pcscd (which
        // polls vpcd every 400 ms) knows the card is gone; a later call sees the removal.
        const bool removalKind = error.kind == Pkcs11Error::Kind::TokenNotPresent ||
                                 error.kind == Pkcs11Error::Kind::SessionClosed ||
                                 error.kind == Pkcs11Error::Kind::DeviceError;
        const bool openscCutOff =
            error.function == QLatin1String("C_Login") && error.codeName() == QLatin1String("CKR_GENERAL_ERROR");
        QVERIFY2(removalKind || openscCutOff, qPrintable(error.function + QLatin1Char(':') + error.codeName()));
        QString wait;
        QVERIFY2(SimCard::waitForCardPresent(0, false, 5000, &wait), qPrintable(wait));

        // Gone: a plain read says so, with the token's name, and keeps its info.
        const TokenContents contents = TokenReader::read(token);
        QVERIFY2(contents.error, "read a token that is not there");
        QCOMPARE(contents.error->kind, Pkcs11Error::Kind::TokenNotPresent);
        QCOMPARE(contents.error->tokenSerial, scan.tokens.constFirst().serial);
        QCOMPARE(contents.error->tokenLabel, scan.tokens.constFirst().label);
        QVERIFY(contents.objects.isEmpty());
        QVERIFY(contents.certificates.isEmpty());
        QCOMPARE(contents.token.serial, scan.tokens.constFirst().serial);
    }
};

QTEST_GUILESS_MAIN(TestIdentitiesPiv)
#include "tst_identities_piv.moc"
