// The Help menu's About TokenDesk and task guides, offscreen: About lists TokenDesk's version, Qt's,
// OpenSSL's (exactly OpenSSL_version), pcsc-lite's and p11-kit's, and the loaded SoftHSM2 module with
// the version pkcs11-tool reads from it; Copy copies them. Every menu entry a guide names exists in
// the window's menus, each guide opens from Help ▸ Guides on its own page, and Escape closes the
// dialogs. Screenshots: about.png, help-guide.png.

#include "PeerProcess.h"
#include "Screenshot.h"
#include "SoftHsmTokens.h"
#include "backend/AppServices.h"
#include "backend/common/Settings.h"
#include "models/ReaderModel.h"
#include "ui/AboutDialog.h"
#include "ui/HelpActions.h"
#include "ui/MainWindow.h"
#include "ui/TaskGuideDialog.h"
#include "ui/TaskGuides.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QTreeWidget>
#include <openssl/crypto.h>

using namespace tokendesk;

namespace {
QString withoutMnemonic(QString text)
{
    return text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
}

/// Every action of a menu and its submenus.
QList<QAction*> allActions(QMenu* menu)
{
    QList<QAction*> result;
    const auto actions = menu->actions();
    for (QAction* action : actions) {
        result.append(action);
        if (action->menu()) {
            result.append(allActions(action->menu()));
        }
    }
    return result;
}

QMenu* menuTitled(QMainWindow& window, const QString& title)
{
    const auto actions = window.menuBar()->actions();
    for (QAction* action : actions) {
        if (action->menu() && withoutMnemonic(action->text()) == title) {
            return action->menu();
        }
    }
    return nullptr;
}

QString row(QTreeWidget* tree, const QString& component)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == component) {
            return tree->topLevelItem(i)->text(1);
        }
    }
    return {};
}
} // namespace

class TestHelpMenu : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase() { Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini"))); }

    void aboutListsVersions()
    {
        SoftHsmTokens softhsm;
        QVERIFY2(softhsm.isValid(), qPrintable(softhsm.errorString()));
        ReaderModel readers;
        MainWindow window(&readers);
        ModuleRegistry::Options options;
        options.registered = false;
        options.environment = false;
        options.nssDatabase.clear();
        options.paths = {SoftHsmTokens::modulePath()};
        window.startTokens(options);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.services()->registry(), 30000);

        QMenu* help = window.findChild<QMenu*>(QStringLiteral("helpMenu"));
        QAction* about = window.findChild<QAction*>(QStringLiteral("aboutTokenDesk"));
        QVERIFY(about);
        QVERIFY(help->actions().contains(about));
        QCOMPARE(about->menuRole(), QAction::AboutRole);
        about->trigger();
        auto* dialog = window.findChild<AboutDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTreeWidget* versions = dialog->versions();
        QCOMPARE(row(versions, QStringLiteral("TokenDesk")), AboutDialog::tokenDeskVersion());
        QVERIFY(!AboutDialog::tokenDeskVersion().isEmpty());
        QCOMPARE(row(versions, QStringLiteral("Qt")), QString::fromLatin1(qVersion()));
        QCOMPARE(row(versions, QStringLiteral("OpenSSL")), QString::fromUtf8(OpenSSL_version(OPENSSL_VERSION)));
        QVERIFY(row(versions, QStringLiteral("pcsc-lite")).contains(QLatin1String("built with")));
        QVERIFY(row(versions, QStringLiteral("p11-kit")).contains(QLatin1String("built with")));

        // SoftHSM2 as pkcs11-tool reads its C_GetInfo: "Library  Implementation of PKCS11 (ver 2.6)".
        const PeerResult info =
            PeerProcess::run(QStringLiteral("pkcs11-tool"),
                             {QStringLiteral("--module"), SoftHsmTokens::modulePath(), QStringLiteral("-I")});
        QVERIFY2(info.ok(), info.describe().constData());
        const QRegularExpressionMatch library =
            QRegularExpression(QStringLiteral("Library\\s+(.+) \\(ver (\\d+\\.\\d+)\\)"))
                .match(QString::fromUtf8(info.out));
        QVERIFY2(library.hasMatch(), info.out.constData());
        QString softhsmRow;
        for (int i = 0; i < versions->topLevelItemCount(); ++i) {
            if (versions->topLevelItem(i)->text(0).startsWith(QLatin1String("PKCS#11 module"))) {
                softhsmRow = versions->topLevelItem(i)->text(1);
            }
        }
        QVERIFY2(softhsmRow.startsWith(library.captured(1) + QLatin1Char(' ') + library.captured(2)),
                 qPrintable(softhsmRow));

