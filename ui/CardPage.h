#pragma once

#include "backend/pcsc/CardDetails.h"

#include <QFutureWatcher>
#include <QPersistentModelIndex>
#include <QWidget>

class QLabel;
class QTreeView;

namespace tokendesk {

class AtrModel;

/// The card in a reader: what it is (names from smartcard_list.txt), its ATR
/// broken down byte by byte, and the protocol it talks (read off the GUI thread).
class CardPage : public QWidget
{
    Q_OBJECT
public:
    explicit CardPage(QWidget* parent = nullptr);

    /// Show the card row at `index` of a ReaderModel.
    void setCard(const QModelIndex& index);

    AtrModel* atrModel() const { return m_atrModel; }

Q_SIGNALS:
    /// The card details arrived (or failed): for tests and the status bar.
    void detailsLoaded();

private:
    void loadDetails(const QString& reader);
    void showDetails();

    QPersistentModelIndex m_index;
    QFutureWatcher<Result<CardDetails, PcscError>>* m_watcher = nullptr;
    QByteArray m_shownAtr;
    QString m_detailsCard; ///< reader, event count and ATR of the card whose details are shown
    QLabel* m_title = nullptr;
    QLabel* m_reader = nullptr;
    QLabel* m_names = nullptr;
    QLabel* m_atr = nullptr;
    QLabel* m_protocol = nullptr;
    QTreeView* m_atrView = nullptr;
    AtrModel* m_atrModel = nullptr;
};

} // namespace tokendesk
