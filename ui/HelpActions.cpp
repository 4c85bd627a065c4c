#include "HelpActions.h"

#include "AboutDialog.h"
#include "MainMenus.h"
#include "MainWindow.h"
#include "ReportDialog.h"
#include "TaskGuideDialog.h"
#include "TaskGuides.h"
#include "backend/AppServices.h"

#include <QAction>
#include <QMenu>

namespace tokendesk {

namespace {
/// Shows a dialog made once and kept: raised and focused again when asked again.
template<typename Dialog, typename Make> Dialog* raise(QPointer<Dialog>& dialog, Make make)
{
    if (!dialog) {
        dialog = make();
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}
} // namespace

HelpActions::HelpActions(MainWindow* window) : QObject(window), m_window(window)
{
    QMenu* help = window->menus()->menu(MainMenus::Menu::Help);
    QAction* first = help->actions().value(0); // About Qt: ours go above it
    QMenu* guides = new QMenu(tr("&Guides"), help);
    guides->setObjectName(QStringLiteral("guidesMenu"));
    const QList<TaskGuide> all = TaskGuides::all();
    // Mnemonics for the guides' entries, in the order of the menu.
    const QStringList entries{tr("&Inspect a card"), tr("&Change or unblock a PIN"), tr("&Pair an account"),
                              tr("I&mport a .p12")};
    for (qsizetype i = 0; i < all.size(); ++i) {
        QAction* action = guides->addAction(entries.value(i, all.at(i).title));
        action->setObjectName(QStringLiteral("guide-") + all.at(i).id);
        connect(action, &QAction::triggered, this, [this, id = all.at(i).id] { showGuide(id); });
    }
    help->insertMenu(first, guides);
    auto* report =
        new QAction(QIcon::fromTheme(QStringLiteral("document-properties")), tr("&Report for the helpdesk…"), this);
    report->setObjectName(QStringLiteral("helpdeskReport"));
    connect(report, &QAction::triggered, this, &HelpActions::showReport);
    help->insertAction(first, report);
    help->insertSeparator(first);
    auto* about = new QAction(QIcon::fromTheme(QStringLiteral("help-about")), tr("&About TokenDesk"), this);
    about->setObjectName(QStringLiteral("aboutTokenDesk"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &HelpActions::showAbout);
    help->insertAction(first, about);
}

ReportDialog* HelpActions::showReport()
{
    return raise(m_report, [this] {
        ReportDialog::Source source;
        source.registry = m_window->services()->registry();
        source.pairings = m_window->services()->pairingChoice();
        return new ReportDialog(source, m_window);
    });
}

AboutDialog* HelpActions::showAbout()
{
    return raise(m_about, [this] {
        const auto registry = m_window->services()->registry();
        return new AboutDialog(ComponentVersions::all(), registry ? registry->modules() : ModuleList(), m_window);
    });
}

TaskGuideDialog* HelpActions::showGuide(const QString& id)
{
    TaskGuideDialog* dialog = raise(m_guides, [this] { return new TaskGuideDialog(m_window); });
    dialog->showGuide(id);
    return dialog;
}

} // namespace tokendesk
