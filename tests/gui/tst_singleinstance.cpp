// Single instance (issue 13 item 6): a second `tokendesk` or `tokendesk FILE` hands its file to
// the running window and ends, through the real binary; the demo's environment (another pcscd
// socket) is another instance; a socket left by a crash is replaced; clients that send garbage
// or nothing are dropped without stopping the next one.

#include "ui/SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;
    QTemporaryDir m_work;

    /// `tokendesk ARGS` in this test's environment, from the work folder; its exit code.
    int runTokendesk(const QStringList& arguments, const QProcessEnvironment& env)
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_work.path());
        process.setProcessChannelMode(QProcess::ForwardedChannels);
        process.start(qEnvironmentVariable("TOKENDESK_BINARY"), arguments);
        if (!process.waitForStarted()) {
            return -1;
        }
        // The hand-off answers within a second; the event loop runs meanwhile (the server is here).
        QElapsedTimer timer;
        timer.start();
        while (process.state() != QProcess::NotRunning && timer.elapsed() < 15000) {
            QTest::qWait(20);
        }
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
            return -2;
        }
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -3;
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo(qEnvironmentVariable("TOKENDESK_BINARY")).isExecutable());
        // A runtime folder of this test's own (mode 0700, as XDG_RUNTIME_DIR is): never the user's.
        QVERIFY(QFile::setPermissions(m_runtime.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toLocal8Bit());
        qputenv("PCSCLITE_CSOCK_NAME", m_runtime.filePath(QStringLiteral("no-pcscd.comm")).toLocal8Bit());
    }

    void secondStartHandsItsFileOver()
    {
        SingleInstance running;
        QVERIFY(running.serverName().startsWith(m_runtime.path() + QLatin1Char('/')));
        QVERIFY2(running.listen(), qPrintable(running.errorString()));
        QSignalSpy activated(&running, &SingleInstance::activated);

        // A relative name from the second start's folder arrives whole.
        QFile pem(m_work.filePath(QStringLiteral("a cert.pem")));
        QVERIFY(pem.open(QIODevice::WriteOnly));
        pem.close();
        QCOMPARE(runTokendesk({QStringLiteral("a cert.pem")}, environment()), 0);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toStringList(), QStringList{pem.fileName()});
        // No file: only raised.
        QCOMPARE(runTokendesk({}, environment()), 0);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toStringList(), QStringList());

        // A second listener in the same environment is refused, saying why.
        SingleInstance another;
        QVERIFY(!another.listen());
        QVERIFY(another.errorString().contains(running.serverName()));
    }

    void otherEnvironmentIsAnotherInstance()
    {
        SingleInstance running;
        QVERIFY2(running.listen(), qPrintable(running.errorString()));
        QSignalSpy activated(&running, &SingleInstance::activated);
        // The demo: its own pcscd socket. Its window starts and listens on a name of its own.
        QProcessEnvironment env = environment();
        const QString demoSocket = m_runtime.filePath(QStringLiteral("demo-pcscd.comm"));
        env.insert(QStringLiteral("PCSCLITE_CSOCK_NAME"), demoSocket);
        qputenv("PCSCLITE_CSOCK_NAME", demoSocket.toLocal8Bit());
        const QString demoName = SingleInstance().serverName();
        qputenv("PCSCLITE_CSOCK_NAME", m_runtime.filePath(QStringLiteral("no-pcscd.comm")).toLocal8Bit());
        QVERIFY(demoName != running.serverName());

        QProcess demo;
        demo.setProcessEnvironment(env);
        demo.setProcessChannelMode(QProcess::ForwardedChannels);
        demo.start(qEnvironmentVariable("TOKENDESK_BINARY"), {});
        QVERIFY(demo.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(demoName), 15000);
        QCOMPARE(demo.state(), QProcess::Running);
        QCOMPARE(activated.size(), 0);
        demo.terminate();
        QVERIFY(demo.waitForFinished(10000));
        QCOMPARE(demo.exitCode(), 0);
        // It removes its socket when it ends.
        QVERIFY(!QFileInfo::exists(demoName));
    }

    void socketOfACrashedInstanceIsReplaced()
    {
        SingleInstance running;
        // A socket file with nobody behind it, as a killed TokenDesk leaves.
        QProcess python;
        python.start(QStringLiteral("python3"), {QStringLiteral("-c"),
                                                 QStringLiteral("import socket,sys; socket.socket(socket.AF_UNIX)"
                                                                ".bind(sys.argv[1])"),
                                                 running.serverName()});
        QVERIFY(python.waitForFinished(10000));
        QCOMPARE(python.exitCode(), 0);
        QVERIFY(QFileInfo(running.serverName()).exists());
        QVERIFY2(running.listen(), qPrintable(running.errorString()));
        QSignalSpy activated(&running, &SingleInstance::activated);
        QCOMPARE(runTokendesk({}, environment()), 0);
        QCOMPARE(activated.size(), 1);
    }

    void garbageAndSilentClientsAreDropped()
    {
        SingleInstance running;
        QVERIFY2(running.listen(), qPrintable(running.errorString()));
        QSignalSpy activated(&running, &SingleInstance::activated);

        // More than 64 KiB without an end of line: cut off, nothing opened.
        QLocalSocket endless;
        endless.connectToServer(running.serverName());
        QVERIFY(endless.waitForConnected(2000));
        endless.write(QByteArray(80 * 1024, 'x'));
        QTRY_COMPARE_WITH_TIMEOUT(endless.state(), QLocalSocket::UnconnectedState, 5000);
        // Nothing at all: dropped after its 2 s.
        QLocalSocket silent;
        silent.connectToServer(running.serverName());
        QVERIFY(silent.waitForConnected(2000));
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QLocalSocket::UnconnectedState, 5000);
        QCOMPARE(activated.size(), 0);

        // The next start is served as before.
        QCOMPARE(runTokendesk({}, environment()), 0);
        QCOMPARE(activated.size(), 1);
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
