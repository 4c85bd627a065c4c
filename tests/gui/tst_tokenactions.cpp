// The window's token actions with a real SoftHSM2 token read by TokenWatcher:
// "Test identity" asks the PIN in the GUI's PIN dialog and signs on the token,
// "Change PIN" runs the change dialog, and the new PIN works for the next test
// while the old one fails. Everything the user does goes through the window's
// actions; the backend runs off the GUI thread.

#include "SoftHsmTokens.h"
#include "backend/common/Settings.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "models/IdentitiesModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "ui/DialogPinPrompter.h"
#include "ui/MainWindow.h"
#include "ui/PinDialog.h"
#include "ui/PinFlow.h"
#include "ui/TokenActions.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace tokendesk;

namespace {
const QString kNewPin = QStringLiteral("11335577");

QAction* action(MainWindow& window, const char* name)
{
    return window.findChild<QAction*>(QLatin1String(name));
}

/// Answers the next PIN dialog with `pin`; true when one opened and was answered.
bool answerPinDialog(MainWindow& window, const QString& pin)
{
    QSignalSpy opened(window.tokenActions()->prompter(), &DialogPinPrompter::dialogOpened);
    if (!opened.wait(20000)) {
        return false;
    }
    auto* dialog = opened.constFirst().at(0).value<PinDialog*>();
    auto* field = dialog ? dialog->findChild<QLineEdit*>(QStringLiteral("secret")) : nullptr;
    if (!field) {
        return false;
    }
    QTest::keyClicks(field, pin);
    dialog->accept();
    return true;
}
} // namespace

/// What the person sees of an action's end: the message box on the window (closed here, so the
/// next one is the next action's) and the status bar. The box's icon tells success from failure.
struct Seen
{
    QString box;
    QString statusBar;
    bool warning = false;
};
void seeResult(MainWindow& window, Seen* seen)
{
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox*>(QStringLiteral("actionResult"))) && box->isVisible(),
                             10000);
    seen->box = box->text();
    seen->warning = box->icon() == QMessageBox::Warning;
    seen->statusBar = window.statusBar()->currentMessage();
    box->done(QMessageBox::Ok); // deleted on close
    QTRY_VERIFY(!window.findChild<QMessageBox*>(QStringLiteral("actionResult")));
}

class TestTokenActions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase() { Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini"))); }

    void testIdentityThenChangePin()
    {
        SoftHsmTokens softhsm;
        QVERIFY2(softhsm.isValid(), qPrintable(softhsm.errorString()));
        quint64 slot = 0;
        QVERIFY2(softhsm.createToken("Desk Token", &slot), qPrintable(softhsm.errorString()));
        const QByteArray der =
            softhsm.writeIdentity(slot, QStringLiteral("01"), QStringLiteral("Desk"), QStringLiteral("rsa"));
        QVERIFY2(!der.isEmpty(), qPrintable(softhsm.errorString()));

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
        QTRY_COMPARE_WITH_TIMEOUT(window.identities()->rowCount(), 1, 30000);

        // Test identity on the identity row: the PIN dialog, then the verdict.
        window.navigation()->setCurrentIndex(window.navigationIndex(window.identities()->index(0, 0)));
        QTRY_VERIFY(action(window, "testIdentity")->isEnabled());
        QVERIFY(window.selectedCertificate() && window.selectedCertificate()->info);
        QCOMPARE(window.selectedCertificate()->info->der, der);
        QSignalSpy results(window.tokenActions(), &TokenActions::result);
        action(window, "testIdentity")->trigger();
        QVERIFY(answerPinDialog(window, SoftHsmTokens::kUserPin));
        QVERIFY(results.wait(30000));
        QVERIFY2(results.constFirst().at(0).toBool(), qPrintable(results.constFirst().at(1).toString()));
        QVERIFY(results.constFirst().at(1).toString().contains(QStringLiteral("identity works")));
        Seen seen;
        seeResult(window, &seen);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY2(seen.box.contains(QStringLiteral("identity works")) && !seen.warning, qPrintable(seen.box));
        QCOMPARE(seen.statusBar, seen.box);

        // Change PIN on the token row.
        const QString key = window.tokenTree()->tokens().constFirst().key();
        window.navigation()->setCurrentIndex(window.navigationIndex(window.tokenTree()->indexOfToken(key)));
        QTRY_VERIFY(action(window, "changePin")->isEnabled());
        QSignalSpy started(window.tokenActions(), &TokenActions::pinFlowStarted);
        results.clear();
        action(window, "changePin")->trigger();
        QVERIFY(started.wait(20000));
        PinFlow* flow = started.constFirst().at(0).value<PinFlow*>();
        QSignalSpy shown(flow, &PinFlow::dialogShown);
        QVERIFY(shown.wait(20000));
        PinChangeDialog* dialog = flow->dialog();
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("current")), SoftHsmTokens::kUserPin);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("newPin")), kNewPin);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("confirmPin")), kNewPin);
        QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY2(ok->isEnabled(), qPrintable(dialog->problem()));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(results.wait(30000));
        QVERIFY2(results.constFirst().at(0).toBool(), qPrintable(results.constFirst().at(1).toString()));
        seeResult(window, &seen);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY2(!seen.warning && seen.box.contains(QStringLiteral("PIN")), qPrintable(seen.box));

        // The old PIN fails the next test (one prompt, no retry), the new one passes.
        window.navigation()->setCurrentIndex(window.navigationIndex(window.identities()->index(0, 0)));
        QTRY_VERIFY(action(window, "testIdentity")->isEnabled());
        results.clear();
        action(window, "testIdentity")->trigger();
        QVERIFY(answerPinDialog(window, SoftHsmTokens::kUserPin));
        QVERIFY(results.wait(30000));
        QCOMPARE(results.constFirst().at(0).toBool(), false);
        seeResult(window, &seen);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY2(seen.warning && seen.box.contains(QStringLiteral("incorrect")), qPrintable(seen.box));
        QCOMPARE(seen.statusBar, seen.box);
        results.clear();
        action(window, "testIdentity")->trigger();
        QVERIFY(answerPinDialog(window, kNewPin));
        QVERIFY(results.wait(30000));
        QVERIFY2(results.constFirst().at(0).toBool(), qPrintable(results.constFirst().at(1).toString()));
    }
};

QTEST_MAIN(TestTokenActions)
#include "tst_tokenactions.moc"
