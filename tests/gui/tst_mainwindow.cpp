// The main window against the real bench: a simulated card in a vpcd reader
// shows up in the navigation, its details on the right, and goes when pulled.

#include "SimCard.h"
#include "backend/atr/SmartcardList.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "models/ReaderModel.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>

using namespace tokendesk;

namespace {
const QString kReader = QStringLiteral("Virtual PCD 00 00");
const QString kAtr = QStringLiteral("3B 88 80 01 54 4F 4B 45 4E 44 45 53 4B 76");

QModelIndex findRow(const QAbstractItemModel* model, const QString& name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == name) {
            return model->index(row, 0);
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
    static void saveScreenshot(QWidget* window, const QString& name)
    {
        const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR", QDir::currentPath());
        QDir().mkpath(dir);
        const QString path = dir + QLatin1Char('/') + name;
        QVERIFY2(window->grab().save(path), qPrintable(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

private Q_SLOTS:
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
        QVERIFY(labelTexts().contains(kReader));
        QVERIFY(labelTexts().contains(QStringLiteral("Card present")));
        saveScreenshot(&window, QStringLiteral("mainwindow-readers.png"));

        // Pulled: the same row says so, and the page asks for a card.
        QVERIFY2(card.remove(), qPrintable(card.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(labelTexts().contains(QStringLiteral("Insert a card into this reader.")), 5000);
        QVERIFY(!labelTexts().contains(kAtr));
        QCOMPARE(findRow(navigation->model(), kReader).siblingAtColumn(ReaderModel::CardColumn).data().toString(),
                 QStringLiteral("No card"));

        monitor.stop();
        QVERIFY(monitor.isFinished());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
