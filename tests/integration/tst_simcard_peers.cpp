// tokendesk-simcard against real peers through the bench's real pcscd: what OpenSC's tools
// and openssl make of the simulated PIV card is what TokenDesk will see.
//
// PINs reach pkcs11-tool and pkcs15-tool as "--pin env:NAME": both read a PIN typed at a
// terminal only (util_getpass fails on a pipe), and env: keeps it off their command lines.

#include "ChildProcesses.h"
#include "PeerProcess.h"
#include "SimCard.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

const QString kPin = QStringLiteral("123456");
const QString kPuk = QStringLiteral("12345678");
const QString kNewPin = QStringLiteral("654321");
const QString kWrongPin = QStringLiteral("111111");

QProcessEnvironment secrets(const QList<QPair<QString, QString>>& values)
{
    QProcessEnvironment env;
    for (const auto& [name, value] : values)
        env.insert(name, value);
    return env;
}

PeerResult pkcs11Tool(const QStringList& args, const QProcessEnvironment& env = {})
{
    return PeerProcess::run(QStringLiteral("pkcs11-tool"),
                            QStringList{QStringLiteral("--module"), PeerProcess::pkcs11Module()} + args, {}, env);
}

PeerResult withPin(const QString& pin, const QStringList& args)
{
    return pkcs11Tool(QStringList{QStringLiteral("--login"), QStringLiteral("--pin"), QStringLiteral("env:TD_PIN")} +
                          args,
                      secrets({{QStringLiteral("TD_PIN"), pin}}));
}

// "serial num         : aa1b88b56fb85b96" for each slot with a token.
QStringList tokenSerials(const QByteArray& listing)
{
    QStringList serials;
    static const QRegularExpression re(QStringLiteral("serial num\\s*:\\s*(\\S+)"));
    auto it = re.globalMatch(QString::fromUtf8(listing));
    while (it.hasNext())
        serials << it.next().captured(1);
    return serials;
}

// The card states pcsc_scan printed for one reader, in order: "inserted", "removed", ..., a repeat
// folded into one: pcsc_scan prints the state again when only the card's sharing changes ("Card
// inserted, Shared Mode" once another program lets go of it), which is no insertion (a CI run saw
// four states for one removal and reinsertion).
QStringList cardStates(const QByteArray& scan, const QString& reader)
{
    QStringList states;
    bool ours = false;
    const QList<QByteArray> lines = scan.split('\n');
    for (const QByteArray& raw : lines) {
        const QString line = QString::fromUtf8(raw);
        if (line.contains(QLatin1String("Reader ")) && line.contains(QLatin1Char(':')))
            ours = line.contains(reader);
        if (ours && line.contains(QLatin1String("Card state:"))) {
            const QString state =
                line.contains(QLatin1String("Card removed")) ? QStringLiteral("removed") : QStringLiteral("inserted");
            if (states.isEmpty() || states.constLast() != state)
                states << state;
        }
    }
    return states;
}

} // namespace

class TestSimCardPeers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void openscToolNamesPivCard();
    void pkcs11ListsTokenAndCertificates();
    void signaturesVerifyWithOpenssl();
    void changePin();
    void wrongPinsLockAndPukUnblocks();
    void removalAndReinsertionKeepState();
    void restartWithSameStateKeepsState();
    void simulatorDiesWithItsTest();

private:
    // Signs m_data with the key of id (01 = 9A RSA, 02 = 9C P-256) and checks the signature
    // with openssl against the public key of the simulator's certificate for slot.
    void signAndVerify(const SimCard& card, const QString& pin, const QString& id, const QString& slot);
    QByteArray readCertSha256(const QString& id);

    QTemporaryDir m_dir;
    QString m_data;
};

