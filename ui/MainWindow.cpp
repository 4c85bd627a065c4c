#include "MainWindow.h"

#include "CardPage.h"
#include "ReaderPage.h"
#include "backend/common/Settings.h"
#include "models/ReaderModel.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <algorithm>

namespace tokendesk {

MainWindow::MainWindow(ReaderModel* readers, QWidget* parent) : QMainWindow(parent), m_readers(readers)
{
    setWindowTitle(tr("TokenDesk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tokendesk.svg")));
    createMenus();

    m_navigation = new QTreeView(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setModel(readers);
    m_navigation->setAllColumnsShowFocus(true);
    m_navigation->setUniformRowHeights(true);
    m_navigation->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_navigation->setColumnHidden(ReaderModel::AtrColumn, true);

    m_emptyPage = new QLabel(this);
    m_emptyPage->setObjectName(QStringLiteral("emptyState"));
    m_emptyPage->setAlignment(Qt::AlignCenter);
    m_emptyPage->setWordWrap(true);
    m_readerPage = new ReaderPage(this);
    m_readerPage->setObjectName(QStringLiteral("readerPage"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_emptyPage);
    m_pages->addWidget(m_readerPage);
    m_cardPage = new CardPage(this);
    m_cardPage->setObjectName(QStringLiteral("cardPage"));
    m_pages->addWidget(m_cardPage);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

    m_serviceLabel = new QLabel(this);
    m_serviceLabel->setObjectName(QStringLiteral("serviceState"));
    // Wide enough for every state, so the status bar does not jump or clip.
    int widest = 0;
    for (auto state : {ReaderMonitor::ServiceState::Starting, ReaderMonitor::ServiceState::Running,
                       ReaderMonitor::ServiceState::Restarting, ReaderMonitor::ServiceState::Absent}) {
        widest = std::max(widest, m_serviceLabel->fontMetrics().horizontalAdvance(serviceStateText(state)));
    }
    m_serviceLabel->setMinimumWidth(widest + m_serviceLabel->margin() * 2 + 4);
    statusBar()->addPermanentWidget(m_serviceLabel);
    setServiceState(ReaderMonitor::ServiceState::Starting);

    connect(m_navigation->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showSelection);
    connect(readers, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& under, int first, int last) {
        // Cards show under their readers: a card inserted, or readers that came with one.
        if (under.isValid()) {
            m_navigation->expand(under);
        }
        for (int row = first; !under.isValid() && row <= last; ++row) {
            m_navigation->expand(m_readers->index(row, 0));
        }
        if (!m_navigation->currentIndex().isValid()) {
            m_navigation->setCurrentIndex(m_readers->index(0, 0));
        }
        showSelection();
    });
    connect(readers, &QAbstractItemModel::rowsRemoved, this, &MainWindow::showSelection);
    connect(readers, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from) {
        if (from.data(ReaderModel::IsCardRole).toBool() && from.row() == m_navigation->currentIndex().row() &&
            from.parent() == m_navigation->currentIndex().parent()) {
            showSelection();
        }
    });
    showSelection();
    resize(900, 560);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    m_notifyAction = settings->addAction(tr("&Notify when a card is inserted or removed"));
    m_notifyAction->setObjectName(QStringLiteral("notifyCardEvents"));
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(Settings::instance().boolValue(Settings::Key::NotifyCardEvents));
    connect(m_notifyAction, &QAction::toggled, this,
            [](bool on) { Settings::instance().setValue(Settings::Key::NotifyCardEvents, on); });
}

QString MainWindow::serviceStateText(ReaderMonitor::ServiceState state)
{
    switch (state) {
    case ReaderMonitor::ServiceState::Starting:
        return tr("PC/SC: connecting…");
    case ReaderMonitor::ServiceState::Running:
        return tr("PC/SC: running");
    case ReaderMonitor::ServiceState::Restarting:
        return tr("PC/SC: restarting…");
    case ReaderMonitor::ServiceState::Absent:
        return tr("PC/SC: service not running");
    }
    return {};
}

void MainWindow::setServiceState(ReaderMonitor::ServiceState state)
{
    m_serviceLabel->setText(serviceStateText(state));
    m_emptyPage->setText(state == ReaderMonitor::ServiceState::Absent
                             ? tr("The smart card service (pcscd) is not running.\n"
                                  "Start it, or start the demo with scripts/run.sh.")
                             : tr("No smart card reader found.\n"
                                  "Connect a reader, or start the demo with scripts/run.sh."));
}

void MainWindow::showSelection()
{
    const QModelIndex current = m_navigation->currentIndex();
    if (!current.isValid()) {
        m_pages->setCurrentWidget(m_emptyPage);
        return;
    }
    if (current.data(ReaderModel::IsCardRole).toBool()) {
        m_cardPage->setCard(current);
        m_pages->setCurrentWidget(m_cardPage);
        return;
    }
    m_readerPage->setReader(current);
    m_pages->setCurrentWidget(m_readerPage);
}

} // namespace tokendesk
