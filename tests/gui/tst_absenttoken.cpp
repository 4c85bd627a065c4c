// An action on a token that is not there asks for it by label and serial and runs
// when it comes back: the simulated PIV card through the real pcscd and OpenSC, the
// window's TokenWatcher driven by a real ReaderMonitor as in the application.

#include "ModuleOptions.h"
#include "SimCard.h"
#include "backend/common/Settings.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "ui/DialogPinPrompter.h"
#include "ui/MainWindow.h"
#include "ui/PinDialog.h"
#include "ui/TokenActions.h"

#include <QLineEdit>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

class TestAbsentToken : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase() { Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini"))); }

    void testIdentityWaitsForTheCard()
    {
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));

        ReaderModel readers;
        MainWindow window(&readers);
        ReaderMonitor monitor;
        connect(&monitor, &ReaderMonitor::readersChanged, &window, &MainWindow::rescanTokens);
        window.startTokens(testmodules::openscOnly());
        monitor.start();
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.tokenTree()->tokens().size(), 1, 30000);
        const TokenContents token = window.tokenTree()->tokens().constFirst();
        QCOMPARE(token.certificates.size(), 2);
        const CertificateEntry entry = token.certificates.constFirst();

        // The card goes; the action on it asks for it by name.
        QVERIFY(card.remove());
        QTRY_VERIFY_WITH_TIMEOUT(window.tokenTree()->tokens().isEmpty(), 30000);
        QSignalSpy waiting(window.tokenActions(), &TokenActions::waitingForToken);
        QSignalSpy results(window.tokenActions(), &TokenActions::result);
        window.tokenActions()->testIdentity(entry, token.token);
        QVERIFY(waiting.wait(30000));
        const QString message = waiting.constFirst().at(0).toString();
        QVERIFY2(message.contains(token.token.label) && message.contains(token.token.serial), qPrintable(message));
        QVERIFY(results.isEmpty());
        QCOMPARE(window.tokenActions()->waitingFor(), token.token.key());
        // What the person sees: a box that names the card to insert, and the status bar.
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>(QStringLiteral("waitingForToken"))) && box->isVisible());
        QCOMPARE(box->text(), message);
        QCOMPARE(window.statusBar()->currentMessage(), message);
        QVERIFY(box->button(QMessageBox::Cancel));

        // It comes back: the test runs, asking the PIN once.
        QSignalSpy opened(window.tokenActions()->prompter(), &DialogPinPrompter::dialogOpened);
        QVERIFY(card.insert());
        QVERIFY(opened.wait(30000));
        // The card came: the box went away by itself.
        QTRY_VERIFY(!window.findChild<QMessageBox*>(QStringLiteral("waitingForToken")));
        auto* dialog = opened.constFirst().at(0).value<PinDialog*>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("secret")), QStringLiteral("123456"));
        dialog->accept();
        QVERIFY(results.wait(30000));
        QVERIFY2(results.constFirst().at(0).toBool(), qPrintable(results.constFirst().at(1).toString()));
        QVERIFY(window.tokenActions()->waitingFor().isEmpty());
        monitor.stop();
    }
};

QTEST_MAIN(TestAbsentToken)
#include "tst_absenttoken.moc"
