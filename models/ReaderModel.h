#pragma once

#include "backend/pcsc/ReaderInfo.h"

#include <QAbstractTableModel>

namespace tokendesk {

class SmartcardList;

/// One row per reader, keyed by reader name, with the card in it.
/// Translates ReaderMonitor snapshots into row insertions, removals and changes.
class ReaderModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        CardColumn,
        CardNameColumn,
        AtrColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ReaderNameRole = Qt::UserRole + 1,
        CardPresentRole,
        AtrRole,       ///< QByteArray
        AtrHexRole,    ///< "3B 88 80 ..."
        CardNamesRole, ///< QStringList from smartcard_list.txt
        CardStateRole, ///< int, ReaderInfo::CardState
    };
    Q_ENUM(Role)

    explicit ReaderModel(QObject* parent = nullptr);

    /// Where card names come from; not owned, must outlive the model.
    void setSmartcardList(const SmartcardList* list);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    ReaderInfo reader(int row) const { return m_rows.at(row).info; }
    QStringList cardNames(int row) const { return m_rows.at(row).cardNames; }
    /// The row of a reader, or an invalid index.
    QModelIndex indexOfReader(const QString& name) const;

public Q_SLOTS:
    /// Make the rows match `readers`: new readers are appended, gone ones removed,
    /// the others updated in place.
    void setReaders(const tokendesk::ReaderList& readers);

private:
    struct Row
    {
        ReaderInfo info;
        QStringList cardNames;
    };
    Row makeRow(const ReaderInfo& info) const;
    QString cardStateText(const ReaderInfo& info) const;

    QList<Row> m_rows;
    const SmartcardList* m_smartcardList = nullptr;
};

} // namespace tokendesk
