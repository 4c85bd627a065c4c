#pragma once

#include "DetailsPage.h"
#include "backend/pcsc/CardDetails.h"
#include "commands/AsyncTask.h"

#include <QPersistentModelIndex>
#include <QWidget>

class QLabel;
class QAbstractItemModel;

namespace tokendesk {

/// Details of one reader and the card in it. Follows the model row it shows.
class ReaderPage : public QWidget, public DetailsPage
{
    Q_OBJECT
public:
    explicit ReaderPage(QWidget* parent = nullptr);

    /// Show the reader at `index` (a row of a ReaderModel); keeps up with its changes.
    void setReader(const QModelIndex& index);

    QWidget* widget() override { return this; }
    /// A reader row of a ReaderModel.
    bool accepts(const QModelIndex& index) const override;
    void showIndex(const QModelIndex& index) override { setReader(index); }

Q_SIGNALS:
    /// The reader's features arrived (or failed): for tests.
    void featuresLoaded();

private:
    void refresh();
    void showFeatures(const Result<CardDetails, PcscError>& result);

    QPersistentModelIndex m_index;
    QMetaObject::Connection m_dataChanged;
    QLabel* m_title = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_cardNames = nullptr;
    QLabel* m_atr = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_features = nullptr;
    QString m_featuresReader;            ///< whose features are shown or being read
    AsyncTask::Latest m_featuresRequest; ///< a newer request wins
};

} // namespace tokendesk