void TestSimCardPeers::initTestCase()
{
    QVERIFY2(QFile::exists(SimCard::simulatorPath()), "TOKENDESK_SIMCARD must name tokendesk-simcard");
    for (const char* var : {"PCSCLITE_CSOCK_NAME", "TOKENDESK_VPCD_PORT", "OPENSC_CONF"})
        QVERIFY2(qEnvironmentVariableIsSet(var), var); // run inside the bench (testbench.sh exec)
    for (const char* peer : {"opensc-tool", "pkcs11-tool", "pkcs15-tool", "pcsc_scan", "openssl", "stdbuf"})
        QVERIFY2(PeerProcess::which(QString::fromLatin1(peer)), peer); // a missing peer is a failure
    QVERIFY(QFile::exists(PeerProcess::pkcs11Module()));
    // Both readers start empty.
    for (int reader : {0, 1}) {
        QString error;
        QVERIFY2(SimCard::waitForCardPresent(reader, false, 5000, &error), qPrintable(error));
    }
    QVERIFY(m_dir.isValid());
    m_data = m_dir.filePath(QStringLiteral("data.txt"));
    QFile data(m_data);
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write("TokenDesk signs this with a simulated PIV card.\n");
}

void TestSimCardPeers::signAndVerify(const SimCard& card, const QString& pin, const QString& id, const QString& slot)
{
    const QString tag = QStringLiteral("%1-%2").arg(id, QString::number(QDateTime::currentMSecsSinceEpoch()));
    const QString signature = m_dir.filePath(QStringLiteral("sig-%1.bin").arg(tag));
    const QString pubkey = m_dir.filePath(QStringLiteral("pub-%1.pem").arg(tag));
    const bool rsa = slot == QLatin1String("9a");
    QStringList args{QStringLiteral("--sign"),
                     QStringLiteral("--id"),
                     id,
                     QStringLiteral("--mechanism"),
                     rsa ? QStringLiteral("SHA256-RSA-PKCS") : QStringLiteral("ECDSA-SHA256"),
                     QStringLiteral("--input-file"),
                     m_data,
                     QStringLiteral("--output-file"),
                     signature};
    if (!rsa)
        args << QStringLiteral("--signature-format") << QStringLiteral("openssl"); // DER, as openssl wants it
    const PeerResult sign = withPin(pin, args);
    QVERIFY2(sign.ok(), sign.describe().constData());

    const PeerResult pub = PeerProcess::run(
        QStringLiteral("openssl"),
        {QStringLiteral("x509"), QStringLiteral("-pubkey"), QStringLiteral("-noout"), QStringLiteral("-out"), pubkey},
        card.certPem(slot));
    QVERIFY2(pub.ok(), pub.describe().constData());
    const PeerResult verify = PeerProcess::run(
        QStringLiteral("openssl"), {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"),
                                    pubkey, QStringLiteral("-signature"), signature, m_data});
    QVERIFY2(verify.ok() && verify.out.contains("Verified OK"), verify.describe().constData());
}

