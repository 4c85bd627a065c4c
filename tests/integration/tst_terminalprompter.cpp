// The terminal prompt of `tokendesk pin change`, on a real pseudo-terminal (openpty; the child
// is a session leader with the pty as its controlling terminal, as in a shell): echo is off at the
// prompt; Ctrl-Z gives the terminal back with echo on and `fg` (SIGCONT) turns it off again;
// Ctrl-C restores it; a line over 256 bytes is refused with a sentence naming the limit, and the
// PIN stays as it was. Against a SoftHSM2 token of the test's own.

#include "PtyChild.h"
#include "SoftHsmTokens.h"

#include <QTest>

class TestTerminalPrompter : public QObject
{
    Q_OBJECT

    SoftHsmTokens m_tokens;
    const QString m_uri = QStringLiteral("pkcs11:token=Tty%20Token");

    QStringList pinChange() const
    {
        return {QStringLiteral("pin"), QStringLiteral("change"), m_uri, QStringLiteral("--module"),
                SoftHsmTokens::modulePath()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("TOKENDESK_BINARY")));
        QVERIFY2(m_tokens.isValid(), qPrintable(m_tokens.errorString()));
        QVERIFY2(m_tokens.createToken("Tty Token"), qPrintable(m_tokens.errorString()));
    }

    void echoOffStopAndContinue()
    {
        PtyChild child;
        QVERIFY(child.start(pinChange(), {"SOFTHSM2_CONF=" + QFile::encodeName(m_tokens.confPath())}));
        QVERIFY2(child.waitFor("PIN for"), child.output().constData());
        QVERIFY(child.waitForEcho(false));

        QVERIFY(child.type("\x1a")); // Ctrl-Z: the terminal sends SIGTSTP to the foreground group
        QCOMPARE(child.nextEvent(), QByteArray("S") + QByteArray::number(SIGTSTP));
        QVERIFY(child.echoOn()); // the shell gets its terminal as it was

        QCOMPARE(::kill(child.job(), SIGCONT), 0); // fg
        QVERIFY(child.waitForEcho(false));

        QVERIFY(child.type("\x03")); // Ctrl-C
        QCOMPARE(child.nextEvent(), QByteArray("K") + QByteArray::number(SIGINT));
        QVERIFY(child.echoOn());
    }

    void overlongLineIsRefused()
    {
        PtyChild child;
        QVERIFY(child.start(pinChange(), {"SOFTHSM2_CONF=" + QFile::encodeName(m_tokens.confPath())}));
        QVERIFY2(child.waitFor("PIN for"), child.output().constData());
        // Typed before echo is off, it would be echoed, or discarded by the prompt's TCSAFLUSH.
        QVERIFY(child.waitForEcho(false));
        // The current PIN followed by 300 more digits: cut at 256 it would not even be the PIN.
        QVERIFY(child.type(SoftHsmTokens::kUserPin.toUtf8() + QByteArray(300, '1') + '\n'));
        QVERIFY2(child.waitFor("longer than 256 bytes"), child.output().constData());
        const QByteArray ended = child.nextEvent();
        QVERIFY2(ended.startsWith('X') && ended != "X0", ended.constData());
        QVERIFY(child.echoOn());
        QVERIFY(!child.output().contains(SoftHsmTokens::kUserPin.toUtf8())); // no echo of it either
    }

    void pinUnchangedAfterwards()
    {
        // The user PIN still logs in: neither run above changed it.
        const PeerResult r = PeerProcess::run(
            QStringLiteral("pkcs11-tool"),
            {QStringLiteral("--module"), SoftHsmTokens::modulePath(), QStringLiteral("--token-label"),
             QStringLiteral("Tty Token"), QStringLiteral("--login"), QStringLiteral("--pin"),
             QStringLiteral("env:TTY_PIN"), QStringLiteral("-O")},
            {},
            [] {
                QProcessEnvironment env;
                env.insert(QStringLiteral("TTY_PIN"), SoftHsmTokens::kUserPin);
                return env;
            }(),
            30000);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
    }
};

QTEST_GUILESS_MAIN(TestTerminalPrompter)
#include "tst_terminalprompter.moc"
