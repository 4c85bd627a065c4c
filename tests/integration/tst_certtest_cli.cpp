// `tokendesk cert test URI [--json] [--final-try]` as a script runs it: the PIN as one line on
// stdin (no terminal), against SoftHSM2 and the simulated PIV card through OpenSC. The PIN
// must appear nowhere in what the program prints, debug logging of every tokendesk category
// included; a wrong PIN is pin_incorrect and costs one try; a final try is refused without
// --final-try; no PIN at all is cancelled. At a real terminal (a pseudo-terminal) the PIN is
// not echoed, and Ctrl-C at the prompt gives the terminal back with echo on.

#include "PeerProcess.h"
#include "PtyChild.h"
#include "SimCard.h"
#include "SoftHsmTokens.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Distinctive enough that finding it in the output means it leaked.
// A function, not a global: SoftHsmTokens::kUserPin lives in another file's static initialization.
QByteArray softHsmPin()
{
    return SoftHsmTokens::kUserPin.toUtf8();
}
const QByteArray kCardPin = QByteArrayLiteral("371946");

PeerResult certTest(const QStringList& extra, const QByteArray& stdinText)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tokendesk.*=true"));
    return PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"),
                            QStringList{QStringLiteral("cert"), QStringLiteral("test")} + extra, stdinText, env, 60000);
}

QJsonObject jsonOf(const PeerResult& r)
{
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestCertTestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void softHsmVerifiedAndPinNeverPrinted();
    void softHsmWrongPinAndNoPin();
    void pivWrongPinFinalTryAndVerified();
    void terminalHidesThePinAndCtrlCRestoresEcho();
};

void TestCertTestCli::initTestCase()
{
    QVERIFY2(QFile::exists(qEnvironmentVariable("TOKENDESK_BINARY")), "TOKENDESK_BINARY");
    QVERIFY2(QFile::exists(SimCard::simulatorPath()), "TOKENDESK_SIMCARD");
    for (int reader : {0, 1}) {
        QString error;
        QVERIFY2(SimCard::waitForCardPresent(reader, false, 5000, &error), qPrintable(error));
    }
}

void TestCertTestCli::softHsmVerifiedAndPinNeverPrinted()
{
    SoftHsmTokens tokens;
    QVERIFY2(tokens.isValid(), qPrintable(tokens.errorString()));
    quint64 slot = 0;
    QVERIFY2(tokens.createToken("cli test", &slot), qPrintable(tokens.errorString()));
    // An openssl key pair: the private key and the certificate on the token.
    QTemporaryDir dir;
    const QString key = dir.filePath(QStringLiteral("k.pem"));
    const QString der = dir.filePath(QStringLiteral("c.der"));
    const PeerResult req = PeerProcess::run(
        QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-newkey"),
         QStringLiteral("rsa:2048"), QStringLiteral("-subj"), QStringLiteral("/CN=CLI identity"),
         QStringLiteral("-days"), QStringLiteral("5"), QStringLiteral("-keyout"), key, QStringLiteral("-outform"),
         QStringLiteral("DER"), QStringLiteral("-out"), der});
    QVERIFY2(req.ok(), req.describe().constData());
    const QStringList login{QStringLiteral("--slot"), QString::number(slot), QStringLiteral("--login"),
                            QStringLiteral("--pin"), QStringLiteral("env:TD_PIN")};
    QVERIFY(tokens
                .tool(login + QStringList{QStringLiteral("--write-object"), key, QStringLiteral("--type"),
                                          QStringLiteral("privkey"), QStringLiteral("--id"), QStringLiteral("0b"),
                                          QStringLiteral("--usage-sign")})
                .ok());
    QVERIFY(tokens
                .tool(login + QStringList{QStringLiteral("--write-object"), der, QStringLiteral("--type"),
                                          QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("0b"),
                                          QStringLiteral("--label"), QStringLiteral("cli cert")})
                .ok());
    const QString uri = QStringLiteral("pkcs11:token=cli%20test;object=cli%20cert;type=cert");
    const QStringList args{uri, QStringLiteral("--json"), QStringLiteral("--module"), SoftHsmTokens::modulePath()};

    const PeerResult r = certTest(args, softHsmPin() + '\n');
    QVERIFY2(r.ok(), r.describe().constData());
    const QJsonObject o = jsonOf(r);
    QCOMPARE(o.value(QStringLiteral("verified")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("mechanism")).toString(), QStringLiteral("CKM_SHA256_RSA_PKCS"));
    QCOMPARE(o.value(QStringLiteral("signature_length")).toInt(), 256);
    QVERIFY(o.value(QStringLiteral("uri")).toString().contains(QLatin1String("object=cli%20cert")));
    QCOMPARE(o.value(QStringLiteral("token")).toObject().value(QStringLiteral("label")).toString(),
             QStringLiteral("cli test"));
    // The debug log is on (QT_LOGGING_RULES): it talks, but never says the PIN.
    QVERIFY2(r.err.contains("tokendesk.pkcs11") || r.err.contains("identity test"), r.err.constData());
    QVERIFY2(!r.out.contains(softHsmPin()), "the PIN is in stdout");
    QVERIFY2(!r.err.contains(softHsmPin()), "the PIN is in stderr");

    // Text mode says so in words.
    const PeerResult text =
        certTest({uri, QStringLiteral("--module"), SoftHsmTokens::modulePath()}, softHsmPin() + '\n');
    QVERIFY2(text.ok(), text.describe().constData());
    QVERIFY(text.out.startsWith("Verified"));
    QVERIFY(!text.out.contains(softHsmPin()) && !text.err.contains(softHsmPin()));
}

