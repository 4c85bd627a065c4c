// Without pcscd the window explains what to do instead of showing nothing.
// A process of its own: pcsc-lite reads PCSCLITE_CSOCK_NAME once per process.

#include "backend/pcsc/ReaderMonitor.h"
#include "models/ReaderModel.h"
#include "ui/FirstRun.h"
#include "ui/MainWindow.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

class TestEmptyState : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        // A socket path where no pcscd listens, set before any PC/SC call.
        qputenv("PCSCLITE_CSOCK_NAME", m_dir.filePath(QStringLiteral("pcscd.comm")).toLocal8Bit());
    }

    void noServiceSaysWhatToDo()
    {
        ReaderModel model;
        MainWindow window(&model);
        ReaderMonitor monitor;
        connect(&monitor, &ReaderMonitor::serviceStateChanged, &window, &MainWindow::setServiceState);
        connect(&monitor, &ReaderMonitor::readersChanged, &model, &ReaderModel::setReaders);
        monitor.start();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto* status = window.findChild<QLabel*>(QStringLiteral("serviceState"));
        QTRY_COMPARE(status->text(), QStringLiteral("PC/SC: service not running"));
        // The page shown says it: the empty page, or the Readers root's (the tree's first focus
        // makes the root current), which gives the same words.
        auto* empty = qobject_cast<QLabel*>(window.findChild<QStackedWidget*>()->currentWidget());
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("pcscd")));
        // This build has the demo (the source tree's scripts/run.sh and the card simulator): offered
        // by its whole path, which can be selected and copied.
        QVERIFY(!FirstRun::demoCommand().isEmpty());
        QVERIFY2(empty->text().contains(FirstRun::demoCommand()), qPrintable(empty->text()));
        QVERIFY(empty->textInteractionFlags() & Qt::TextSelectableByMouse);
        QCOMPARE(model.rowCount(), 0);

        const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR", QDir::currentPath());
        QDir().mkpath(dir);
        QVERIFY(window.grab().save(dir + QStringLiteral("/mainwindow-no-service.png")));

        // The monitor is between retries now; stop() wakes it and ends the thread.
        monitor.stop();
        QVERIFY(monitor.isFinished());
    }

    void demoOfferedOnlyWhereItIs()
    {
        // An installed TokenDesk has no card simulator: it says what to do without the demo.
        QTemporaryDir source;
        QVERIFY(QDir(source.path()).mkpath(QStringLiteral("scripts")));
        QFile script(source.filePath(QStringLiteral("scripts/run.sh")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.close();
        QVERIFY(script.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const QString simulator = source.filePath(QStringLiteral("tokendesk-simcard"));
        QCOMPARE(FirstRun::demoCommand(source.path(), simulator), QString());
        QFile::copy(script.fileName(), simulator);
        QCOMPARE(FirstRun::demoCommand(source.path(), simulator), script.fileName());
        QCOMPARE(FirstRun::demoCommand(source.filePath(QStringLiteral("elsewhere")), simulator), QString());

        const QString absent = FirstRun::noReaders(true, QString());
        QVERIFY(absent.contains(QStringLiteral("systemctl start pcscd.socket")));
        QVERIFY(!absent.contains(QStringLiteral("demo")));
        const QString noReader = FirstRun::noReaders(false, QStringLiteral("/src/scripts/run.sh"));
        QVERIFY(noReader.startsWith(QStringLiteral("No smart card reader found.")));
        QVERIFY(noReader.endsWith(QStringLiteral("\n/src/scripts/run.sh")));
    }
};

QTEST_MAIN(TestEmptyState)
#include "tst_emptystate.moc"
