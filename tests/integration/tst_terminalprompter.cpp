// The terminal prompt of `tokendesk pin change`, on a real pseudo-terminal (openpty; the child
// is a session leader with the pty as its controlling terminal, as in a shell): echo is off at the
// prompt; Ctrl-Z gives the terminal back with echo on and `fg` (SIGCONT) turns it off again;
// Ctrl-C restores it; a line over 256 bytes is refused with a sentence naming the limit, and the
// PIN stays as it was. Against a SoftHSM2 token of the test's own.

#include "SoftHsmTokens.h"

#include <QElapsedTimer>
#include <QTest>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

namespace {

/// A child on a pseudo-terminal, as a shell with job control runs it: a "shell" process leads a new
/// session with the pty as its controlling terminal and runs tokendesk in a process group of its
/// own in the foreground. (A stop signal to a process group with no parent in its session is
/// discarded by the kernel, so tokendesk cannot be the session leader itself.) The shell reports
/// tokendesk's stops and end on a pipe: "P<pid>", "S<signal>", "X<code>", "K<signal>".
class PtyChild
{
public:
    bool start(const QStringList& arguments, const QString& softhsmConf)
    {
        int events[2];
        if (::openpty(&m_master, &m_slave, nullptr, nullptr, nullptr) != 0 || ::pipe(events) != 0) {
            return false;
        }
        const QByteArray program = QFile::encodeName(qEnvironmentVariable("TOKENDESK_BINARY"));
        QList<QByteArray> args{program};
        for (const QString& a : arguments) {
            args << a.toUtf8();
        }
        const QByteArray conf = "SOFTHSM2_CONF=" + QFile::encodeName(softhsmConf);
        m_shell = ::fork();
        if (m_shell == 0) {
            ::close(events[0]);
            ::close(m_master);
            ::setsid();
            ::ioctl(m_slave, TIOCSCTTY, 0);
            ::signal(SIGTTOU, SIG_IGN);
            const pid_t job = ::fork();
            if (job == 0) {
                ::setpgid(0, 0);
                ::signal(SIGTTOU, SIG_DFL);
                ::dup2(m_slave, 0);
                ::dup2(m_slave, 1);
                ::dup2(m_slave, 2);
                ::close(events[1]);
                std::vector<char*> argv;
                for (QByteArray& a : args) {
                    argv.push_back(a.data());
                }
                argv.push_back(nullptr);
                ::putenv(const_cast<char*>(conf.constData()));
                ::putenv(const_cast<char*>("QT_LOGGING_RULES=*.debug=false"));
                ::putenv(const_cast<char*>("LANG=C.UTF-8"));
                ::execv(argv[0], argv.data());
                ::_exit(127);
            }
            ::setpgid(job, job);
            ::tcsetpgrp(m_slave, job);
            char line[32];
            int n = std::snprintf(line, sizeof line, "P%d\n", int(job));
            ssize_t ignored = ::write(events[1], line, size_t(n));
            for (;;) {
                int status = 0;
                if (::waitpid(job, &status, WUNTRACED) != job) {
                    ::_exit(1);
                }
                if (WIFSTOPPED(status)) {
                    n = std::snprintf(line, sizeof line, "S%d\n", WSTOPSIG(status));
                } else if (WIFEXITED(status)) {
                    n = std::snprintf(line, sizeof line, "X%d\n", WEXITSTATUS(status));
                } else {
                    n = std::snprintf(line, sizeof line, "K%d\n", WTERMSIG(status));
                }
                ignored = ::write(events[1], line, size_t(n));
                if (!WIFSTOPPED(status)) {
                    static_cast<void>(ignored);
                    ::_exit(0);
                }
            }
        }
        ::close(events[1]);
        m_events = events[0];
        const QByteArray first = nextEvent();
        m_job = first.startsWith('P') ? first.mid(1).toInt() : -1;
        return m_shell > 0 && m_job > 0;
    }
    ~PtyChild()
    {
        if (m_job > 0 && !m_ended) {
            ::kill(m_job, SIGKILL);
        }
        if (m_shell > 0) {
            ::waitpid(m_shell, nullptr, 0);
        }
        for (int fd : {m_master, m_slave, m_events}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
    }

    /// The shell's next report about tokendesk ("S20", "X1", "K2"), within 20 s; empty if none.
    QByteArray nextEvent()
    {
        QByteArray line;
        struct pollfd p = {m_events, POLLIN, 0};
        char c = 0;
        while (::poll(&p, 1, 20000) > 0 && ::read(m_events, &c, 1) == 1) {
            if (c == '\n') {
                m_ended = line.startsWith('X') || line.startsWith('K');
                return line;
            }
            line += c;
        }
        return {};
    }
    /// Reads from the terminal until `text` has appeared (or `ms` passed); true when it did.
    bool waitFor(const QByteArray& text, int ms = 20000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_output.contains(text) && timer.elapsed() < ms) {
            struct pollfd p = {m_master, POLLIN, 0};
            if (::poll(&p, 1, 100) > 0) {
                char buffer[4096];
                const ssize_t n = ::read(m_master, buffer, sizeof buffer);
                if (n > 0) {
                    m_output.append(buffer, n);
                } else if (n < 0 && errno != EINTR && errno != EAGAIN) {
                    break; // EIO: the child has gone
                }
            }
        }
        return m_output.contains(text);
    }
    bool type(const QByteArray& bytes)
    {
        return ::write(m_master, bytes.constData(), size_t(bytes.size())) == bytes.size();
    }
    bool echoOn() const
    {
        struct termios t = {};
        return ::tcgetattr(m_slave, &t) == 0 && (t.c_lflag & ECHO) != 0;
    }
    pid_t job() const { return m_job; }
    const QByteArray& output() const { return m_output; }

private:
    int m_master = -1;
    int m_slave = -1;
    int m_events = -1;
    pid_t m_shell = -1;
    pid_t m_job = -1;
    bool m_ended = false;
    QByteArray m_output;
};

bool waitUntil(const std::function<bool()>& condition, int ms = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms) {
            return false;
        }
        QTest::qWait(20);
    }
    return true;
}

} // namespace

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
        QVERIFY(child.start(pinChange(), m_tokens.confPath()));
        QVERIFY2(child.waitFor("PIN for"), child.output().constData());
        QVERIFY(waitUntil([&] { return !child.echoOn(); }));

        QVERIFY(child.type("\x1a")); // Ctrl-Z: the terminal sends SIGTSTP to the foreground group
        QCOMPARE(child.nextEvent(), QByteArray("S") + QByteArray::number(SIGTSTP));
        QVERIFY(child.echoOn()); // the shell gets its terminal as it was

        QCOMPARE(::kill(child.job(), SIGCONT), 0); // fg
        QVERIFY(waitUntil([&] { return !child.echoOn(); }));

        QVERIFY(child.type("\x03")); // Ctrl-C
        QCOMPARE(child.nextEvent(), QByteArray("K") + QByteArray::number(SIGINT));
        QVERIFY(child.echoOn());
    }

    void overlongLineIsRefused()
    {
        PtyChild child;
        QVERIFY(child.start(pinChange(), m_tokens.confPath()));
        QVERIFY2(child.waitFor("PIN for"), child.output().constData());
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
