// Pairing through the window, offscreen, with the simulated PIV card through the bench's pcscd
// and OpenSC, and a pam_pkcs11 digest mapping file of the test's own: pair from an identity
// (PairDialog), the row in Pairings with its card present, "Check this card", unpair (the file
// comes back byte for byte); the pairing prompt on insertion of an unpaired card, "don't ask
// again" and the setting that turns prompts off. Screenshots go to $TOKENDESK_SCREENSHOT_DIR.

#include "ModuleOptions.h"
#include "Screenshot.h"
#include "SimCard.h"
#include "backend/common/Settings.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "models/IdentitiesModel.h"
#include "models/NavigationModel.h"
#include "models/PairingModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/PairDialog.h"
#include "ui/PairingActions.h"
#include "ui/PairingPage.h"
#include "ui/PairingPrompt.h"
#include "ui/commands/PairingJobs.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace tokendesk;

namespace {

const QByteArray kMapping = "# pam_pkcs11 digest mapping (test)\r\n"
                            "\n"
                            "  AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01 -> someone-else\n";

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The window as the application runs it: a reader monitor makes the token watcher rescan.
struct Window
{
    ReaderModel readers;
    MainWindow window{&readers};
    ReaderMonitor monitor;

    Window()
    {
        QObject::connect(&monitor, &ReaderMonitor::readersChanged, &readers, &ReaderModel::setReaders);
        QObject::connect(&monitor, &ReaderMonitor::serviceStateChanged, &window, &MainWindow::setServiceState);
        QObject::connect(&monitor, &ReaderMonitor::readersChanged, &window, &MainWindow::rescanTokens);
        window.startTokens(testmodules::openscOnly());
        monitor.start();
        window.resize(1100, 680);
        window.show();
    }
    ~Window() { monitor.stop(); }

    void select(const QModelIndex& source)
    {
        const QModelIndex index = window.navigationIndex(source);
        window.navigation()->setCurrentIndex(index);
    }
    QWidget* currentPage() const { return window.findChild<QStackedWidget*>()->currentWidget(); }
};

/// Closes the outcome boxes CommandFeedback opened.
void closeResultBoxes(QWidget* window)
{
    const auto boxes = window->findChildren<QMessageBox*>(QStringLiteral("actionResult"));
    for (QMessageBox* box : boxes) {
        if (box->isVisible()) {
            box->done(QMessageBox::Ok);
        }
    }
}

} // namespace

class TestPairingWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_mapping;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Settings::instance().useFile(m_dir.filePath(QStringLiteral("tokendesk.ini")));
    }

    void init()
    {
        // A mapping file with a comment, a CRLF line, odd spacing and someone else's entry.
        m_mapping = m_dir.filePath(QStringLiteral("digest_mapping"));
        QFile f(m_mapping);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(kMapping), qint64(kMapping.size()));
        f.close();
        Settings& settings = Settings::instance();
        settings.setValue(Settings::Key::PairingStores, QStringList{QStringLiteral("pam-digest:") + m_mapping});
        settings.setValue(Settings::Key::PamConfigPath, m_dir.filePath(QStringLiteral("no-pam_pkcs11.conf")));
        settings.setValue(Settings::Key::PairingAuditLog, m_dir.filePath(QStringLiteral("audit.log")));
        settings.setValue(Settings::Key::PairingDeclined, QStringList());
        settings.setValue(Settings::Key::PairingPrompts, true);
    }

    void pairSeeCheckUnpair()
    {
        Settings::instance().setValue(Settings::Key::PairingPrompts, false);
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        Window w;
        MainWindow& window = w.window;
        QAbstractItemModelTester tester(window.pairings(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(window.tokenTree()->tokens().size(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.identities()->rowCount() >= 1, 10000);
        QTRY_VERIFY(!window.pairings()->isLoading());
        QCOMPARE(window.pairings()->rowCount(), 1); // someone-else's entry
        QVERIFY(!window.pairings()->row(0).cardPresent());

        // Pair the card's first identity with a login that has no local account: a warning, not an error.
        w.select(window.identities()->index(0, 0));
        PairingActions* actions = window.pairingActions();
        QVERIFY(actions->pairAction()->isEnabled());
        QSignalSpy results(actions, &PairingActions::result);
        actions->pairAction()->trigger();
        PairDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = window.findChild<PairDialog*>(QStringLiteral("pairDialog"))) && dialog->isVisible(), 15000);
        QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QCOMPARE(dialog->storeSpec(), QStringLiteral("pam-digest:") + m_mapping);
        QTest::keyClicks(dialog->loginField()->lineEdit(), QStringLiteral("alice-td"));
        auto* loginWarning = dialog->findChild<QLabel*>(QStringLiteral("loginWarning"));
        QVERIFY(loginWarning->isVisible());
        QVERIFY(!loginWarning->text().isEmpty());
        QVERIFY2(loginWarning->text().contains(QStringLiteral("No local account")), qPrintable(loginWarning->text()));
        if (dialog->pairAnyway()->isVisible()) {
            // The simulator's certificate is not trusted here: Pair waits for the box.
            QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
            dialog->pairAnyway()->setChecked(true);
        }
        QVERIFY2(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled(), qPrintable(dialog->problem()));
        screenshot::save(dialog, QStringLiteral("pair-dialog.png"));
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(results.wait(15000));
        QVERIFY2(results.constFirst().at(0).toBool(), qPrintable(results.constFirst().at(1).toString()));
        QVERIFY2(results.constFirst().at(1).toString().startsWith(QStringLiteral("Paired")),
                 qPrintable(results.constFirst().at(1).toString()));
        closeResultBoxes(&window);
        QVERIFY(readAll(m_mapping).contains(" -> alice-td"));
        QVERIFY(readAll(m_dir.filePath(QStringLiteral("audit.log"))).contains("login=alice-td"));

        // The row, with its card present, in the Pairings root (the count in its label).
        QTRY_COMPARE_WITH_TIMEOUT(window.pairings()->rowCount(), 2, 10000);
        int row = -1;
        for (int i = 0; i < window.pairings()->rowCount(); ++i) {
            if (window.pairings()->row(i).pairing.login == QLatin1String("alice-td")) {
                row = i;
            }
        }
        QVERIFY(row >= 0);
        QTRY_VERIFY(window.pairings()->row(row).cardPresent());
        const QByteArray sha256 =
            window.identities()->index(0, 0).data(TokenTreeModel::CertificateSha256Role).toByteArray();
        QCOMPARE(window.pairings()->row(row).pairing.sha256, sha256.toHex());
        const QModelIndex root = window.navigationModel()->rootIndex(NavigationModel::PairingsRoot);
        QCOMPARE(root.data().toString(), QStringLiteral("Pairings (2)"));
        window.navigation()->expand(window.navigation()->model()->index(NavigationModel::PairingsRoot, 0));
        w.select(window.pairings()->index(row, 0));
        auto* page = window.findChild<PairingPage*>(QStringLiteral("pairingPage"));
        QTRY_COMPARE(w.currentPage(), page);
        QCOMPARE(page->shown().pairing.login, QStringLiteral("alice-td"));
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("cardPresent"))->text().startsWith(QStringLiteral("present")));
        screenshot::save(&window, QStringLiteral("pairing-page.png"));

        // The search field filters pairings too.
        QAbstractItemModel* navigation = window.navigation()->model();
        window.searchField()->setText(QStringLiteral("alice-td"));
        QTRY_COMPARE(navigation->rowCount(navigation->index(NavigationModel::PairingsRoot, 0)), 1);
        window.searchField()->setText(QStringLiteral("someone-else"));
        QTRY_COMPARE(navigation->rowCount(navigation->index(NavigationModel::PairingsRoot, 0)), 1);
        QVERIFY(navigation->index(0, 0, navigation->index(NavigationModel::PairingsRoot, 0))
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("someone-else")));
        window.searchField()->setText(QStringLiteral("nobody-at-all"));
        QTRY_COMPARE(navigation->rowCount(navigation->index(NavigationModel::PairingsRoot, 0)), 0);
        window.searchField()->clear();
        QTRY_COMPARE(navigation->rowCount(navigation->index(NavigationModel::PairingsRoot, 0)), 2);
        window.navigation()->expand(navigation->index(NavigationModel::PairingsRoot, 0));
        window.navigation()->setCurrentIndex(navigation->index(NavigationModel::PairingsRoot, 0));
        QTRY_COMPARE(w.currentPage(), window.findChild<QWidget*>(QStringLiteral("infoPage")));
        screenshot::save(&window, QStringLiteral("pairings.png"));

        // Check this card, on the card's token: the answer names the login.
        w.select(window.tokenTree()->indexOfToken(window.tokenTree()->tokens().constFirst().key()));
        QTRY_VERIFY(actions->checkCardAction()->isEnabled());
        results.clear();
        actions->checkCardAction()->trigger();
        QVERIFY(results.wait(15000));
        QVERIFY2(results.constFirst().at(1).toString().contains(QStringLiteral("logs in as \u201calice-td\u201d")) ||
                     results.constFirst().at(1).toString().contains(QStringLiteral("\"alice-td\"")),
                 qPrintable(results.constFirst().at(1).toString()));
        closeResultBoxes(&window);

        // The same from the card under its reader.
        QModelIndex cardRow;
        for (int i = 0; i < w.readers.rowCount(); ++i) {
            const QModelIndex reader = w.readers.index(i, 0);
            if (reader.data(ReaderModel::ReaderNameRole).toString() == card.readerName()) {
                cardRow = w.readers.index(0, 0, reader);
            }
        }
        QVERIFY(cardRow.isValid());
        w.select(cardRow);
        QTRY_VERIFY(actions->checkCardAction()->isEnabled());
        results.clear();
        actions->checkCardAction()->trigger();
        QVERIFY(results.wait(15000));
        QVERIFY2(results.constFirst().at(1).toString().contains(QStringLiteral("alice-td")),
                 qPrintable(results.constFirst().at(1).toString()));
        closeResultBoxes(&window);

        // Unpair from the pairing page: confirmed, then the file is back to its bytes.
        w.select(window.pairings()->index(row, 0));
        QTRY_COMPARE(w.currentPage(), page);
        results.clear();
        QTest::mouseClick(page->unpairButton(), Qt::LeftButton);
        QMessageBox* confirm = nullptr;
        QTRY_VERIFY((confirm = window.findChild<QMessageBox*>(QStringLiteral("unpairConfirm"))) &&
                    confirm->isVisible());
        QVERIFY(confirm->text().contains(QStringLiteral("alice-td")));
        QPushButton* unpair = nullptr;
        for (QAbstractButton* b : confirm->buttons()) {
            if (confirm->buttonRole(b) == QMessageBox::AcceptRole) {
                unpair = qobject_cast<QPushButton*>(b);
            }
        }
        QVERIFY(unpair);
        QTest::mouseClick(unpair, Qt::LeftButton);
        QVERIFY(results.wait(15000));
        QVERIFY2(results.constFirst().at(0).toBool(), qPrintable(results.constFirst().at(1).toString()));
        QCOMPARE(readAll(m_mapping), kMapping);
        QTRY_COMPARE_WITH_TIMEOUT(window.pairings()->rowCount(), 1, 10000);
        QVERIFY(readAll(m_dir.filePath(QStringLiteral("audit.log"))).contains("action=unpair"));
        closeResultBoxes(&window);
    }

    void promptOnInsertionAndDontAskAgain()
    {
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        QVERIFY(card.remove());
        Window w;
        PairingPrompt* prompt = w.window.pairingActions()->prompt();
        QSignalSpy shown(prompt, &PairingPrompt::promptShown);
        QSignalSpy decided(prompt, &PairingPrompt::decided);

        QVERIFY(card.insert());
        QVERIFY(shown.wait(30000));
        auto* dialog = shown.constFirst().at(0).value<PairingPromptDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(!dialog->isModal());
        const QString text = dialog->findChild<QLabel*>(QStringLiteral("promptText"))->text();
        QVERIFY2(text.contains(PairingJobs::currentLogin()), qPrintable(text));
        screenshot::save(dialog, QStringLiteral("pairing-prompt.png"));
        const QString sha256 = decided.constLast().at(0).toString();
        QCOMPARE(sha256.size(), 64);

        // Don't ask again, not now: nothing written, the certificate remembered.
        dialog->dontAskAgainBox()->setChecked(true);
        QTest::mouseClick(dialog->notNowButton(), Qt::LeftButton);
        QTRY_VERIFY(!prompt->dialog());
        QVERIFY(Settings::instance().value(Settings::Key::PairingDeclined).toStringList().contains(sha256));
        QCOMPARE(readAll(m_mapping), kMapping);

        // The next insertion: decided without a prompt.
        QVERIFY(card.remove());
        QTRY_VERIFY_WITH_TIMEOUT(w.window.tokenTree()->tokens().isEmpty(), 30000);
        decided.clear();
        QVERIFY(card.insert());
        QTRY_VERIFY_WITH_TIMEOUT(!decided.isEmpty(), 30000);
        QCOMPARE(decided.constLast().at(0).toString(), sha256);
        QCOMPARE(decided.constLast().at(1).toBool(), false);
        QCOMPARE(shown.size(), 1);

        // Even without "don't ask again": never twice for the same card in one session.
        Settings::instance().setValue(Settings::Key::PairingDeclined, QStringList());
        QVERIFY(card.remove());
        QTRY_VERIFY_WITH_TIMEOUT(w.window.tokenTree()->tokens().isEmpty(), 30000);
        decided.clear();
        QVERIFY(card.insert());
        QTRY_VERIFY_WITH_TIMEOUT(!decided.isEmpty(), 30000);
        QCOMPARE(decided.constLast().at(1).toBool(), false);
        QCOMPARE(shown.size(), 1);
    }

    void promptsOffAreRespected()
    {
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        QVERIFY(card.remove());
        Window w;
        // The Settings menu's toggle writes the setting.
        QAction* toggle = w.window.pairingActions()->promptsAction();
        QVERIFY(toggle->isChecked());
        toggle->setChecked(false);
        QCOMPARE(Settings::instance().boolValue(Settings::Key::PairingPrompts), false);
        PairingPrompt* prompt = w.window.pairingActions()->prompt();
        QSignalSpy shown(prompt, &PairingPrompt::promptShown);
        QSignalSpy decided(prompt, &PairingPrompt::decided);
        QVERIFY(card.insert());
        QTRY_VERIFY_WITH_TIMEOUT(!decided.isEmpty(), 30000);
        QCOMPARE(decided.constLast().at(1).toBool(), false);
        QVERIFY(shown.isEmpty());
        QVERIFY(!w.window.findChild<PairingPromptDialog*>());
    }

    void promptPairsWithTheCurrentUser()
    {
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        QVERIFY(card.remove());
        Window w;
        PairingPrompt* prompt = w.window.pairingActions()->prompt();
        QSignalSpy shown(prompt, &PairingPrompt::promptShown);
        QSignalSpy results(w.window.pairingActions(), &PairingActions::result);
        QVERIFY(card.insert());
        QVERIFY(shown.wait(30000));
        auto* dialog = shown.constFirst().at(0).value<PairingPromptDialog*>();
        QTest::mouseClick(dialog->pairButton(), Qt::LeftButton);
        QVERIFY(results.wait(15000));
        QVERIFY2(results.constFirst().at(0).toBool(), qPrintable(results.constFirst().at(1).toString()));
        const QString login = PairingJobs::currentLogin();
        QVERIFY(readAll(m_mapping).contains(QByteArray(QByteArray(" -> ") + login.toUtf8() + "\n")));
        QTRY_VERIFY_WITH_TIMEOUT(w.window.pairings()->rowCount() == 2 && w.window.pairings()->row(1).cardPresent(),
                                 10000);
        QCOMPARE(w.window.pairings()->row(1).pairing.login, login);
        closeResultBoxes(&w.window);
    }
};

QTEST_MAIN(TestPairingWindow)
#include "tst_pairingwindow.moc"
