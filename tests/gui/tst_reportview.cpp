// Help ▸ Report for the helpdesk… against the real bench: the simulated PIV card (OpenSC, through
// the bench's pcscd) and a SoftHSM2 token whose label is markup and a terminal escape. The report
// is saved from the dialog as text, JSON and HTML, masked and unmasked, and each file is compared
// with what `tokendesk report` prints for the same state: byte for byte but the time it was made.
// Masked, no serial is left; the HTML carries the label as text, never as markup.

#include "Screenshot.h"
#include "SimCard.h"
#include "SoftHsmTokens.h"
#include "backend/AppServices.h"
#include "backend/common/Settings.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "ui/HelpActions.h"
#include "ui/MainWindow.h"
#include "ui/ReportDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;
using Format = ReportDocument::Format;

namespace {
const QByteArray kNastyLabel = "<script>alert(1)</script>\x1b[1m";

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The document with the moment it was made taken out: the only part two runs may differ in.
QByteArray withoutTime(QByteArray document, Format format)
{
    static const QRegularExpression json(QStringLiteral("\"generated\": \"[^\"]*\""));
    static const QRegularExpression made(QStringLiteral("Report made \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    static const QRegularExpression datetime(QStringLiteral("datetime=\"[^\"]*\""));
    QString text = QString::fromUtf8(document);
    if (format == Format::Json) {
        text.replace(json, QStringLiteral("\"generated\": \"TIME\""));
    } else {
        text.replace(made, QStringLiteral("Report made TIME"));
        text.replace(datetime, QStringLiteral("datetime=\"TIME\""));
    }
    return text.toUtf8();
}

QAction* findAction(QMenu* menu, const QString& objectName)
{
    const auto actions = menu->actions();
    for (QAction* action : actions) {
        if (action->objectName() == objectName) {
            return action;
        }
        if (action->menu()) {
            if (QAction* inner = findAction(action->menu(), objectName)) {
                return inner;
            }
        }
    }
    return nullptr;
}
} // namespace

class TestReportView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_out;

    /// Saves the dialog's report through its save dialog, as a person would: Save…, the format's
    /// filter, a name, accept.
    QString saveThroughDialog(ReportDialog* dialog, Format format, const QString& name)
    {
        auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveReport"));
        if (!save || !save->isEnabled()) {
            return {};
        }
        save->click();
        QFileDialog* files = dialog->saveDialog();
        if (!files || !files->isVisible()) {
            return {};
        }
        const QStringList filters = files->nameFilters();
        files->selectNameFilter(filters.value(int(format)));
        const QString path = m_out.filePath(name);
        files->selectFile(path);
        QSignalSpy saved(dialog, &ReportDialog::saved);
        static_cast<QDialog*>(files)->accept(); // the Save button (QFileDialog hides accept())
        if (!saved.wait(10000) || !saved.at(0).at(1).toString().isEmpty()) {
            qWarning() << "not saved:" << saved;
            return {};
        }
        return saved.at(0).at(0).toString();
    }