        // Copy: every line as "component: version".
        dialog->findChild<QPushButton*>(QStringLiteral("copyVersions"))->click();
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied, dialog->versionsText());
        QVERIFY(copied.contains(QStringLiteral("OpenSSL: ") + QString::fromUtf8(OpenSSL_version(OPENSSL_VERSION))));
        QVERIFY(copied.contains(softhsmRow));
        screenshot::save(dialog, QStringLiteral("about.png"));

        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!window.findChild<AboutDialog*>() || !window.findChild<AboutDialog*>()->isVisible());
    }

    void guidesNameRealMenuEntries()
    {
        ReaderModel readers;
        MainWindow window(&readers);
        const QList<TaskGuide> guides = TaskGuides::all();
        QCOMPARE(guides.size(), 4);
        for (const TaskGuide& guide : guides) {
            QVERIFY2(guide.steps.size() >= 4 && guide.steps.size() <= 8, qPrintable(guide.id));
            QVERIFY2(!guide.entries.isEmpty(), qPrintable(guide.id));
            for (const GuideMenuEntry& entry : guide.entries) {
                QMenu* menu = menuTitled(window, entry.menu);
                QVERIFY2(menu, qPrintable(guide.id + QStringLiteral(": no menu ") + entry.menu));
                const QList<QAction*> actions = allActions(menu);
                const bool found = std::any_of(actions.cbegin(), actions.cend(), [&entry](QAction* action) {
                    return withoutMnemonic(action->text()) == entry.entry;
                });
                QVERIFY2(found, qPrintable(guide.id + QStringLiteral(": no entry ") + entry.path()));
                // The step that names it says it as the menus do.
                const bool named = std::any_of(guide.steps.cbegin(), guide.steps.cend(), [&entry](const QString& s) {
                    return s.contains(entry.path().toHtmlEscaped());
                });
                QVERIFY2(named, qPrintable(entry.path()));
            }
        }
    }

    void guidesOpenFromTheHelpMenu()
    {
        ReaderModel readers;
        MainWindow window(&readers);
        window.show();
        QMenu* guidesMenu = window.findChild<QMenu*>(QStringLiteral("guidesMenu"));
        QVERIFY(guidesMenu);
        QVERIFY(window.findChild<QMenu*>(QStringLiteral("helpMenu"))->actions().contains(guidesMenu->menuAction()));
        const QList<TaskGuide> guides = TaskGuides::all();
        QCOMPARE(guidesMenu->actions().size(), guides.size());
        for (const TaskGuide& guide : guides) {
            QAction* action = window.findChild<QAction*>(QStringLiteral("guide-") + guide.id);
            QVERIFY2(action, qPrintable(guide.id));
            QVERIFY(action->text().contains(QLatin1Char('&')));
            action->trigger();
            auto* dialog = window.findChild<TaskGuideDialog*>();
            QVERIFY(dialog);
            QVERIFY(dialog->isVisible());
            QCOMPARE(dialog->currentGuide(), guide.id);
            const QString shown = dialog->browser()->toPlainText();
            QVERIFY2(shown.startsWith(guide.title), qPrintable(shown));
            QVERIFY(shown.contains(QTextDocumentFragment::fromHtml(guide.steps.constLast()).toPlainText()));
            QCOMPARE(window.findChildren<TaskGuideDialog*>().size(), 1); // one dialog, raised again
        }
        auto* dialog = window.findChild<TaskGuideDialog*>();
        QVERIFY(dialog->showGuide(QStringLiteral("pin")));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        screenshot::save(dialog, QStringLiteral("help-guide.png"));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!window.findChild<TaskGuideDialog*>() || !window.findChild<TaskGuideDialog*>()->isVisible());
    }
};

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"
