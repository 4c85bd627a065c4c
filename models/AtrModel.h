#pragma once

#include "backend/atr/AtrInfo.h"

#include <QStandardItemModel>

namespace tokendesk {

/// An ATR broken down byte by byte for the card page: one row per byte or
/// group (TS, T0, each TA/TB/TC/TD, the historical bytes with their objects
/// as children, TCK), then the errors and warnings.
class AtrModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        FieldColumn,
        ValueColumn,
        MeaningColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        OffsetRole = Qt::UserRole + 1, ///< int: offset of the byte in the ATR, -1 for groups
        IsIssueRole,                   ///< bool: an error or warning row
        IsErrorRole,                   ///< bool: an error row (drawn in the palette's alert colour)
    };

    explicit AtrModel(QObject* parent = nullptr);

    /// Analyses `atr` and shows it; an empty ATR empties the model.
    void setAtr(const QByteArray& atr);
    const AtrInfo& info() const { return m_info; }
    /// The alert colour of error rows is asked when drawn: it follows a palette changed meanwhile.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<QStandardItem*> row(const QString& field, const QString& value, const QString& meaning, int offset = -1);
    void addHistorical(const HistoricalBytes& historical);
    void addIssues();

    AtrInfo m_info;
};

} // namespace tokendesk
