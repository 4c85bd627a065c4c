// Commands through the window, with two real SoftHSM2 tokens read by TokenWatcher: while a
// PIN change runs on a token, the actions that would touch it are disabled; a PIN change
// clicked on the other token meanwhile is refused in the status bar (not dropped silently)
// and works once the first has ended; a command waiting for an absent token is cancelled
// from the box that asks for it.

#include "SoftHsmTokens.h"
#include "backend/common/Settings.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "models/IdentitiesModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/PinFlow.h"
#include "ui/TokenActions.h"
#include "ui/commands/TestIdentityCommand.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace tokendesk;

namespace {
QAction* action(MainWindow& window, const char* name)
{
    return window.findChild<QAction*>(QLatin1String(name));
}

void select(MainWindow& window, const QModelIndex& source)
{
    window.navigation()->setCurrentIndex(window.navigationIndex(source));
}
} // namespace

class TestCommands : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase() { Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini"))); }

    void busyTokenDisablesItsActionsAndRefusesASecondPinChange()
    {
        SoftHsmTokens softhsm;
        QVERIFY2(softhsm.isValid(), qPrintable(softhsm.errorString()));
        quint64 slotA = 0;
        QVERIFY2(softhsm.createToken("Token A", &slotA), qPrintable(softhsm.errorString()));
        QVERIFY(!softhsm.writeIdentity(slotA, QStringLiteral("01"), QStringLiteral("Alice"), QStringLiteral("rsa"))
                     .isEmpty());
        QVERIFY2(softhsm.createToken("Token B"), qPrintable(softhsm.errorString()));

        ReaderModel readers;
        MainWindow window(&readers);
        ModuleRegistry::Options options;
        options.registered = false;
        options.environment = false;
        options.nssDatabase.clear();
        options.paths = {SoftHsmTokens::modulePath()};
        window.startTokens(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.tokenTree()->tokenCount(), 2, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(window.identities()->rowCount(), 1, 30000);
        TokenContents a;
        TokenContents b;
        for (const TokenContents& token : window.tokenTree()->tokens()) {
            (token.token.label == QLatin1String("Token A") ? a : b) = token;
        }
        QCOMPARE(b.token.label, QStringLiteral("Token B"));

        // A PIN change on A: its dialog is open, the command runs.
        select(window, window.tokenTree()->indexOfToken(a.key()));
        QTRY_VERIFY(action(window, "changePin")->isEnabled());
        QSignalSpy started(window.tokenActions(), &TokenActions::pinFlowStarted);
        QSignalSpy results(window.tokenActions(), &TokenActions::result);
        action(window, "changePin")->trigger();
        QVERIFY(started.wait(20000));
        PinFlow* flow = started.constFirst().at(0).value<PinFlow*>();
        QTRY_VERIFY_WITH_TIMEOUT(flow->dialog() && flow->dialog()->isVisible(), 20000);
        QVERIFY(window.tokenActions()->isBusy(a.key()));

        // Everything that would touch A is disabled: its PIN actions, and test identity on its identity.
        for (const char* name : {"changePin", "changeSoPin", "unblockPin"}) {
            QVERIFY2(!action(window, name)->isEnabled(), name);
        }
        select(window, window.identities()->index(0, 0));
        QVERIFY(window.selectedCertificate());
        QVERIFY(!action(window, "testIdentity")->isEnabled());

        // B is free, but one PIN dialog at a time: the click is refused where the user looks.
        select(window, window.tokenTree()->indexOfToken(b.key()));
        QVERIFY(action(window, "changePin")->isEnabled());
        action(window, "changePin")->trigger();
        const QString refusal = window.statusBar()->currentMessage();
        QVERIFY2(refusal.contains(QStringLiteral("Change PIN is still running")) &&
                     refusal.contains(QStringLiteral("Token A")),
                 qPrintable(refusal));
        QTest::qWait(200);
        QCOMPARE(started.size(), 1);
        QVERIFY(!window.tokenActions()->isBusy(b.key()));

        // Cancel offered at the dialog: the command ends, A's actions come back.
        QVERIFY(window.tokenActions()->running(a.key())->canCancel());
        window.tokenActions()->running(a.key())->cancel();
        QVERIFY(results.size() == 1 || results.wait(10000));
        QCOMPARE(results.constFirst().at(0).toBool(), false);
        QVERIFY2(results.constFirst().at(1).toString().contains(QStringLiteral("Cancelled")),
                 qPrintable(results.constFirst().at(1).toString()));
        QVERIFY(!window.tokenActions()->isBusy(a.key()));
        select(window, window.identities()->index(0, 0));
        QVERIFY(action(window, "testIdentity")->isEnabled());

        // Now the click on B runs.
        select(window, window.tokenTree()->indexOfToken(b.key()));
        action(window, "changePin")->trigger();
        QVERIFY(started.wait(20000));
        PinFlow* second = started.at(1).at(0).value<PinFlow*>();
        QTRY_VERIFY_WITH_TIMEOUT(second->dialog() && second->dialog()->isVisible(), 20000);
        QCOMPARE(second->dialog()->windowTitle(), QStringLiteral("Change PIN"));
        second->dialog()->reject();
        QTRY_VERIFY(!window.tokenActions()->isBusy(b.key()));
        window.tokenWatcher()->stop();
    }

    void waitingForAnAbsentTokenIsCancelledFromItsBox()
    {
        SoftHsmTokens softhsm;
        QVERIFY2(softhsm.isValid(), qPrintable(softhsm.errorString()));
        QVERIFY2(softhsm.createToken("Present"), qPrintable(softhsm.errorString()));
        ReaderModel readers;
        MainWindow window(&readers);
        ModuleRegistry::Options options;
        options.registered = false;
        options.environment = false;
        options.nssDatabase.clear();
        options.paths = {SoftHsmTokens::modulePath()};
        window.startTokens(options);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.tokenTree()->tokenCount(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.tokenWatcher()->registry(), 30000);

        // A token of this module that is not there (another serial).
        TokenInfo absent = window.tokenTree()->tokens().constFirst().token;
        absent.label = QStringLiteral("Gone");
        absent.serial = QStringLiteral("0000000000000042");
        absent.serialRaw = absent.serial.toLatin1();
        CertificateEntry entry;
        QSignalSpy results(window.tokenActions(), &TokenActions::result);
        QSignalSpy waiting(window.tokenActions(), &TokenActions::waitingForToken);
        window.tokenActions()->testIdentity(entry, absent);
        QVERIFY(waiting.wait(20000));
        QVERIFY(window.tokenActions()->isBusy(absent.key()));
        QSignalSpy finished(window.tokenActions()->running(absent.key()), &Command::finished);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>(QStringLiteral("waitingForToken"))) && box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("Gone")));

        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.constFirst().at(0).value<CommandResult>().status, CommandResult::Status::Cancelled);
        QVERIFY(!window.tokenActions()->isBusy(absent.key()));
        QVERIFY(window.tokenActions()->waitingFor().isEmpty());
        QTRY_VERIFY(!window.findChild<QMessageBox*>(QStringLiteral("waitingForToken")));
        QTest::qWait(200);
        QVERIFY(results.isEmpty()); // cancelled before anything happened: nothing to tell
        window.tokenWatcher()->stop();
    }
};

QTEST_MAIN(TestCommands)
#include "tst_commands.moc"
