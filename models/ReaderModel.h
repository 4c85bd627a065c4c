#pragma once

#include "backend/pcsc/ReaderInfo.h"

#include <QAbstractItemModel>
#include <QHash>

namespace tokendesk {

class SmartcardList;

/// Readers and their cards as a tree: one top-level row per reader (keyed by
/// reader name), with the card in it as its only child row while present.
/// Translates ReaderMonitor snapshots into row insertions, removals and changes.
class ReaderModel : public QAbstractItemModel
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
        AtrRole,        ///< QByteArray
        AtrHexRole,     ///< "3B 88 80 ..."
        CardNamesRole,  ///< QStringList from smartcard_list.txt
        CardStateRole,  ///< int, ReaderInfo::CardState
        IsCardRole,     ///< bool: this row is the card, not the reader
        EventCountRole, ///< int: pcscd's insertion/removal count for the reader
        /// QString: where the card's name came from when no list knows its ATR (the name
        /// shown is then the one a token in the reader gave, see setTokenCardName); else empty
        CardNameSourceRole,
    };
    Q_ENUM(Role)

    explicit ReaderModel(QObject* parent = nullptr);

    /// Where card names come from; not owned, must outlive the model.
    void setSmartcardList(const SmartcardList* list);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The reader of a top-level row.
    ReaderInfo reader(int row) const { return m_rows.at(row).info; }
    QStringList cardNames(int row) const { return m_rows.at(row).cardNames; }
    /// The top-level row of a reader, or an invalid index.
    QModelIndex indexOfReader(const QString& name) const;
    /// The card row under a reader, or an invalid index when it has no card.
    QModelIndex indexOfCard(const QString& readerName) const;

    /// A token read in reader `readerName` names the card (TokenCardName): used for a card
    /// whose ATR no list knows, until removeTokenCardName(`tokenKey`) or the card goes.
    void setTokenCardName(const QString& tokenKey, const QString& readerName, const QString& name,
                          const QString& source);
    void removeTokenCardName(const QString& tokenKey);

public Q_SLOTS:
    /// Make the rows match `readers`: new readers are appended, gone ones removed,
    /// the others updated in place; card rows come and go with the cards.
    void setReaders(const tokendesk::ReaderList& readers);

private:
    struct Row
    {
        ReaderInfo info;
        QStringList cardNames;
    };
    Row makeRow(const ReaderInfo& info) const;
    void updateRow(int row, const ReaderInfo& info);
    QVariant readerData(const Row& row, int column, int role) const;
    QVariant cardData(const Row& row, int column, int role) const;
    QString cardStateText(const ReaderInfo& info) const;

    struct TokenName
    {
        QString reader;
        QString name;
        QString source;
    };
    /// The name a token gave the card in a reader, for a card that is in no list.
    const TokenName* tokenName(const Row& row) const;
    void cardNameChanged(const QString& readerName);

    QList<Row> m_rows;
    QHash<QString, TokenName> m_tokenNames; ///< by token key
    const SmartcardList* m_smartcardList = nullptr;
};

} // namespace tokendesk
