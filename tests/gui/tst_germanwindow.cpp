// The window in German (Settings ▸ Language ▸ Deutsch) with the demo card, as main() builds it
// after Language::install: menus, pages and status bar from tokendesk_de.qm, saved as
// mainwindow-de.png for the README.

#include "ModuleOptions.h"
#include "Screenshot.h"
#include "SimCard.h"
#include "backend/common/Settings.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "models/IdentitiesModel.h"
#include "models/Language.h"
#include "models/ReaderModel.h"
#include "ui/CertificatePage.h"
#include "ui/LanguageMenu.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace tokendesk;

class TestGermanWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase()
    {
        // Never the user's settings: a file of this test's own, with Deutsch chosen.
        Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini")));
        Language::store(QStringLiteral("de"));
        const QStringList loaded = Language::install(*qApp, QStringLiteral(TOKENDESK_QM_DIR));
        QVERIFY2(!loaded.isEmpty() && loaded.last().endsWith(QLatin1String("tokendesk_de.qm")),
                 qPrintable(loaded.join(u' ')));
    }

    void demoCardInGerman()
    {
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        ReaderModel readers;
        MainWindow window(&readers);
        new LanguageMenu(window.menus()); // as main() registers it
        ReaderMonitor monitor;
        connect(&monitor, &ReaderMonitor::readersChanged, &readers, &ReaderModel::setReaders);
        connect(&monitor, &ReaderMonitor::readersChanged, &window, &MainWindow::rescanTokens);
        connect(&monitor, &ReaderMonitor::serviceStateChanged, &window, &MainWindow::setServiceState);
        window.startTokens(testmodules::openscOnly());
        monitor.start();
        // Wider than tst_mainwindow's 1000: German labels are longer.
        window.resize(1180, 660);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The menu bar, with Settings ▸ Sprache and Deutsch ticked.
        QStringList menus;
        const auto barActions = window.menuBar()->actions();
        for (const QAction* action : barActions) {
            menus << action->text();
        }
        QCOMPARE(menus, QStringList({QStringLiteral("&Datei"), QStringLiteral("&Zertifikat"), QStringLiteral("&Token"),
                                     QStringLiteral("&Kopplung"), QStringLiteral("&Einstellungen"),
                                     QStringLiteral("&Hilfe")}));
        auto* language = window.findChild<QMenu*>(QStringLiteral("languageMenu"));
        QVERIFY(language);
        QCOMPARE(language->title(), QStringLiteral("&Sprache"));
        QVERIFY(language->findChild<QAction*>(QStringLiteral("language_de"))->isChecked());
        auto* status = window.findChild<QLabel*>(QStringLiteral("serviceState"));
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("PC/SC: läuft"), 10000);

        // The demo card's first identity on its certificate page, in German.
        QTRY_COMPARE_WITH_TIMEOUT(window.identities()->rowCount(), 2, 30000);
        QTreeView* navigation = window.navigation();
        navigation->expandAll();
        navigation->setCurrentIndex(window.navigationIndex(window.identities()->index(0, 0)));
        CertificatePage* page = window.certificatePage();
        QTRY_COMPARE(window.findChild<QStackedWidget*>()->currentWidget(), page);
        auto* tabs = page->findChild<QTabWidget*>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Allgemein"));
        QStringList labels;
        const auto pageLabels = page->findChildren<QLabel*>();
        for (const QLabel* label : pageLabels) {
            labels << label->text();
        }
        QVERIFY2(labels.contains(QStringLiteral("Ausgestellt für:")), qPrintable(labels.join(u'|')));
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.findChild<QLabel*>(QStringLiteral("tokensState"))->text().contains(QStringLiteral("gelesen")),
            30000);
        // Only for the picture: the wrapped value labels settle their widths over a few turns of
        // the event loop after the page is filled (a grab at once shows them cut).
        QTest::qWait(500);
        screenshot::save(&window, QStringLiteral("mainwindow-de.png"));
        monitor.stop();
        QVERIFY(monitor.isFinished());
    }
};

QTEST_MAIN(TestGermanWindow)
#include "tst_germanwindow.moc"
