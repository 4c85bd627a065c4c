#pragma once

#include "DetailsPage.h"
#include "backend/pcsc/CardDetails.h"
#include "commands/AsyncTask.h"

#include <QPersistentModelIndex>
#include <QWidget>

class QLabel;
class QTreeView;

namespace tokendesk {

class AtrModel;

/// The card in a reader: what it is (names from smartcard_list.txt), its ATR
/// broken down byte by byte, and the protocol it talks (read off the GUI thread).
class CardPage : public QWidget, public DetailsPage
{
    Q_OBJECT
public:
    explicit CardPage(QWidget* parent = nullptr);

    /// Show the card row at `index` of a ReaderModel.
    void setCard(const QModelIndex& index);

    QWidget* widget() override { return this; }
    /// A card row (under its reader) of a ReaderModel.
    bool accepts(const QModelIndex& index) const override;
    void showIndex(const QModelIndex& index) override { setCard(index); }

    AtrModel* atrModel() const { return m_atrModel; }

Q_SIGNALS:
    /// The card details arrived (or failed): for tests and the status bar.
    void detailsLoaded();

private:
    void loadDetails(const QString& reader);
    void showDetails(const Result<CardDetails, PcscError>& result);

    QPersistentModelIndex m_index;
    AsyncTask::Latest m_detailsRequest; ///< a newer request wins
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