private Q_SLOTS:
    void initTestCase() { Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini"))); }

    void savedReportsEqualTheCommandLine()
    {
        SimCard card;
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        SoftHsmTokens softhsm;
        QVERIFY2(softhsm.isValid(), qPrintable(softhsm.errorString()));
        quint64 slot = 0;
        QVERIFY2(softhsm.createToken(kNastyLabel, &slot), qPrintable(softhsm.errorString()));
        QVERIFY(
            !softhsm.writeIdentity(slot, QStringLiteral("01"), QStringLiteral("Desk identity"), QStringLiteral("rsa"))
                 .isEmpty());
        const QByteArray softhsmSerial = softhsm.listed(kNastyLabel).serial;
        QVERIFY(softhsmSerial.size() >= 8);

        // The window as the application makes it: the modules `tokendesk report` loads too.
        ReaderModel readers;
        MainWindow window(&readers);
        ReaderMonitor monitor;
        connect(&monitor, &ReaderMonitor::readersChanged, &readers, &ReaderModel::setReaders);
        connect(&monitor, &ReaderMonitor::readersChanged, &window, &MainWindow::rescanTokens);
        window.startTokens(ModuleRegistry::Options());
        monitor.start();
        window.resize(1000, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto hasTokens = [&window] {
            bool piv = false;
            bool soft = false;
            const TokenContentsList tokens = window.tokenTree()->tokens();
            for (const TokenContents& t : tokens) {
                piv = piv || (t.token.modulePath.contains(QLatin1String("opensc")) && !t.certificates.isEmpty());
                soft = soft || (t.token.label.toUtf8() == kNastyLabel && !t.certificates.isEmpty());
            }
            return piv && soft;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasTokens(), 60000);
        QByteArrayList serials{softhsmSerial.toLower()};
        const TokenContentsList tokens = window.tokenTree()->tokens();
        for (const TokenContents& t : tokens) {
            if (t.token.modulePath.contains(QLatin1String("opensc"))) {
                serials.append(t.token.serial.toUtf8().toLower()); // the card's; its GUID is in a subject too
            }
        }
        QCOMPARE(serials.size(), 2);
        QVERIFY(window.services()->registry());

        // Help ▸ Report for the helpdesk…
        QMenu* help = window.findChild<QMenu*>(QStringLiteral("helpMenu"));
        QVERIFY(help);
        QAction* reportAction = findAction(help, QStringLiteral("helpdeskReport"));
        QVERIFY(reportAction);
        reportAction->trigger();
        auto* dialog = window.findChild<ReportDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), 60000);
        QVERIFY(dialog->isVisible());
        auto* view = dialog->findChild<QPlainTextEdit*>(QStringLiteral("reportText"));
        QVERIFY(view->toPlainText().contains(QStringLiteral("Tokens (")));

        const QString binary = qEnvironmentVariable("TOKENDESK_BINARY");
        for (const bool masked : {false, true}) {
            dialog->maskOption()->setChecked(masked);
            for (const Format format : {Format::Text, Format::Json, Format::Html}) {
                const QString tag = QStringLiteral("%1-%2").arg(
                    masked ? QStringLiteral("masked") : QStringLiteral("plain"), ReportDocument::suffix(format));
                const QString path = saveThroughDialog(
                    dialog, format, QStringLiteral("report-%1.%2").arg(tag, ReportDocument::suffix(format)));
                QVERIFY2(!path.isEmpty(), qPrintable(tag));
                const QByteArray saved = readAll(path);
                QStringList args{QStringLiteral("report")};
                if (format == Format::Json) {
                    args << QStringLiteral("--json");
                } else if (format == Format::Html) {
                    args << QStringLiteral("--html");
                }
                if (masked) {
                    args << QStringLiteral("--mask-serials");
                }
                const PeerResult cli = PeerProcess::run(binary, args, {}, {}, 60000);
                QVERIFY2(cli.ok(), cli.describe().constData());
                const QByteArray expected = withoutTime(cli.out, format);
                const QByteArray actual = withoutTime(saved, format);
                if (actual != expected) {
                    qWarning().noquote() << "window:\n" << actual << "\ncommand line:\n" << expected;
                }
                QVERIFY2(actual == expected, qPrintable(tag));
                // What the dialog shows is the text saved.
                if (format == Format::Text) {
                    QCOMPARE(view->toPlainText().toUtf8(), saved);
                }
                // The tokens' and certificates' serials are there unmasked, gone when masked.
                for (const QByteArray& serial : std::as_const(serials)) {
                    QVERIFY2(saved.toLower().contains(serial) == !masked, serial.constData());
                }
                if (format == Format::Json) {
                    const QJsonObject doc = QJsonDocument::fromJson(saved).object();
                    QVERIFY(!doc.isEmpty());
                    QVERIFY(doc.value(QStringLiteral("generated")).toString().endsWith(QLatin1Char('Z')));
                    const QJsonArray certificates = doc.value(QStringLiteral("certificates")).toArray();
                    QVERIFY(certificates.size() >= 2);
                    for (const QJsonValue& c : certificates) {
                        const QString serial = c.toObject().value(QStringLiteral("serial")).toString();
                        const QString tokenSerial = c.toObject().value(QStringLiteral("token_serial")).toString();
                        QCOMPARE(serial.contains(QLatin1Char('*')), masked);
                        QCOMPARE(tokenSerial.contains(QLatin1Char('*')), masked);
                        QCOMPARE(c.toObject().value(QStringLiteral("uri")).toString().contains(tokenSerial), true);
                    }
                }
                // The label is text everywhere: escaped for the terminal, and as HTML in the HTML.
                QVERIFY(!saved.contains('\x1b'));
                if (format == Format::Html) {
                    QVERIFY(!saved.contains("<script"));
                    QVERIFY(saved.contains("&lt;script&gt;alert(1)&lt;/script&gt;\\e[1m"));
                } else if (format == Format::Text) {
                    QVERIFY(saved.contains("<script>alert(1)</script>\\e[1m"));
                }
            }
        }

        // Copy: the text on the clipboard, the HTML beside it.
        dialog->maskOption()->setChecked(true);
        dialog->findChild<QPushButton*>(QStringLiteral("copyReport"))->click();
        QCOMPARE(QApplication::clipboard()->text().toUtf8(), dialog->document(Format::Text));
        QVERIFY(!QApplication::clipboard()->text().toUtf8().contains(softhsmSerial));

        dialog->resize(900, 620);
        screenshot::save(dialog, QStringLiteral("report-view.png"));

        // A file that cannot be written is said in a sentence.
        QSignalSpy failed(dialog, &ReportDialog::saved);
        dialog->save(m_out.filePath(QStringLiteral("no-such-folder/report.txt")), Format::Text);
        QVERIFY(failed.wait(10000));
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());

        // Escape closes it; the menu entry opens it again.
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!window.findChild<ReportDialog*>() || !window.findChild<ReportDialog*>()->isVisible());
        monitor.stop();
    }
};

QTEST_MAIN(TestReportView)
#include "tst_reportview.moc"
