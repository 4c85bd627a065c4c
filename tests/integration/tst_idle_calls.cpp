// "No polling", counted: the window (offscreen), with the simulated card in the first reader
// and its token read, is left idle, and every PC/SC and PKCS#11 call it makes is counted.
//
// - PC/SC: pcsc-lite's spy library (libpcscspy, as the benchmark
//   tests/bench/monitor_idle_calls.sh uses it) logs every call on entry and on return into
//   "$HOME/pcsc-spy"; the process gets a HOME of its own holding that file. It is found as
//   libpcsclite.so.1 (LD_LIBRARY_PATH), so OpenSC's calls, made through its own dlopen of
//   that name, are counted too.
// - PKCS#11: counting_pkcs11_shim (LD_PRELOADed) wraps the function list of every module the
//   program loads through p11-kit and logs every call into COUNTING_SHIM_LOG.
//
// Start-up is over once both logs have been still for kQuietMs (and the card's token was
// read); then, for kWindowMs, neither log may grow: no call begins or ends. The one call
// allowed across the window is the reader monitor's SCardGetStatusChange, blocked with an
// infinite timeout, begun before the window and still open after it.

#include "CountingShim.h"
#include "SimCard.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kQuietMs = 1000;
constexpr int kWindowMs = 5000;
constexpr int kStartTimeoutMs = 30000;

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A call still open at the end of a pcsc-spy log: function and its argument lines.
struct OpenCall
{
    QByteArray function;
    QList<QByteArray> arguments;
};

/// pcsc-spy's log: "THREAD@>|sec|usec|Function" on entry, "THREAD@value" per argument,
/// "THREAD@<|sec|usec|Function|text|rv" on return. A thread's calls do not nest.
QHash<QByteArray, OpenCall> openCalls(const QByteArray& log)
{
    QHash<QByteArray, OpenCall> open;
    for (const QByteArray& line : log.split('\n')) {
        const qsizetype at = line.indexOf('@');
        if (at <= 0) {
            continue;
        }
        const QByteArray thread = line.left(at);
        const QByteArray rest = line.mid(at + 1);
        if (rest.startsWith(">|")) {
            open.insert(thread, OpenCall{rest.split('|').value(3), {}});
        } else if (rest.startsWith("<|")) {
            open.remove(thread);
        } else if (open.contains(thread)) {
            open[thread].arguments.append(rest);
        }
    }
    return open;
}

QByteArray calls(const QByteArray& shimLog)
{
    QByteArray out;
    for (const QByteArray& line : shimLog.split('\n')) {
        if (line.startsWith("call ")) {
            out += line + '\n';
        }
    }
    return out;
}

} // namespace

class TestIdleCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowIdleMakesNoCalls()
    {
        const QString spyLibrary = QStringLiteral(TOKENDESK_PCSCSPY_LIBRARY);
        QVERIFY2(QFile::exists(spyLibrary), "libpcscspy.so.0 is missing (Debian package libpcsclite-dev)");
        QVERIFY(QFile::exists(QStringLiteral(TOKENDESK_COUNTING_SHIM)));

        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));

        QTemporaryDir home;
        QVERIFY(home.isValid());
        // libpcscspy opens "$HOME/pcsc-spy" without O_CREAT: a plain file works as its FIFO does.
        const QString spyLog = home.filePath(QStringLiteral("pcsc-spy"));
        const QString shimLog = home.filePath(QStringLiteral("pkcs11-calls"));
        {
            QFile f(spyLog);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // The spy as libpcsclite.so.1, so that OpenSC's dlopen of it gets the spy too; the spy
        // itself loads libpcsclite_nospy.so.1, the real library.
        const QString libs = home.filePath(QStringLiteral("lib"));
        QVERIFY(QDir().mkpath(libs));
        QVERIFY(QFile::link(spyLibrary, libs + QStringLiteral("/libpcsclite.so.1")));
        QVERIFY(
            QFile::link(QStringLiteral(TOKENDESK_PCSCLITE_LIBRARY), libs + QStringLiteral("/libpcsclite_nospy.so.1")));
        const QString libraryPath = env.value(QStringLiteral("LD_LIBRARY_PATH"));
        env.insert(QStringLiteral("LD_LIBRARY_PATH"),
                   libraryPath.isEmpty() ? libs : libs + QLatin1Char(':') + libraryPath);
        preloadCountingShim(env, QStringLiteral(TOKENDESK_COUNTING_SHIM), shimLog);
        QProcess window;
        window.setProcessEnvironment(env);
        window.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // In process: the shim and the spy count the calls this process makes. Isolated, OpenSC's
        // calls are its module host's, and that host is asleep when idle as the window is
        // (bench_idle_context_switches counts the window's and its hosts' wake-ups together).
        window.start(qEnvironmentVariable("TOKENDESK_BINARY"), {QStringLiteral("--in-process")});
        QVERIFY(window.waitForStarted());
        auto stop = qScopeGuard([&window] {
            window.kill();
            window.waitForFinished();
        });

        // Start-up: the card's token read through OpenSC, then both logs still for kQuietMs.
        QElapsedTimer sinceStart;
        sinceStart.start();
        QByteArray lastSpy;
        QByteArray lastShim;
        QElapsedTimer still;
        still.start();
        bool settled = false;
        while (!settled && sinceStart.elapsed() < kStartTimeoutMs && window.state() == QProcess::Running) {
            QTest::qWait(100);
            const QByteArray spy = readAll(spyLog);
            const QByteArray shim = readAll(shimLog);
            if (spy != lastSpy || shim != lastShim) {
                lastSpy = spy;
                lastShim = shim;
                still.restart();
            }
            settled = still.elapsed() >= kQuietMs && shim.contains("C_FindObjectsFinal") && openCalls(spy).size() == 1;
        }
        QVERIFY2(window.state() == QProcess::Running, "the window exited");
        QVERIFY2(settled, qPrintable(QStringLiteral("no still moment of %1 ms within %2 s of start; "
                                                    "the last PKCS#11 calls:\n%3\nthe last PC/SC log lines:\n%4")
                                         .arg(kQuietMs)
                                         .arg(kStartTimeoutMs / 1000)
                                         .arg(QString::fromUtf8(calls(lastShim).right(1500)))
                                         .arg(QString::fromUtf8(lastSpy.right(1500)))));
        QVERIFY2(lastShim.contains("load "), "the PKCS#11 shim wrapped no module");
        QByteArray modules;
        for (const QByteArray& line : lastShim.split('\n')) {
            if (line.startsWith("load ")) {
                modules += "  " + line + '\n';
            }
        }
        qInfo("start-up: %lld PKCS#11 calls, %lld PC/SC calls, in %lld ms; modules:\n%s",
              static_cast<long long>(calls(lastShim).count('\n')), static_cast<long long>(lastSpy.count("@>|")),
              static_cast<long long>(sinceStart.elapsed()), modules.constData());

        // The idle window.
        const QByteArray spyBefore = readAll(spyLog);
        const QByteArray shimBefore = readAll(shimLog);
        QElapsedTimer idle;
        idle.start();
        while (idle.elapsed() < kWindowMs) {
            QTest::qWait(200);
            const QByteArray spy = readAll(spyLog);
            const QByteArray shim = readAll(shimLog);
            // Fail at the first call, with what it was.
            QVERIFY2(shim == shimBefore, qPrintable(QStringLiteral("PKCS#11 calls while idle (after %1 ms):\n%2")
                                                        .arg(idle.elapsed())
                                                        .arg(QString::fromUtf8(calls(shim.mid(shimBefore.size()))))));
            QVERIFY2(spy == spyBefore, qPrintable(QStringLiteral("PC/SC calls while idle (after %1 ms):\n%2")
                                                      .arg(idle.elapsed())
                                                      .arg(QString::fromUtf8(spy.mid(spyBefore.size())))));
        }
        QCOMPARE(window.state(), QProcess::Running);

        // What stayed open across the window: the monitor's one blocking call, infinite timeout.
        const QHash<QByteArray, OpenCall> open = openCalls(spyBefore);
        QCOMPARE(open.size(), 1);
        const OpenCall blocked = open.cbegin().value();
        QCOMPARE(blocked.function, QByteArrayLiteral("SCardGetStatusChange"));
        // Arguments: hContext, dwTimeout, ... (INFINITE is 0xFFFFFFFF).
        QVERIFY2(blocked.arguments.size() >= 2, blocked.arguments.join(' ').constData());
        QCOMPARE(blocked.arguments.at(1).toUpper(), QByteArrayLiteral("0XFFFFFFFF"));
    }
};

QTEST_GUILESS_MAIN(TestIdleCalls)
#include "tst_idle_calls.moc"
