#pragma once

#include <QObject>
#include <QPointer>

class QAction;

namespace tokendesk {

class AboutDialog;
class MainWindow;
class ReportDialog;
class TaskGuideDialog;

/// The Help menu's own entries: a guide per task (TaskGuideDialog), Report for the helpdesk…
/// (ReportDialog) and About TokenDesk (AboutDialog), registered in the window's menus. Each dialog
/// is made once, on the window, and raised when asked again.
class HelpActions : public QObject
{
    Q_OBJECT
public:
    explicit HelpActions(MainWindow* window);

    /// Open (or raise) each dialog; tests call these as the menu entries do.
    ReportDialog* showReport();
    AboutDialog* showAbout();
    TaskGuideDialog* showGuide(const QString& id);

private:
    MainWindow* m_window;
    QPointer<ReportDialog> m_report;
    QPointer<AboutDialog> m_about;
    QPointer<TaskGuideDialog> m_guides;
};

} // namespace tokendesk