void TestCertTestCli::softHsmWrongPinAndNoPin()
{
    SoftHsmTokens tokens;
    QVERIFY2(tokens.isValid(), qPrintable(tokens.errorString()));
    quint64 slot = 0;
    QVERIFY2(tokens.createToken("cli wrong", &slot), qPrintable(tokens.errorString()));
    QTemporaryDir dir;
    const QString key = dir.filePath(QStringLiteral("k.pem"));
    const QString der = dir.filePath(QStringLiteral("c.der"));
    QVERIFY(PeerProcess::run(QStringLiteral("openssl"),
                             {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"),
                              QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                              QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-subj"),
                              QStringLiteral("/CN=CLI EC"), QStringLiteral("-keyout"), key, QStringLiteral("-outform"),
                              QStringLiteral("DER"), QStringLiteral("-out"), der})
                .ok());
    const QStringList login{QStringLiteral("--slot"), QString::number(slot), QStringLiteral("--login"),
                            QStringLiteral("--pin"), QStringLiteral("env:TD_PIN")};
    QVERIFY(tokens
                .tool(login + QStringList{QStringLiteral("--write-object"), key, QStringLiteral("--type"),
                                          QStringLiteral("privkey"), QStringLiteral("--id"), QStringLiteral("01")})
                .ok());
    QVERIFY(tokens
                .tool(login + QStringList{QStringLiteral("--write-object"), der, QStringLiteral("--type"),
                                          QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("01")})
                .ok());
    const QStringList args{QStringLiteral("pkcs11:token=cli%20wrong;type=cert"), QStringLiteral("--json"),
                           QStringLiteral("--module"), SoftHsmTokens::modulePath()};

    const QByteArray wrong = QByteArrayLiteral("80808080");
    const PeerResult bad = certTest(args, wrong + '\n');
    QCOMPARE(bad.exitCode, 1);
    QCOMPARE(jsonOf(bad).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("pin_incorrect"));
    QVERIFY(!bad.out.contains(wrong) && !bad.err.contains(wrong));

    const PeerResult none = certTest(args, {});
    QCOMPARE(none.exitCode, 1);
    QCOMPARE(jsonOf(none).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("cancelled"));

    const PeerResult good = certTest(args, softHsmPin() + "\n");
    QVERIFY2(good.ok(), good.describe().constData());
    QCOMPARE(jsonOf(good).value(QStringLiteral("mechanism")).toString(), QStringLiteral("CKM_ECDSA"));
}