QByteArray TestSimCardPeers::readCertSha256(const QString& id)
{
    const QString out = m_dir.filePath(QStringLiteral("cert-%1.der").arg(id));
    QFile::remove(out);
    const PeerResult read =
        pkcs11Tool({QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("cert"),
                    QStringLiteral("--id"), id, QStringLiteral("--output-file"), out});
    if (!read.ok()) {
        qWarning("%s", read.describe().constData());
        return {};
    }
    QFile file(out);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

void TestSimCardPeers::openscToolNamesPivCard()
{
    SimCard card;
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    const PeerResult r =
        PeerProcess::run(QStringLiteral("opensc-tool"),
                         {QStringLiteral("--reader"), QStringLiteral("0"), QStringLiteral("-a"), QStringLiteral("-n")});
    QVERIFY2(r.ok(), r.describe().constData());
    // -n prints the driver's long name; --list-drivers pairs it with the short one, "PIV-II".
    QVERIFY2(r.out.contains("Personal Identity Verification Card"), r.describe().constData());
    const PeerResult drivers = PeerProcess::run(QStringLiteral("opensc-tool"), {QStringLiteral("--list-drivers")});
    static const QRegularExpression pivDriver(QStringLiteral("^\\s*PIV-II\\s+Personal Identity Verification Card$"),
                                              QRegularExpression::MultilineOption);
    QVERIFY2(pivDriver.match(QString::fromUtf8(drivers.out)).hasMatch(), drivers.describe().constData());
    // The ATR the simulator reports is the one pcscd got from it.
    QVERIFY2(r.out.contains(card.atr().toHex(':')), r.describe().constData());
    QVERIFY(card.stop());
}

void TestSimCardPeers::pkcs11ListsTokenAndCertificates()
{
    SimCard card;
    card.setGuid(QStringLiteral("0123456789abcdef0011223344556677"));
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    QCOMPARE(card.slotNames(), (QStringList{QStringLiteral("9a"), QStringLiteral("9c")}));

    const PeerResult slots = pkcs11Tool({QStringLiteral("--list-slots")});
    QVERIFY2(slots.ok() && slots.out.contains("token label"), slots.describe().constData());
    const PeerResult objects = pkcs11Tool({QStringLiteral("--list-objects")});
    QVERIFY2(objects.ok(), objects.describe().constData());
    QCOMPARE(objects.out.count("Certificate Object"), 2);
    QCOMPARE(readCertSha256(QStringLiteral("01")), card.certSha256(QStringLiteral("9a")));
    QCOMPARE(readCertSha256(QStringLiteral("02")), card.certSha256(QStringLiteral("9c")));

    // A second card with another GUID is another token: OpenSC builds the serial from the GUID.
    SimCard second;
    second.setReaderIndex(1);
    second.setGuid(QStringLiteral("0123456789abcdef8899aabbccddeeff")); // the serial is the GUID's last 8 bytes
    second.setSlots({QStringLiteral("9c=p256")});
    QVERIFY2(second.start(), qPrintable(second.errorString()));
    const PeerResult both = pkcs11Tool({QStringLiteral("--list-slots")});
    QVERIFY2(both.ok(), both.describe().constData());
    const QStringList serials = tokenSerials(both.out);
    QCOMPARE(serials.size(), 2);
    QVERIFY2(serials.at(0) != serials.at(1), both.out.constData());
    QVERIFY(card.guid().endsWith(serials.at(0)));
    QVERIFY(second.guid().endsWith(serials.at(1)));
    QVERIFY(second.stop());
    QVERIFY(card.stop());
}

void TestSimCardPeers::signaturesVerifyWithOpenssl()
{
    SimCard card;
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    signAndVerify(card, kPin, QStringLiteral("01"), QStringLiteral("9a")); // RSA-2048, chained GENERAL AUTHENTICATE
    signAndVerify(card, kPin, QStringLiteral("02"), QStringLiteral("9c")); // P-256, PIN-always
    QCOMPARE(card.pinTriesLeft(), 3);
    // C_GenerateRandom: OpenSC asks the 9B witness (GENERAL AUTHENTICATE 7C { 81 00 }) for bytes.
    const PeerResult random = pkcs11Tool({QStringLiteral("--generate-random"), QStringLiteral("32")});
    QVERIFY2(random.ok() && random.out.size() == 32, random.describe().constData());
    QVERIFY(card.stop());
}

void TestSimCardPeers::changePin()
{
    SimCard card;
    card.setSlots({QStringLiteral("9c=p256")}); // no RSA key needed here: faster
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    const PeerResult change =
        pkcs11Tool({QStringLiteral("--change-pin"), QStringLiteral("--pin"), QStringLiteral("env:TD_OLD"),
                    QStringLiteral("--new-pin"), QStringLiteral("env:TD_NEW")},
                   secrets({{QStringLiteral("TD_OLD"), kPin}, {QStringLiteral("TD_NEW"), kNewPin}}));
    QVERIFY2(change.ok(), change.describe().constData());

    const PeerResult oldPin = withPin(kPin, {QStringLiteral("--list-objects")});
    QVERIFY2(!oldPin.ok() && oldPin.err.contains("CKR_PIN_INCORRECT"), oldPin.describe().constData());
    QCOMPARE(card.pinTriesLeft(), 2);
    signAndVerify(card, kNewPin, QStringLiteral("02"), QStringLiteral("9c"));
    QCOMPARE(card.pinTriesLeft(), 3);
    QVERIFY(card.stop());
}

void TestSimCardPeers::wrongPinsLockAndPukUnblocks()
{
    SimCard card;
    card.setSlots({QStringLiteral("9c=p256")});
    QVERIFY2(card.start(), qPrintable(card.errorString()));

    auto lock = [&] {
        for (int i = 0; i < 3; ++i) {
            const PeerResult wrong = withPin(kWrongPin, {QStringLiteral("--list-objects")});
            QVERIFY2(!wrong.ok() && wrong.err.contains("CKR_PIN_INCORRECT"), wrong.describe().constData());
        }
        QCOMPARE(card.pinTriesLeft(), 0);
        // The token says so, and so does the card itself to a raw VERIFY status query.
        const PeerResult slots = pkcs11Tool({QStringLiteral("--list-slots")});
        QVERIFY2(slots.out.contains("user PIN locked"), slots.describe().constData());
        const PeerResult raw = PeerProcess::run(QStringLiteral("opensc-tool"),
                                                {QStringLiteral("--reader"), QStringLiteral("0"), QStringLiteral("-s"),
                                                 QStringLiteral("00A4040009A0000003080000100000"), QStringLiteral("-s"),
                                                 QStringLiteral("00200080")});
        QVERIFY2(raw.out.contains("SW1=0x69, SW2=0x83"), raw.describe().constData());
        const PeerResult right = withPin(kPin, {QStringLiteral("--list-objects")});
        QVERIFY2(!right.ok() && right.err.contains("CKR_PIN_LOCKED"), right.describe().constData());
    };
    lock();
    if (QTest::currentTestFailed())
        return;

    // pkcs15-tool lists the PIN objects (it does not ask a PIV card for the tries left).
    const PeerResult pins = PeerProcess::run(QStringLiteral("pkcs15-tool"), {QStringLiteral("--list-pins")});
    QVERIFY2(pins.ok() && pins.out.contains("PIV PUK") && pins.out.contains("Reference      : 128"),
             pins.describe().constData());

    // A wrong PUK costs one PUK try and unblocks nothing.
    const PeerResult wrongPuk = PeerProcess::run(
        QStringLiteral("pkcs15-tool"),
        {QStringLiteral("--unblock-pin"), QStringLiteral("--puk"), QStringLiteral("env:TD_PUK"),
         QStringLiteral("--new-pin"), QStringLiteral("env:TD_NEW")},
        {}, secrets({{QStringLiteral("TD_PUK"), QStringLiteral("00000000")}, {QStringLiteral("TD_NEW"), kNewPin}}));
    QVERIFY2(!wrongPuk.ok(), wrongPuk.describe().constData());
    QCOMPARE(card.info().value(QStringLiteral("puk_tries_left")).toInt(), 2);
    QCOMPARE(card.pinTriesLeft(), 0);

    const PeerResult unblock =
        PeerProcess::run(QStringLiteral("pkcs15-tool"),
                         {QStringLiteral("--unblock-pin"), QStringLiteral("--puk"), QStringLiteral("env:TD_PUK"),
                          QStringLiteral("--new-pin"), QStringLiteral("env:TD_NEW")},
                         {}, secrets({{QStringLiteral("TD_PUK"), kPuk}, {QStringLiteral("TD_NEW"), kNewPin}}));
    QVERIFY2(unblock.ok(), unblock.describe().constData());
    QCOMPARE(card.pinTriesLeft(), 3);
    QCOMPARE(card.info().value(QStringLiteral("puk_tries_left")).toInt(), 3);
    signAndVerify(card, kNewPin, QStringLiteral("02"), QStringLiteral("9c"));

    // The PKCS#11 way: C_InitPIN with the PUK in an unlogged session (the bench's OPENSC_CONF).
    lock();
    if (QTest::currentTestFailed())
        return;
    const PeerResult unlock =
        pkcs11Tool({QStringLiteral("--unlock-pin"), QStringLiteral("--puk"), QStringLiteral("env:TD_PUK"),
                    QStringLiteral("--new-pin"), QStringLiteral("env:TD_NEW")},
                   secrets({{QStringLiteral("TD_PUK"), kPuk}, {QStringLiteral("TD_NEW"), kPin}}));
    QVERIFY2(unlock.ok(), unlock.describe().constData());
    signAndVerify(card, kPin, QStringLiteral("02"), QStringLiteral("9c"));
    QVERIFY(card.stop());
}

void TestSimCardPeers::removalAndReinsertionKeepState()
{
    SimCard card;
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    const PeerResult change =
        pkcs11Tool({QStringLiteral("--change-pin"), QStringLiteral("--pin"), QStringLiteral("env:TD_OLD"),
                    QStringLiteral("--new-pin"), QStringLiteral("env:TD_NEW")},
                   secrets({{QStringLiteral("TD_OLD"), kPin}, {QStringLiteral("TD_NEW"), kNewPin}}));
    QVERIFY2(change.ok(), change.describe().constData());
    const QByteArray sha9a = card.certSha256(QStringLiteral("9a"));

    // pcsc_scan watches; stdbuf makes it print each event as it happens into our pipe.
    QProcess scan;
    scan.start(QStringLiteral("stdbuf"), {QStringLiteral("-oL"), QStringLiteral("pcsc_scan"), QStringLiteral("-n"),
                                          QStringLiteral("-t"), QStringLiteral("30")});
    QVERIFY(scan.waitForStarted());
    QByteArray output;
    auto waitForStates = [&](int count) {
        QDeadlineTimer deadline(10000);
        while (cardStates(output, card.readerName()).size() < count && !deadline.hasExpired()) {
            scan.waitForReadyRead(100);
            output += scan.readAllStandardOutput();
        }
        return cardStates(output, card.readerName()).size() >= count;
    };
    QVERIFY2(waitForStates(1), output.constData()); // the initial scan: inserted
    QVERIFY2(card.remove(), qPrintable(card.errorString()));
    QCOMPARE(card.control(QStringLiteral("status")), QStringLiteral("removed"));
    QVERIFY2(waitForStates(2), output.constData());
    QVERIFY2(card.insert(), qPrintable(card.errorString()));
    QCOMPARE(card.control(QStringLiteral("status")), QStringLiteral("inserted"));
    QVERIFY2(waitForStates(3), output.constData());
    scan.terminate(); // our own pcsc_scan, by its pid
    scan.waitForFinished(3000);
    QCOMPARE(cardStates(output, card.readerName()),
             (QStringList{QStringLiteral("inserted"), QStringLiteral("removed"), QStringLiteral("inserted")}));

    // The same card came back: same certificate, and the changed PIN is still the PIN.
    QCOMPARE(readCertSha256(QStringLiteral("01")), sha9a);
    signAndVerify(card, kNewPin, QStringLiteral("01"), QStringLiteral("9a"));

    // SIGUSR1 / SIGUSR2 do the same as the control socket.
    QVERIFY(::kill(static_cast<pid_t>(card.pid()), SIGUSR1) == 0);
    QString error;
    QVERIFY2(SimCard::waitForCardPresent(0, false, 5000, &error), qPrintable(error));
    QVERIFY(::kill(static_cast<pid_t>(card.pid()), SIGUSR2) == 0);
    QVERIFY2(SimCard::waitForCardPresent(0, true, 5000, &error), qPrintable(error));
    signAndVerify(card, kNewPin, QStringLiteral("02"), QStringLiteral("9c"));
    QVERIFY(card.stop());
}

void TestSimCardPeers::restartWithSameStateKeepsState()
{
    SimCard card;
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    const QString guid = card.guid();
    const QByteArray sha9a = card.certSha256(QStringLiteral("9a"));
    const QByteArray sha9c = card.certSha256(QStringLiteral("9c"));
    const PeerResult change =
        pkcs11Tool({QStringLiteral("--change-pin"), QStringLiteral("--pin"), QStringLiteral("env:TD_OLD"),
                    QStringLiteral("--new-pin"), QStringLiteral("env:TD_NEW")},
                   secrets({{QStringLiteral("TD_OLD"), kPin}, {QStringLiteral("TD_NEW"), kNewPin}}));
    QVERIFY2(change.ok(), change.describe().constData());
    const PeerResult wrong = withPin(kWrongPin, {QStringLiteral("--list-objects")});
    QVERIFY(!wrong.ok());
    QCOMPARE(card.pinTriesLeft(), 2);
    QVERIFY(card.stop());

    // Same state file, new process: command-line seeds are ignored, the card is the same.
    card.setPin(QStringLiteral("999999"));
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    QCOMPARE(card.guid(), guid);
    QCOMPARE(card.pinTriesLeft(), 2);
    QCOMPARE(readCertSha256(QStringLiteral("01")), sha9a);
    QCOMPARE(readCertSha256(QStringLiteral("02")), sha9c);
    signAndVerify(card, kNewPin, QStringLiteral("02"), QStringLiteral("9c"));
    QCOMPARE(card.pinTriesLeft(), 3);
    QVERIFY(card.stop());
}

// A test that ctest kills at its time-out (SIGKILL: no destructor runs) takes its simulated card
// with it: a card left in the bench's reader would fail every test after it. This test's own
// binary, run with --hold-card, starts a card, prints its pid and folder and waits to be killed.
void TestSimCardPeers::simulatorDiesWithItsTest()
{
    QProcess holder;
    holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    holder.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--hold-card")});
    QVERIFY2(holder.waitForStarted(5000), qPrintable(holder.errorString()));
    QVERIFY2(holder.waitForReadyRead(20000), "the holder printed no simulator pid");
    const QStringList line = QString::fromUtf8(holder.readLine().trimmed()).split(QLatin1Char(' '));
    QCOMPARE(line.size(), 2);
    bool ok = false;
    const pid_t simulator = line.at(0).toInt(&ok);
    QVERIFY(ok && simulator > 0);
    const auto cleanup = qScopeGuard([&] {
        QDir(line.at(1)).removeRecursively();
        QFile::remove(QDir(qEnvironmentVariable("TOKENDESK_TESTBENCH_DIR"))
                          .filePath(QStringLiteral("simcard-%1.pid").arg(simulator)));
    });
    QString error;
    QVERIFY2(SimCard::waitForCardPresent(0, true, 5000, &error), qPrintable(error));
    QVERIFY(childprocesses::alive(simulator)); // while its test lives

    QVERIFY(::kill(static_cast<pid_t>(holder.processId()), SIGKILL) == 0);
    QVERIFY(holder.waitForFinished(5000));
    QTRY_VERIFY_WITH_TIMEOUT(!childprocesses::alive(simulator), 5000);
    QVERIFY2(SimCard::waitForCardPresent(0, false, 5000, &error), qPrintable(error));
}

// --hold-card: start a card in reader 0, print "PID FOLDER", wait for SIGKILL.
static int holdCard(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    SimCard card;
    if (!card.start()) {
        std::fprintf(stderr, "hold-card: %s\n", qPrintable(card.errorString()));
        return 1;
    }
    std::printf("%lld %s\n", static_cast<long long>(card.pid()), qPrintable(card.dir()));
    std::fflush(stdout);
    for (;;)
        ::pause();
}

int main(int argc, char* argv[])
{
    if (argc == 2 && qstrcmp(argv[1], "--hold-card") == 0)
        return holdCard(argc, argv);
    QCoreApplication app(argc, argv);
    TestSimCardPeers test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_simcard_peers.moc"
