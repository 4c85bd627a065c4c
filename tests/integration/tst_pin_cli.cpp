// `tokendesk pin status|change|unblock URI` as a script runs it (secrets one per line on
// stdin) against the simulated PIV card through the real pcscd and OpenSC, with every
// logging category on, APDU tracing included: each step's JSON matches the simulator's
// counters, and none of the PINs or PUKs used appears anywhere in stdout or stderr,
// as text or as the hex the APDU trace would print.

#include "PeerProcess.h"
#include "SimCard.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTest>

namespace {
// Distinct values, so a leak cannot hide behind a coincidence.
const QString kPin = QStringLiteral("864209");
const QString kPuk = QStringLiteral("58203719");
const QString kNewPin = QStringLiteral("7391468");
const QString kNewPuk = QStringLiteral("40617253");
const QString kWrongPin = QStringLiteral("555000");
const QString kWrongPuk = QStringLiteral("99911122");
const QString kUri = QStringLiteral("pkcs11:manufacturer=piv_II");

QStringList secrets()
{
    return {kPin, kPuk, kNewPin, kNewPuk, kWrongPin, kWrongPuk};
}
} // namespace

class TestPinCli : public QObject
{
    Q_OBJECT

    SimCard m_card;
    QByteArray m_allOutput;

    /// Runs `tokendesk pin ARGS --json` with these stdin lines; returns the JSON.
    QJsonObject pin(const QStringList& args, const QStringList& lines, int expectedExit)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        QByteArray input;
        for (const QString& line : lines) {
            input += line.toUtf8() + '\n';
        }
        const PeerResult r =
            PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"),
                             QStringList{QStringLiteral("pin")} + args +
                                 QStringList{kUri, QStringLiteral("--json"), QStringLiteral("--final-try")},
                             input, env, 60000);
        m_allOutput += r.out + r.err;
        if (r.exitCode != expectedExit) {
            qWarning("%s", r.describe().constData());
        }
        [&] {
            QCOMPARE(r.exitCode, expectedExit);
        }();
        return QJsonDocument::fromJson(r.out).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("TOKENDESK_BINARY")), "TOKENDESK_BINARY");
        m_card.setReaderIndex(0);
        m_card.setPin(kPin);
        m_card.setPuk(kPuk);
        QVERIFY2(m_card.start(), qPrintable(m_card.errorString()));
    }

    void everyOperationMatchesTheCard()
    {
        QJsonObject status = pin({QStringLiteral("status")}, {}, 0);
        QCOMPARE(status.value(QStringLiteral("pin")).toObject().value(QStringLiteral("tries_left")).toInt(), 3);
        QCOMPARE(status.value(QStringLiteral("piv")).toBool(), true);

        // A wrong current PIN: one try spent, and said.
        QJsonObject wrong = pin({QStringLiteral("change")}, {kWrongPin, kNewPin}, 1);
        QJsonObject error = wrong.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("pin_incorrect"));
        QCOMPARE(error.value(QStringLiteral("tries_left")).toInt(), 2);
        QCOMPARE(m_card.pinTriesLeft(), 2);

        // A new PIN that breaks the rules: nothing sent.
        QJsonObject letters = pin({QStringLiteral("change")}, {kPin, QStringLiteral("12ab56")}, 1);
        QCOMPARE(letters.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("pin_not_digits"));
        QCOMPARE(m_card.pinTriesLeft(), 2);

        // The change itself.
        QJsonObject changed = pin({QStringLiteral("change")}, {kPin, kNewPin}, 0);
        QVERIFY(!changed.value(QStringLiteral("pin")).toObject().value(QStringLiteral("locked")).toBool());
        QCOMPARE(m_card.pinTriesLeft(), 3);

        // The PUK changed.
        pin({QStringLiteral("change"), QStringLiteral("--so")}, {kPuk, kNewPuk}, 0);

        // Three wrong PINs: locked, 0 tries, as the card says.
        for (int left = 2; left >= 0; --left) {
            pin({QStringLiteral("change")}, {kWrongPin, kPin}, 1);
            QCOMPARE(m_card.pinTriesLeft(), left);
        }
        status = pin({QStringLiteral("status")}, {}, 0);
        QCOMPARE(status.value(QStringLiteral("pin")).toObject().value(QStringLiteral("tries_left")).toInt(), 0);
        QCOMPARE(status.value(QStringLiteral("pin")).toObject().value(QStringLiteral("locked")).toBool(), true);
        QJsonObject locked = pin({QStringLiteral("change")}, {kNewPin, kPin}, 1);
        QCOMPARE(locked.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("pin_locked"));

        // A wrong PUK costs exactly one PUK try, and says so.
        QJsonObject wrongPuk = pin({QStringLiteral("unblock")}, {kWrongPuk, kPin}, 1);
        error = wrongPuk.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("puk_incorrect"));
        QCOMPARE(error.value(QStringLiteral("tries_left")).toInt(), 2);
        QCOMPARE(m_card.info().value(QStringLiteral("puk_tries_left")).toInt(), 2);

        // The (new) PUK unblocks, and the counter is full again.
        QJsonObject unblocked = pin({QStringLiteral("unblock")}, {kNewPuk, kPin}, 0);
        QCOMPARE(unblocked.value(QStringLiteral("pin")).toObject().value(QStringLiteral("tries_left")).toInt(), 3);
        QCOMPARE(m_card.pinTriesLeft(), 3);
        QCOMPARE(m_card.info().value(QStringLiteral("puk_tries_left")).toInt(), 3);
    }

    void noSecretInAnyOutput()
    {
        QVERIFY(m_allOutput.contains("tokendesk.apdu")); // the trace was on
        for (const QString& secret : secrets()) {
            const QByteArray text = secret.toUtf8();
            QVERIFY2(!m_allOutput.contains(text), qPrintable(secret));
            QVERIFY2(!m_allOutput.contains(text.toHex(' ')), qPrintable(secret));
            QVERIFY2(!m_allOutput.contains(text.toHex()), qPrintable(secret));
        }
    }
};

QTEST_GUILESS_MAIN(TestPinCli)
#include "tst_pin_cli.moc"
