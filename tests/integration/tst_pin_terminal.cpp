// What README.md promises for `tokendesk pin` that tst_pin_cli (scripts, --final-try always on)
// does not show, against the simulated PIV card through the bench's real pcscd and OpenSC:
// - at a real terminal (a pseudo-terminal, PtyChild): `pin change` and `pin unblock` ask the new
//   PIN twice, and two entries that differ change nothing; a final try needs YES typed, asked
//   once, and anything else sends nothing;
// - from stdin: a final try is refused without --final-try; the pin_too_short and puk_locked
//   error codes, with nothing sent to the card;
// - secrets never go into a file: after a change and back, no file in the bench folder, the
//   test's HOME or the temporary folder (what appeared in it during the test), nor tokendesk's
//   output with every logging category on, holds the old or the new PIN.
// "Nothing sent" is read on the card: its counters, and the APDUs it received (CHANGE REFERENCE
// DATA 0x24, RESET RETRY COUNTER 0x2C).

#include "PeerProcess.h"
#include "PivPeers.h"
#include "PtyChild.h"
#include "SimCard.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <functional>
#include <memory>

namespace {
const QString kPin = QStringLiteral("123456");
const QString kNewPin = QStringLiteral("40718293");
const QString kOtherPin = QStringLiteral("40718294");
const QString kPuk = QStringLiteral("58203719");
const QString kWrongPuk = QStringLiteral("99911122");
const QString kUri = QStringLiteral("pkcs11:manufacturer=piv_II");
constexpr int kChangeReference = 0x24;
constexpr int kResetRetryCounter = 0x2C;

/// Every form a secret could be written in: as typed, UTF-16, and the hex an APDU dump prints.
QList<QByteArray> forms(const QString& secret)
{
    const QByteArray text = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2);
    return {text, utf16, text.toHex(), text.toHex(' '), text.toHex().toUpper(), text.toHex(' ').toUpper()};
}

/// The first form of one of `secrets` in `data`, or empty.
QByteArray findSecret(const QByteArray& data, const QStringList& secrets)
{
    for (const QString& secret : secrets) {
        for (const QByteArray& form : forms(secret)) {
            if (data.contains(form)) {
                return form;
            }
        }
    }
    return {};
}

int pukTriesLeft(const SimCard& card)
{
    return card.info().value(QStringLiteral("puk_tries_left")).toInt(-1);
}
} // namespace

