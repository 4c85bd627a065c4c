#include "TaskGuideDialog.h"

#include "TaskGuides.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tokendesk {

TaskGuideDialog::TaskGuideDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("TokenDesk Guides"));
    setObjectName(QStringLiteral("taskGuideDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* columns = new QHBoxLayout;
    m_tasks = new QListWidget(this);
    m_tasks->setObjectName(QStringLiteral("guideList"));
    m_tasks->setAccessibleName(tr("Tasks"));
    m_tasks->setMaximumWidth(230);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setAccessibleName(tr("Guide"));
    m_browser->setOpenLinks(false);
    const QList<TaskGuide> guides = TaskGuides::all();
    for (const TaskGuide& guide : guides) {
        auto* item = new QListWidgetItem(guide.title, m_tasks);
        item->setData(Qt::UserRole, guide.id);
    }
    connect(m_tasks, &QListWidget::currentRowChanged, this, [this, guides](int row) {
        if (row >= 0 && row < guides.size()) {
            m_browser->setHtml(TaskGuides::html(guides.at(row)));
        }
    });
    columns->addWidget(m_tasks);
    columns->addWidget(m_browser, 1);
    layout->addLayout(columns, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("C&lose"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_tasks->setCurrentRow(0);
    resize(760, 420);
}

bool TaskGuideDialog::showGuide(const QString& id)
{
    for (int row = 0; row < m_tasks->count(); ++row) {
        if (m_tasks->item(row)->data(Qt::UserRole).toString() == id) {
            m_tasks->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QString TaskGuideDialog::currentGuide() const
{
    const QListWidgetItem* item = m_tasks->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

} // namespace tokendesk
