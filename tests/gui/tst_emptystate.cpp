// Without pcscd the window explains what to do instead of showing nothing.
// A process of its own: pcsc-lite reads PCSCLITE_CSOCK_NAME once per process.

#include "backend/pcsc/ReaderMonitor.h"
#include "models/ReaderModel.h"
#include "ui/MainWindow.h"

#include <QDir>
#include <QLabel>
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
        auto* empty = window.findChild<QLabel*>(QStringLiteral("emptyState"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("pcscd")));
        QVERIFY(empty->text().contains(QStringLiteral("scripts/run.sh")));
        QCOMPARE(model.rowCount(), 0);

        const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR", QDir::currentPath());
        QDir().mkpath(dir);
        QVERIFY(window.grab().save(dir + QStringLiteral("/mainwindow-no-service.png")));

        // The monitor is between retries now; stop() wakes it and ends the thread.
        monitor.stop();
        QVERIFY(monitor.isFinished());
    }
};

QTEST_MAIN(TestEmptyState)
#include "tst_emptystate.moc"
