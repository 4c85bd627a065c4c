#pragma once

#include <QDialog>

class QListWidget;
class QTextBrowser;

namespace tokendesk {

/// Help ▸ Guides: one page per task (TaskGuides) in a text browser, the tasks listed beside it.
class TaskGuideDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TaskGuideDialog(QWidget* parent = nullptr);

    /// Shows the guide with this id ("pin"); false when there is none.
    bool showGuide(const QString& id);
    QString currentGuide() const;
    QTextBrowser* browser() const { return m_browser; }

private:
    QListWidget* m_tasks = nullptr;
    QTextBrowser* m_browser = nullptr;
};

} // namespace tokendesk
