// The window with broken vendor modules (issue 15, docs/ISOLATION.md): the four fakes of
// fake_broken_pkcs11.cpp (segfault in C_GetTokenInfo, abort in C_Initialize, no return from
// C_FindObjects, crash on the 100th call) beside SoftHSM2 and OpenSC on the simulated card, with
// isolation as by default. The window stays up; each broken module's row and page say why; the
// other tokens stay live (the card pulled and put back is followed); Retry starts a module's
// process again; after the window closes no module host is left (this test is its children's
// subreaper, so an orphan would be its child). The module page goes to docs/.

#include "ChildProcesses.h"
#include "PeerProcess.h"
#include "Screenshot.h"
#include "SimCard.h"
#include "SoftHsmTokens.h"
#include "backend/common/Settings.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "ui/MainWindow.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <sys/prctl.h>

using namespace tokendesk;

namespace {

const QString kCrashing = QStringLiteral(TOKENDESK_FAKE_CRASHING_PKCS11);
const QString kAborting = QStringLiteral(TOKENDESK_FAKE_ABORTING_PKCS11);
const QString kHanging = QStringLiteral(TOKENDESK_FAKE_HANGING_PKCS11);
const QString kCrash100 = QStringLiteral(TOKENDESK_FAKE_CRASH100_PKCS11);
constexpr int kWaitMs = 30000;

/// The error kind a module's row has now ("" for none).
QString moduleError(const TokenTreeModel* tree, const QString& path)
{
    const auto module = tree->indexOfModule(path).data(TokenTreeModel::ModuleInfoRole).value<ModuleInfo>();
    return module.error ? Pkcs11Error::kindName(module.error->kind) : QString();
}

int cardCertificates(const TokenTreeModel* tree)
{
    for (const TokenContents& t : tree->tokens()) {
        if (t.token.moduleName == QLatin1String("opensc-pkcs11")) {
            return static_cast<int>(t.certificates.size());
        }
    }
    return -1;
}

bool hasToken(const TokenTreeModel* tree, const QString& label)
{
    const TokenContentsList tokens = tree->tokens();
    return std::any_of(tokens.cbegin(), tokens.cend(), [&](const TokenContents& t) { return t.token.label == label; });
}

} // namespace

class TestBrokenModulesWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase()
    {
        Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini")));
        QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0);
        qputenv("TOKENDESK_CALL_TIMEOUT_MS", "3000");
    }

    void windowStaysUpAndSaysWhy()
    {
        SoftHsmTokens softhsm;
        QVERIFY2(softhsm.isValid(), qPrintable(softhsm.errorString()));
        QVERIFY2(softhsm.createToken("Healthy Soft"), qPrintable(softhsm.errorString()));
        SimCard card;
        card.setSlots({QStringLiteral("9a=p256"), QStringLiteral("9c=rsa2048")});
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        const QStringList before = childprocesses::children(); // the simulated card's

        {
            ReaderModel readers;
            MainWindow window(&readers);
            // Reader events rescan, and restart a crashed module's process (after its back-off).
            ReaderMonitor monitor;
            connect(&monitor, &ReaderMonitor::readersChanged, &window, &MainWindow::rescanTokens);
            ModuleRegistry::Options options;
            options.registered = false;
            options.environment = false;
            options.nssDatabase.clear();
            options.paths = {
                SoftHsmTokens::modulePath(), PeerProcess::pkcs11Module(), kCrashing, kAborting, kHanging, kCrash100};
            window.startTokens(options);
            monitor.start();
            QVERIFY(window.tokenWatcher());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            const TokenTreeModel* tree = window.tokenTree();

            // Each broken module says why; the healthy ones have their tokens.
            QTRY_COMPARE_WITH_TIMEOUT(moduleError(tree, kCrashing), QStringLiteral("module_crashed"), kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(moduleError(tree, kAborting), QStringLiteral("module_crashed"), kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(moduleError(tree, kHanging), QStringLiteral("module_stopped_answering"), kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(moduleError(tree, kCrash100), QStringLiteral("module_crashed"), kWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT(hasToken(tree, QStringLiteral("Healthy Soft")), kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(cardCertificates(tree), 2, kWaitMs);
            // A broken module's tokens went with it. (Reader events restart a failed module after its
            // back-off, which fails again: each state below is waited for, then checked at once.)
            QTRY_COMPARE_WITH_TIMEOUT(tree->rowCount(tree->indexOfModule(kHanging)), 0, kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(tree->rowCount(tree->indexOfModule(kCrash100)), 0, kWaitMs);

            // The other tokens stay live: the card pulled and put back is followed.
            QVERIFY2(card.remove(), qPrintable(card.errorString()));
            QTRY_COMPARE_WITH_TIMEOUT(cardCertificates(tree), -1, kWaitMs);
            QVERIFY2(card.insert(), qPrintable(card.errorString()));
            QTRY_COMPARE_WITH_TIMEOUT(cardCertificates(tree), 2, kWaitMs);

            // The hanging module's row and page: why, and Retry.
            QTRY_COMPARE_WITH_TIMEOUT(moduleError(tree, kHanging), QStringLiteral("module_stopped_answering"), kWaitMs);
            // (The window's English plural forms come from its translation, which this test does not load.)
            QVERIFY(tree->indexOfModule(kHanging)
                        .siblingAtColumn(TokenTreeModel::StatusColumn)
                        .data()
                        .toString()
                        .startsWith(QLatin1String("The PKCS#11 module stopped answering: C_FindObjects did not "
                                                  "return within 3 second")));
            QTreeView* navigation = window.navigation();
            navigation->setCurrentIndex(window.navigationIndex(tree->indexOfModule(kHanging)));
            auto* pages = window.findChild<QStackedWidget*>();
            QVERIFY(pages);
            QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("modulePage"));
            auto* error = pages->currentWidget()->findChild<QLabel*>(QStringLiteral("moduleError"));
            QVERIFY(error && error->text().startsWith(QLatin1String("The PKCS#11 module stopped answering")));
            auto* retry = pages->currentWidget()->findChild<QPushButton*>(QStringLiteral("retryModule"));
            QVERIFY(retry && retry->isVisibleTo(&window));
            screenshot::save(&window, QStringLiteral("window-broken-module.png"));

            // Retry: a new process, which hangs again and is stopped again after the time-out.
            QTRY_COMPARE_WITH_TIMEOUT(childprocesses::naming(kHanging).size(), qsizetype(0), kWaitMs);
            QTest::mouseClick(retry, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(childprocesses::naming(kHanging).size(), qsizetype(1), kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(moduleError(tree, kHanging), QString(), kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(moduleError(tree, kHanging), QStringLiteral("module_stopped_answering"), kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(childprocesses::naming(kHanging).size(), qsizetype(0), kWaitMs);

            // A healthy module's page has no Retry.
            navigation->setCurrentIndex(window.navigationIndex(
                tree->indexOfModule(QFileInfo(SoftHsmTokens::modulePath()).canonicalFilePath())));
            QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("modulePage"));
            QVERIFY(
                !pages->currentWidget()->findChild<QPushButton*>(QStringLiteral("retryModule"))->isVisibleTo(&window));
            window.close();
            monitor.stop();
        }
        // The window and its watcher are gone: every module host with them, none orphaned.
        QCOMPARE(childprocesses::children(), before);
        for (const QString& fake : {kCrashing, kAborting, kHanging, kCrash100}) {
            QCOMPARE(childprocesses::naming(fake), QStringList());
        }
        QVERIFY(card.stop());
    }
};

QTEST_MAIN(TestBrokenModulesWindow)
#include "tst_brokenmodules_window.moc"
