// The main window against the real bench: a simulated card in a vpcd reader
// shows up in the navigation, its details on the right, and goes when pulled.

#include "ModuleOptions.h"
#include "Screenshot.h"
#include "SimCard.h"
#include "backend/atr/SmartcardList.h"
#include "backend/common/Settings.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "models/AtrModel.h"
#include "models/IdentitiesModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "ui/CardPage.h"
#include "ui/CertificatePage.h"
#include "ui/CopyField.h"
#include "ui/MainWindow.h"
#include "ui/TrayNotifier.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <algorithm>

using namespace tokendesk;

namespace {
const QString kReader = QStringLiteral("Virtual PCD 00 00");
const QString kAtr = QStringLiteral("3B 88 80 01 54 4F 4B 45 4E 44 45 53 00");

/// The row named `name` anywhere in the navigation (readers are under the Readers root).
QModelIndex findRow(const QAbstractItemModel* model, const QString& name, const QModelIndex& parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == name) {
            return index;
        }
        const QModelIndex below = findRow(model, name, index);
        if (below.isValid()) {
            return below;
        }
    }
    return {};
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    /// Saves what a person sees, for docs/ (TOKENDESK_SCREENSHOT_DIR, else the build folder).
    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase()
    {
        // Never the user's settings: a file of this test's own.
        Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini")));
    }
    void cleanupTestCase()
    {
        // Written now, while the folder is there: QSettings would write at exit, after the
        // folder went, and make it again (a folder left in /tmp by every run).
        Settings::instance().sync();
    }

    void showsTheSimulatedCard()
    {
        SimCard card;
        card.setReaderIndex(0);
        card.setAtr(kAtr);
        QVERIFY2(card.start(), qPrintable(card.errorString()));

        SmartcardList list;
        QVERIFY(list.load(SmartcardList::defaultPath()));
        ReaderModel model;
        model.setSmartcardList(&list);
        MainWindow window(&model);
        ReaderMonitor monitor;
        connect(&monitor, &ReaderMonitor::readersChanged, &model, &ReaderModel::setReaders);
        connect(&monitor, &ReaderMonitor::serviceStateChanged, &window, &MainWindow::setServiceState);
        monitor.start();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The reader is in the navigation, selected, with its card's ATR on the page.
        QTreeView* navigation = window.findChild<QTreeView*>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(navigation->model(), kReader).isValid(), 5000);
        auto* status = window.findChild<QLabel*>(QStringLiteral("serviceState"));
        QTRY_COMPARE(status->text(), QStringLiteral("PC/SC: running"));
        const QModelIndex row = findRow(navigation->model(), kReader);
        navigation->setCurrentIndex(row);
        QTRY_COMPARE(row.data(ReaderModel::AtrHexRole).toString(), kAtr);
        auto* pages = window.findChild<QStackedWidget*>();
        QWidget* readerPage = window.findChild<QWidget*>(QStringLiteral("readerPage"));
        QCOMPARE(pages->currentWidget(), readerPage);
        const auto labelTexts = [readerPage] {
            QStringList texts;
            const auto labels = readerPage->findChildren<QLabel*>();
            for (const QLabel* label : labels) {
                texts << label->text();
            }
            return texts;
        };
        QTRY_VERIFY(labelTexts().contains(kAtr));
        // vpcd reports no PC/SC part 10 features: the page says so instead of staying blank.
        auto* features = readerPage->findChild<QLabel*>(QStringLiteral("features"));
        QTRY_VERIFY(features->text().startsWith(QStringLiteral("none reported")));
        QVERIFY(labelTexts().contains(kReader));
        QVERIFY(labelTexts().contains(QStringLiteral("Card present")));
        screenshot::save(&window, QStringLiteral("mainwindow-readers.png"));

        // The card, under its reader: its page breaks the ATR down and reads the protocol.
        const QModelIndex cardRow = model.indexOfCard(kReader);
        QVERIFY(cardRow.isValid());
        QVERIFY(navigation->isExpanded(row));
        QVERIFY(row.parent().data().toString().startsWith(QStringLiteral("Readers (")));
        auto* cardPage = window.findChild<CardPage*>(QStringLiteral("cardPage"));
        QSignalSpy detailsLoaded(cardPage, &CardPage::detailsLoaded);
        navigation->setCurrentIndex(window.navigationIndex(cardRow));
        QCOMPARE(pages->currentWidget(), cardPage);
        QVERIFY(detailsLoaded.wait(10000));
        QCOMPARE(cardPage->findChild<QLabel*>(QStringLiteral("protocol"))->text(), QStringLiteral("T=1"));
        QCOMPARE(cardPage->findChild<QLabel*>(QStringLiteral("atr"))->text(), kAtr);
        const AtrModel* atr = cardPage->atrModel();
        QCOMPARE(atr->index(0, AtrModel::FieldColumn).data().toString(), QStringLiteral("TS"));
        QCOMPARE(atr->index(atr->rowCount() - 1, AtrModel::FieldColumn).data().toString(), QStringLiteral("TCK"));
        // Reading the details opens the card, which pcscd reports as "in use": that
        // change must not make the page read the details again, and again.
        QSignalSpy snapshots(&monitor, &ReaderMonitor::readersChanged);
        QTest::qWait(1500);
        QCOMPARE(detailsLoaded.size(), 1);
        QVERIFY2(snapshots.size() <= 2, qPrintable(QString::number(snapshots.size())));
        window.resize(1000, 640);
        screenshot::save(&window, QStringLiteral("mainwindow-card.png"));
        navigation->setCurrentIndex(row);

        // Pulled: the same row says so, and the page asks for a card.
        QVERIFY2(card.remove(), qPrintable(card.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(labelTexts().contains(QStringLiteral("Insert a card into this reader.")), 5000);
        QVERIFY(!labelTexts().contains(kAtr));
        QCOMPARE(findRow(navigation->model(), kReader).siblingAtColumn(ReaderModel::CardColumn).data().toString(),
                 QStringLiteral("No card"));

        monitor.stop();
        QVERIFY(monitor.isFinished());
    }

    void demoCardIdentitiesToldApart()
    {
        // The demo PIV card holds two identities of one person: their rows must differ, by role.
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        ReaderModel readers;
        MainWindow window(&readers);
        ReaderMonitor monitor;
        connect(&monitor, &ReaderMonitor::readersChanged, &window, &MainWindow::rescanTokens);
        window.startTokens(testmodules::openscOnly());
        monitor.start();
        window.resize(1000, 640);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.identities()->rowCount(), 2, 30000);
        const QString first = window.identities()->index(0, 0).data().toString();
        const QString second = window.identities()->index(1, 0).data().toString();
        QVERIFY2(first != second, qPrintable(first));
        QVERIFY2(QString(first + second).contains(QStringLiteral("PIV Authentication")), qPrintable(first));

        // Its certificate page: the URI is all there, in the label and in Copy.
        QTreeView* navigation = window.navigation();
        navigation->expandAll();
        navigation->setCurrentIndex(window.navigationIndex(window.identities()->index(0, 0)));
        CertificatePage* page = window.certificatePage();
        QTRY_COMPARE(window.findChild<QStackedWidget*>()->currentWidget(), page);
        auto* uri = page->findChild<CopyField*>(QStringLiteral("certificateUri"));
        QVERIFY(uri->text().startsWith(QStringLiteral("pkcs11:")));
        QCOMPARE(uri->label()->text().remove(QChar(0x200B)), uri->text());
        screenshot::save(&window, QStringLiteral("demo-card-identities.png"));
        monitor.stop();
        QVERIFY(monitor.isFinished());
    }

    void demoCardNamedFromItsToken()
    {
        // The demo card's ATR is in no list, but OpenSC drives it as a PIV card: the window names
        // it so and says where the name came from, instead of "Unknown card".
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        SmartcardList list;
        QVERIFY(list.load(SmartcardList::defaultPath()));
        ReaderModel readers;
        readers.setSmartcardList(&list);
        MainWindow window(&readers);
        ReaderMonitor monitor;
        connect(&monitor, &ReaderMonitor::readersChanged, &readers, &ReaderModel::setReaders);
        connect(&monitor, &ReaderMonitor::readersChanged, &window, &MainWindow::rescanTokens);
        window.startTokens(testmodules::openscOnly());
        monitor.start();
        window.resize(1000, 640);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(readers.indexOfCard(kReader).isValid(), 10000);
        const QModelIndex cardRow = readers.indexOfCard(kReader);
        QVERIFY(cardRow.data(ReaderModel::CardNamesRole).toStringList().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(readers.indexOfCard(kReader).data().toString(), QStringLiteral("PIV card"), 30000);
        const QString source = readers.indexOfCard(kReader).data(ReaderModel::CardNameSourceRole).toString();
        QVERIFY2(source.contains(QStringLiteral("piv_II")), qPrintable(source));

        auto* cardPage = window.findChild<CardPage*>(QStringLiteral("cardPage"));
        window.navigation()->setCurrentIndex(window.navigationIndex(readers.indexOfCard(kReader)));
        QTRY_COMPARE(window.findChild<QStackedWidget*>()->currentWidget(), cardPage);
        const auto pageSays = [cardPage](const QString& part) {
            const auto labels = cardPage->findChildren<QLabel*>();
            return std::any_of(labels.cbegin(), labels.cend(),
                               [&part](const QLabel* label) { return label->text().contains(part); });
        };
        QVERIFY(pageSays(QStringLiteral("PIV card\nNamed from OpenSC's")));
        screenshot::save(&window, QStringLiteral("demo-card-named.png"));

        // Pulled: the token goes and so does the name; the reader's row names no card.
        QVERIFY2(card.remove(), qPrintable(card.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!readers.indexOfCard(kReader).isValid(), 10000);
        QCOMPARE(readers.indexOfReader(kReader).siblingAtColumn(ReaderModel::CardNameColumn).data().toString(),
                 QString());
        QVERIFY(readers.indexOfReader(kReader).data(ReaderModel::CardNameSourceRole).toString().isEmpty());
        monitor.stop();
        QVERIFY(monitor.isFinished());
    }

    void trustStoresShownOnlyWhenAsked()
    {
        // p11-kit's "System Trust" is hidden as `tokendesk report` hides it; Settings shows it.
        ReaderModel readers;
        MainWindow window(&readers);
        window.resize(1000, 640);
        window.show();
        auto* action = window.findChild<QAction*>(QStringLiteral("showTrustStores"));
        QVERIFY(action);
        QVERIFY(action->isCheckable());
        QVERIFY(!action->isChecked());
        ModuleInfo trust;
        trust.name = QStringLiteral("p11-kit-trust");
        trust.path = QStringLiteral("/usr/lib/x86_64-linux-gnu/pkcs11/p11-kit-trust.so");
        trust.system = true;
        window.tokenTree()->setModules({trust});
        TokenContents store;
        store.token.modulePath = trust.path;
        store.token.moduleName = trust.name;
        store.token.label = QStringLiteral("System Trust");
        store.token.serial = QStringLiteral("1");
        window.tokenTree()->setToken(store);
        QCOMPARE(window.tokenTree()->tokenCount(), 0);
        QVERIFY(!findRow(window.navigation()->model(), QStringLiteral("System Trust")).isValid());

        action->trigger();
        QCOMPARE(window.tokenTree()->tokenCount(), 1);
        QVERIFY(Settings::instance().boolValue(Settings::Key::ShowTrustStores));
        window.navigation()->expandAll();
        QTRY_VERIFY(findRow(window.navigation()->model(), QStringLiteral("System Trust")).isValid());
        screenshot::save(&window, QStringLiteral("mainwindow-trust-stores.png"));

        action->trigger();
        QCOMPARE(window.tokenTree()->tokenCount(), 0);
        QVERIFY(!findRow(window.navigation()->model(), QStringLiteral("System Trust")).isValid());
        QVERIFY(!Settings::instance().boolValue(Settings::Key::ShowTrustStores));
    }

    void notifiesInsertionAndRemovalUnlessTurnedOff()
    {
        SmartcardList list;
        ReaderModel model;
        MainWindow window(&model);
        TrayNotifier notifier(&list);
        QSignalSpy notified(&notifier, &TrayNotifier::notified);
        ReaderMonitor monitor;
        connect(&monitor, &ReaderMonitor::readersChanged, &notifier, &TrayNotifier::setReaders);
        monitor.start();
        QTRY_COMPARE(monitor.readers().size(), 2);

        SimCard card;
        card.setReaderIndex(1);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        QTRY_COMPARE(notified.size(), 1);
        QCOMPARE(notified.at(0).at(0).toString(), QStringLiteral("Card inserted"));
        QCOMPARE(notified.at(0).at(1).toString(), QStringLiteral("Virtual PCD 00 01"));
        QVERIFY2(card.remove(), qPrintable(card.errorString()));
        QTRY_COMPARE(notified.size(), 2);
        QCOMPARE(notified.at(1).at(0).toString(), QStringLiteral("Card removed"));

        // Turned off in the window's Settings menu: nothing more, and it is remembered.
        auto* toggle = window.findChild<QAction*>(QStringLiteral("notifyCardEvents"));
        QVERIFY(toggle && toggle->isChecked());
        toggle->trigger();
        QVERIFY(!notifier.enabled());
        QVERIFY(!Settings::instance().boolValue(Settings::Key::NotifyCardEvents));
        QVERIFY2(card.insert(), qPrintable(card.errorString()));
        QTRY_VERIFY(monitor.readers().at(1).cardPresent());
        QTest::qWait(200);
        QCOMPARE(notified.size(), 2);
        toggle->trigger();
        QVERIFY(notifier.enabled());
        monitor.stop();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