class TestPinTerminal : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimCard> m_card; // a new card for every test: PIN 123456, 3 tries each
    SimCard& card() { return *m_card; }

    /// Waits for the prompt `text`, then for echo to go off (typed before, it would be echoed,
    /// or flushed by the prompt's TCSAFLUSH), and types `secret` and Enter.
    static bool answerSecret(PtyChild& child, const QByteArray& prompt, const QString& secret)
    {
        if (!child.waitForNext(prompt)) {
            qWarning("no prompt %s in: %s (tokendesk %s)", prompt.constData(), child.output().constData(),
                     child.nextEvent(1000).constData());
            return false;
        }
        if (!child.waitForEcho(false)) {
            qWarning("echo still on at %s", prompt.constData());
            return false;
        }
        return child.type(secret.toUtf8() + '\n');
    }

    /// `tokendesk pin ARGS URI --json` as a script runs it, with these stdin lines.
    static PeerResult script(const QStringList& args, const QStringList& lines)
    {
        QByteArray input;
        for (const QString& line : lines) {
            input += line.toUtf8() + '\n';
        }
        QProcessEnvironment env;
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        return PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"),
                                QStringList{QStringLiteral("pin")} + args + QStringList{kUri, QStringLiteral("--json")},
                                input, env, 60000);
    }

    static QString errorCode(const PeerResult& r)
    {
        return QJsonDocument::fromJson(r.out)
            .object()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }

    void lockPin()
    {
        for (int i = 0; i < 3; ++i) {
            QVERIFY(pivpeers::spendPinTry());
        }
        QCOMPARE(card().pinTriesLeft(), 0);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(qEnvironmentVariable("TOKENDESK_BINARY")), "TOKENDESK_BINARY"); }
    void init()
    {
        m_card = std::make_unique<SimCard>();
        card().setReaderIndex(0);
        card().setPin(kPin);
        card().setPuk(kPuk);
        QVERIFY2(card().start(), qPrintable(card().errorString()));
    }
    void cleanup()
    {
        QVERIFY(card().stop());
        m_card.reset();
    }

    void changeAsksTheNewPinTwice()
    {
        PtyChild child;
        QVERIFY(child.start({QStringLiteral("pin"), QStringLiteral("change"), kUri}));
        QVERIFY(answerSecret(child, "PIN for", kPin));
        QVERIFY(answerSecret(child, "New PIN for", kNewPin));
        QVERIFY2(child.waitForNext("Type it again to confirm."), child.output().constData());
        QVERIFY(answerSecret(child, "New PIN for", kNewPin));
        QCOMPARE(child.nextEvent(), QByteArray("X0"));
        QVERIFY2(child.waitFor("The PIN was changed."), child.output().constData());
        QCOMPARE(child.output().count("New PIN for"), 2);
        QVERIFY2(findSecret(child.output(), {kPin, kNewPin}).isEmpty(), child.output().constData()); // no echo
        QCOMPARE(card().pinTriesLeft(), 3);
        QVERIFY(pivpeers::signsWith(kNewPin));
    }

    void changeWithTwoDifferentEntriesChangesNothing()
    {
        const int changes = card().apduCount(kChangeReference);
        PtyChild child;
        QVERIFY(child.start({QStringLiteral("pin"), QStringLiteral("change"), kUri}));
        QVERIFY(answerSecret(child, "PIN for", kPin));
        QVERIFY(answerSecret(child, "New PIN for", kNewPin));
        QVERIFY(answerSecret(child, "New PIN for", kOtherPin));
        const QByteArray ended = child.nextEvent();
        QVERIFY2(ended.startsWith('X') && ended != "X0", ended.constData());
        QVERIFY2(child.waitFor("The two entries differ; nothing was changed."), child.output().constData());
        QVERIFY(!child.output().contains("The PIN was changed."));
        QCOMPARE(card().apduCount(kChangeReference), changes);
        QCOMPARE(card().pinTriesLeft(), 3);
        QVERIFY(pivpeers::signsWith(kPin));
    }

    void unblockAsksTheNewPinTwice()
    {
        lockPin();
        PtyChild child;
        QVERIFY(child.start({QStringLiteral("pin"), QStringLiteral("unblock"), kUri}));
        QVERIFY(answerSecret(child, "PUK / SO PIN for", kPuk));
        QVERIFY(answerSecret(child, "New PIN for", kNewPin));
        QVERIFY2(child.waitForNext("Type it again to confirm."), child.output().constData());
        QVERIFY(answerSecret(child, "New PIN for", kNewPin));
        QCOMPARE(child.nextEvent(), QByteArray("X0"));
        QVERIFY2(child.waitFor("The PIN was set and unblocked."), child.output().constData());
        QVERIFY2(findSecret(child.output(), {kPuk, kNewPin}).isEmpty(), child.output().constData());
        QCOMPARE(card().pinTriesLeft(), 3);
        QCOMPARE(pukTriesLeft(card()), 3);
        QVERIFY(pivpeers::signsWith(kNewPin));
    }

    void unblockWithTwoDifferentEntriesChangesNothing()
    {
        lockPin();
        const int resets = card().apduCount(kResetRetryCounter);
        PtyChild child;
        QVERIFY(child.start({QStringLiteral("pin"), QStringLiteral("unblock"), kUri}));
        QVERIFY(answerSecret(child, "PUK / SO PIN for", kPuk));
        QVERIFY(answerSecret(child, "New PIN for", kNewPin));
        QVERIFY(answerSecret(child, "New PIN for", kOtherPin));
        const QByteArray ended = child.nextEvent();
        QVERIFY2(ended.startsWith('X') && ended != "X0", ended.constData());
        QVERIFY2(child.waitFor("The two entries differ; nothing was changed."), child.output().constData());
        QCOMPARE(card().apduCount(kResetRetryCounter), resets);
        QCOMPARE(card().pinTriesLeft(), 0);
        QCOMPARE(pukTriesLeft(card()), 3);
    }

    void finalTryNeedsYesTyped()
    {
        QVERIFY(pivpeers::spendPinTry());
        QVERIFY(pivpeers::spendPinTry());
        QCOMPARE(card().pinTriesLeft(), 1);
        const int changes = card().apduCount(kChangeReference);

        // Anything but YES: refused before the PIN is even asked for; nothing reaches the card.
        {
            PtyChild child;
            QVERIFY(child.start({QStringLiteral("pin"), QStringLiteral("change"), kUri}));
            QVERIFY2(child.waitForNext("Type YES to continue: "), child.output().constData());
            QVERIFY(child.type("yes\n"));
            const QByteArray ended = child.nextEvent();
            QVERIFY2(ended.startsWith('X') && ended != "X0", ended.constData());
            QVERIFY2(!child.output().contains("PIN for \""), child.output().constData());
            QCOMPARE(card().pinTriesLeft(), 1);
            QCOMPARE(card().apduCount(kChangeReference), changes);
        }

        // YES: asked once (not again at the PIN prompt), then the PIN on its last try.
        PtyChild child;
        QVERIFY(child.start({QStringLiteral("pin"), QStringLiteral("change"), kUri}));
        QVERIFY2(child.waitForNext("Type YES to continue: "), child.output().constData());
        QVERIFY(child.type("YES\n"));
        QVERIFY(answerSecret(child, "(1 try left): ", kPin));
        QVERIFY(answerSecret(child, "New PIN for", kNewPin));
        QVERIFY(answerSecret(child, "New PIN for", kNewPin));
        QCOMPARE(child.nextEvent(), QByteArray("X0"));
        QCOMPARE(child.output().count("Type YES"), 1);
        QCOMPARE(card().apduCount(kChangeReference), changes + 1);
        QCOMPARE(card().pinTriesLeft(), 3);
        QVERIFY(pivpeers::signsWith(kNewPin));
    }

    void finalTryFromStdinNeedsTheFlag()
    {
        QVERIFY(pivpeers::spendPinTry());
        QVERIFY(pivpeers::spendPinTry());
        QCOMPARE(card().pinTriesLeft(), 1);
        const int changes = card().apduCount(kChangeReference);

        const PeerResult refused = script({QStringLiteral("change")}, {kPin, kNewPin});
        QVERIFY2(refused.exitCode == 1, refused.describe().constData());
        QCOMPARE(errorCode(refused), QStringLiteral("cancelled"));
        QVERIFY2(refused.err.contains("not trying without --final-try"), refused.err.constData());
        QCOMPARE(card().pinTriesLeft(), 1);
        QCOMPARE(card().apduCount(kChangeReference), changes);

        const PeerResult allowed = script({QStringLiteral("change"), QStringLiteral("--final-try")}, {kPin, kNewPin});
        QVERIFY2(allowed.exitCode == 0, allowed.describe().constData());
        QCOMPARE(card().apduCount(kChangeReference), changes + 1);
        QCOMPARE(card().pinTriesLeft(), 3);
        QVERIFY(pivpeers::signsWith(kNewPin));
    }

    void tooShortIsRefusedBeforeSending()
    {
        const int changes = card().apduCount(kChangeReference);
        const PeerResult r = script({QStringLiteral("change")}, {kPin, QStringLiteral("12345")});
        QVERIFY2(r.exitCode == 1, r.describe().constData());
        QCOMPARE(errorCode(r), QStringLiteral("pin_too_short"));
        QCOMPARE(card().apduCount(kChangeReference), changes);
        QCOMPARE(card().pinTriesLeft(), 3);
        QVERIFY(pivpeers::signsWith(kPin));
    }

    void lockedPukIsToldPlainly()
    {
        lockPin();
        for (int left = 2; left >= 0; --left) {
            const PeerResult r =
                script({QStringLiteral("unblock"), QStringLiteral("--final-try")}, {kWrongPuk, kNewPin});
            QVERIFY2(r.exitCode == 1, r.describe().constData());
            QCOMPARE(errorCode(r), QStringLiteral("puk_incorrect"));
            QCOMPARE(QJsonDocument::fromJson(r.out)
                         .object()
                         .value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("tries_left"))
                         .toInt(-1),
                     left);
            QCOMPARE(pukTriesLeft(card()), left);
        }
        // Even the right PUK: locked is said as such (not "incorrect"), and nothing is unblocked.
        // (PIV cannot tell a PUK's state before it is used: the card says so at RESET RETRY COUNTER.)
        const PeerResult locked = script({QStringLiteral("unblock"), QStringLiteral("--final-try")}, {kPuk, kNewPin});
        QVERIFY2(locked.exitCode == 1, locked.describe().constData());
        QCOMPARE(errorCode(locked), QStringLiteral("puk_locked"));
        QVERIFY(!locked.err.trimmed().isEmpty());
        QCOMPARE(pukTriesLeft(card()), 0);
        QCOMPARE(card().pinTriesLeft(), 0);
    }

    void secretsNeverGoIntoAFile()
    {
        // What the temporary folder holds before: what appears in it during the test is scanned.
        const QDir temp(QDir::tempPath());
        const QStringList before =
            temp.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        QByteArray output;
        for (const auto& [from, to] : {std::pair{kPin, kNewPin}, std::pair{kNewPin, kPin}}) {
            const PeerResult r = script({QStringLiteral("change")}, {from, to});
            QVERIFY2(r.exitCode == 0, r.describe().constData());
            output += r.out + r.err;
        }
        QVERIFY(output.contains("tokendesk.apdu")); // every category was on
        QVERIFY(pivpeers::signsWith(kPin));         // changed, and back

        const QByteArray inOutput = findSecret(output, {kPin, kNewPin});
        QVERIFY2(inOutput.isEmpty(), inOutput.constData());

        // The simulated card's own state file holds its PIN, as the card's memory does: not ours.
        const QString cardDir = QDir(card().dir()).canonicalPath();
        const QString bench = qEnvironmentVariable("TOKENDESK_TESTBENCH_DIR");
        const QString home = QDir::homePath();
        QVERIFY2(!bench.isEmpty() && QFileInfo(bench).isDir(), "TOKENDESK_TESTBENCH_DIR");
        QVERIFY2(home.startsWith(bench), qPrintable(home)); // the bench's HOME, not the user's
        int scanned = 0;
        QStringList found;
        const auto scanFile = [&](const QString& path) {
            const QFileInfo info(path);
            if (!info.isFile() || info.isSymLink() || info.canonicalFilePath().startsWith(cardDir + QLatin1Char('/'))) {
                return;
            }
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                return; // not readable, so not ours
            }
            ++scanned;
            const QByteArray form = findSecret(file.readAll(), {kPin, kNewPin});
            if (!form.isEmpty()) {
                found << path + QStringLiteral(" holds ") + QString::fromUtf8(form);
            }
        };
        const auto scan = [&](const QString& root) {
            if (!QFileInfo(root).isDir()) {
                scanFile(root);
                return;
            }
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                scanFile(it.next());
            }
        };
        scan(bench);
        if (!home.startsWith(bench + QLatin1Char('/'))) {
            scan(home);
        }
        const QStringList after = temp.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        for (const QString& name : after) {
            if (!before.contains(name)) {
                scan(temp.filePath(name));
            }
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        QVERIFY(scanned > 0);
    }
};

QTEST_GUILESS_MAIN(TestPinTerminal)
#include "tst_pin_terminal.moc"
