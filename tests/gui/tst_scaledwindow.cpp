// The window at 200 % (QT_SCALE_FACTOR=2, set before the application starts, as a user with a
// high-density screen runs it): DemoWindow's contents, a certificate page and a dialog, each
// checked for text that does not fit its widget, and photographed for docs/screenshots
// (mainwindow-200.png).

#include "DemoWindow.h"
#include "Screenshot.h"
#include "models/IdentitiesModel.h"
#include "ui/CertificatePage.h"
#include "ui/PinChangeDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace tokendesk;

namespace {
/// Buttons and one-line labels shown under `root` whose text is wider than the widget.
QStringList clipped(QWidget* root)
{
    QStringList findings;
    const auto widgets = root->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisible()) {
            continue;
        }
        if (auto* label = qobject_cast<QLabel*>(w); label && label->wordWrap() && !label->text().isEmpty()) {
            // A wrapped label needs the height its width asks for.
            const int needed = label->heightForWidth(label->width());
            if (needed > label->height() + 1) {
                findings << QStringLiteral("QLabel '%1': \"%2\" needs %3 px height in %4 px")
                                .arg(label->objectName(), label->text().left(40))
                                .arg(needed)
                                .arg(label->height());
            }
            continue;
        }
        QString text;
        if (auto* button = qobject_cast<QAbstractButton*>(w)) {
            text = button->text().remove(QLatin1Char('&'));
        } else if (auto* label = qobject_cast<QLabel*>(w); label && !label->wordWrap() && label->pixmap().isNull()) {
            text = label->text().remove(QRegularExpression(QStringLiteral("&(?!&)")));
        }
        if (text.isEmpty() || text.contains(QLatin1Char('<')) || text.contains(QLatin1Char('\n'))) {
            continue;
        }
        // Widgets lay out in logical pixels: the font metrics are the scaled font's.
        if (w->fontMetrics().horizontalAdvance(text) > w->contentsRect().width() + 1) {
            findings << QStringLiteral("%1 '%2': \"%3\" is %4 px wide in %5 px")
                            .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text)
                            .arg(w->fontMetrics().horizontalAdvance(text))
                            .arg(w->contentsRect().width());
        }
    }
    return findings;
}
} // namespace

class TestScaledWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mainWindowAt200Percent()
    {
        QCOMPARE(qApp->devicePixelRatio(), 2.0);
        QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), QSize(1920, 1080));
        DemoWindow demo;
        QVERIFY2(demo.isValid(), qPrintable(demo.errorString()));
        MainWindow* window = demo.window.get();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->navigation()->expandAll();
        // The pairing shows its card's certificate once the model has matched it.
        QTRY_VERIFY(
            window->pairings()->rowCount() > 0 &&
            !window->pairings()->index(0, 0).data(PairingModel::RowRole).value<PairingRow>().pairing.sha256.isEmpty());
        demo.select(window->identities()->index(0, 0));
        QTRY_COMPARE(window->certificatePage()->isVisible(), true);
        // The general tab fits the page's width: nothing hides behind a horizontal scroll bar.
        auto* general = window->certificatePage()->findChild<QScrollArea*>(QStringLiteral("generalTab"));
        QVERIFY(general);
        QTRY_VERIFY(!general->horizontalScrollBar()->isVisible());
        const QStringList findings = clipped(window);
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
        const QImage shot = window->grab().toImage();
        QCOMPARE(shot.width(), window->width() * 2);
        screenshot::save(window, QStringLiteral("mainwindow-200.png"));
    }

    void dialogAt200Percent()
    {
        DemoWindow demo;
        QVERIFY2(demo.isValid(), qPrintable(demo.errorString()));
        TokenPinStatus status;
        status.token = demo.workToken;
        status.piv = true;
        status.so.triesLeft = 1;
        PinChangeDialog dialog(status, PinChangeDialog::Mode::ChangeSoPin, demo.window.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList findings = clipped(&dialog);
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
        screenshot::save(&dialog, QStringLiteral("pin-change-200.png"));
    }
};

int main(int argc, char** argv)
{
    // Before the application: Qt reads the scale factor once, when the screens are made. The
    // screen is a 4K one (1920 x 1080 at 200 %), not the offscreen plugin's 800 x 600, which at
    // 200 % would squeeze every dialog into 400 x 300.
    qputenv("QT_SCALE_FACTOR", "2");
    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("offscreen.json")));
    if (!config.open(QIODevice::WriteOnly) ||
        config.write(R"({"screens": [{"name": "4K", "x": 0, "y": 0, "width": 3840, "height": 2160,
                         "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]})") <= 0) {
        return 2;
    }
    config.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + QFile::encodeName(config.fileName()));
    QApplication app(argc, argv);
    TestScaledWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_scaledwindow.moc"