void TestCertTestCli::pivWrongPinFinalTryAndVerified()
{
    SimCard card;
    card.setPin(QString::fromLatin1(kCardPin));
    card.setGuid(QStringLiteral("00112233445566778899aabbccddeeff"));
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    // OpenSC's serial is the GUID's last 8 bytes; its id 02 is the 9C key (P-256, PIN-always).
    const QStringList args{QStringLiteral("pkcs11:serial=8899aabbccddeeff;id=%02;type=cert"), QStringLiteral("--json"),
                           QStringLiteral("--module"), PeerProcess::pkcs11Module()};

    const PeerResult verified = certTest(args, kCardPin + '\n');
    QVERIFY2(verified.ok(), verified.describe().constData());
    QCOMPARE(jsonOf(verified).value(QStringLiteral("verified")).toBool(), true);
    QCOMPARE(jsonOf(verified).value(QStringLiteral("context_login")).toBool(), true);
    QVERIFY(!verified.out.contains(kCardPin) && !verified.err.contains(kCardPin));

    for (int i = 0; i < 2; ++i) {
        const PeerResult bad = certTest(args, QByteArrayLiteral("000000\n"));
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(jsonOf(bad).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("pin_incorrect"));
        QCOMPARE(card.pinTriesLeft(), 2 - i);
    }
    // One try left: a script does not get to spend it by default.
    const PeerResult refused = certTest(args, kCardPin + '\n');
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(jsonOf(refused).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("final_try_refused"));
    QCOMPARE(card.pinTriesLeft(), 1);
    const PeerResult allowed = certTest(args + QStringList{QStringLiteral("--final-try")}, kCardPin + '\n');
    QVERIFY2(allowed.ok(), allowed.describe().constData());
    QCOMPARE(card.pinTriesLeft(), 3);

    // The card out: token_not_present, naming it; no PIN read.
    QVERIFY(card.remove());
    const PeerResult absent = certTest(args, kCardPin + '\n');
    QCOMPARE(absent.exitCode, 1);
    QCOMPARE(jsonOf(absent).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("token_not_present"));
    QVERIFY(card.stop());
}

void TestCertTestCli::terminalHidesThePinAndCtrlCRestoresEcho()
{
    SoftHsmTokens tokens;
    QVERIFY2(tokens.isValid(), qPrintable(tokens.errorString()));
    quint64 slot = 0;
    QVERIFY2(tokens.createToken("tty test", &slot), qPrintable(tokens.errorString()));
    QTemporaryDir dir;
    const QString key = dir.filePath(QStringLiteral("k.pem"));
    const QString der = dir.filePath(QStringLiteral("c.der"));
    QVERIFY(PeerProcess::run(QStringLiteral("openssl"),
                             {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"),
                              QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                              QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-subj"),
                              QStringLiteral("/CN=TTY"), QStringLiteral("-keyout"), key, QStringLiteral("-outform"),
                              QStringLiteral("DER"), QStringLiteral("-out"), der})
                .ok());
    const QStringList login{QStringLiteral("--slot"), QString::number(slot), QStringLiteral("--login"),
                            QStringLiteral("--pin"), QStringLiteral("env:TD_PIN")};
    QVERIFY(tokens
                .tool(login + QStringList{QStringLiteral("--write-object"), key, QStringLiteral("--type"),
                                          QStringLiteral("privkey"), QStringLiteral("--id"), QStringLiteral("01")})
                .ok());
    QVERIFY(tokens
                .tool(login + QStringList{QStringLiteral("--write-object"), der, QStringLiteral("--type"),
                                          QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("01")})
                .ok());
    // The command line holds no secret: the PIN is typed on the terminal (a pseudo-terminal,
    // PtyChild: waits for the prompt and for echo to go off, never sleeps).
    const QStringList command{QStringLiteral("cert"), QStringLiteral("test"),
                              QStringLiteral("pkcs11:token=tty%20test;type=cert"), QStringLiteral("--module"),
                              SoftHsmTokens::modulePath()};
    const QList<QByteArray> env{"SOFTHSM2_CONF=" + QFile::encodeName(tokens.confPath())};
    {
        PtyChild typed;
        QVERIFY(typed.start(command, env));
        QVERIFY2(typed.waitFor("PIN for \"tty test\""), typed.output().constData());
        QVERIFY(typed.waitForEcho(false));
        QVERIFY(typed.type(softHsmPin() + '\n'));
        QVERIFY2(typed.waitFor("Verified"), typed.output().constData());
        QCOMPARE(typed.nextEvent(), QByteArray("X0"));
        QVERIFY2(!typed.output().contains(softHsmPin()), "the PIN was echoed on the terminal");
        QVERIFY(typed.echoOn());
    }
    // Ctrl-C at the prompt: the program ends by SIGINT and the terminal echoes again.
    PtyChild interrupted;
    QVERIFY(interrupted.start(command, env));
    QVERIFY2(interrupted.waitFor("PIN for \"tty test\""), interrupted.output().constData());
    QVERIFY(interrupted.waitForEcho(false));
    QVERIFY(interrupted.type("\x03"));
    QCOMPARE(interrupted.nextEvent(), QByteArray("K") + QByteArray::number(SIGINT));
    QVERIFY(interrupted.echoOn());
}

QTEST_GUILESS_MAIN(TestCertTestCli)
#include "tst_certtest_cli.moc"
