#include "MainWindow.h"

#include "ReaderPage.h"
#include "models/ReaderModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
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

    m_navigation = new QTreeView(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setModel(readers);
    m_navigation->setRootIsDecorated(false);
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
    connect(readers, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_navigation->currentIndex().isValid()) {
            m_navigation->setCurrentIndex(m_readers->index(0, 0));
        }
        showSelection();
    });
    connect(readers, &QAbstractItemModel::rowsRemoved, this, &MainWindow::showSelection);
    showSelection();
    resize(900, 560);
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
    m_readerPage->setReader(current);
    m_pages->setCurrentWidget(m_readerPage);
}

} // namespace tokendesk
