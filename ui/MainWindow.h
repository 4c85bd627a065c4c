#pragma once

#include "backend/pcsc/ReaderMonitor.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QStackedWidget;
class QTreeView;

namespace tokendesk {

class ReaderModel;
class CardPage;
class ReaderPage;

/// The one main window: navigation on the left, details of the selection on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ReaderModel* readers, QWidget* parent = nullptr);

    QTreeView* navigation() const { return m_navigation; }

public Q_SLOTS:
    void setServiceState(tokendesk::ReaderMonitor::ServiceState state);

private:
    void createMenus();
    static QString serviceStateText(ReaderMonitor::ServiceState state);
    void showSelection();

    ReaderModel* m_readers;
    QTreeView* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_emptyPage = nullptr;
    ReaderPage* m_readerPage = nullptr;
    CardPage* m_cardPage = nullptr;
    QLabel* m_serviceLabel = nullptr;
    QAction* m_notifyAction = nullptr;
};

} // namespace tokendesk
