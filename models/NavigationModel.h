#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QPersistentModelIndex>
#include <array>
#include <functional>
#include <memory>
#include <vector>

namespace tokendesk {

/// The navigation tree: fixed roots (Readers, Tokens, Identities, Pairings,
/// Virtual tokens), each showing the whole tree of a source model under it, with
/// a count in its label. The source models' signals are forwarded row by row, so
/// views keep their selection and expansion. Two columns: the name, and one
/// detail column chosen per source (a reader's card state, a certificate's expiry).
class NavigationModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Root
    {
        ReadersRoot,
        TokensRoot,
        IdentitiesRoot,
        PairingsRoot,
        VirtualTokensRoot,
        RootCount
    };
    Q_ENUM(Root)
    enum Column
    {
        NameColumn,
        DetailColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    /// Far from the source models' roles, which pass through unchanged.
    enum Role
    {
        RootRole = Qt::UserRole + 200, ///< int, Root: the root a row is under (or is)
        IsRootRole,                    ///< bool
        CountRole,                     ///< roots: int, the count in the label
    };
    Q_ENUM(Role)

    explicit NavigationModel(QObject* parent = nullptr);
    ~NavigationModel() override;

    /// Shows `model` under `root`; `detailColumn` of the source is the second column.
    /// `count` gives the number in the root's label (default: the source's top-level rows).
    void setSource(Root root, QAbstractItemModel* model, int detailColumn, std::function<int()> count = {});
    QAbstractItemModel* source(Root root) const;

    QModelIndex rootIndex(Root root) const;
    /// The row of a source model's index (column 0 or the detail column); invalid for models not shown.
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const;
    /// The source index of a row; invalid for roots.
    QModelIndex mapToSource(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString rootName(Root root);

private:
    /// One parent in a source model: every index of ours points at the node of its source parent.
    struct Node
    {
        int root = 0;
        QPersistentModelIndex sourceParent; ///< invalid for a source's top level
        bool top = false;
        bool dead = false; ///< its source parent was removed; kept so stale pointers never dangle
    };
    struct Source
    {
        QAbstractItemModel* model = nullptr;
        int detailColumn = 0;
        std::function<int()> count;
        std::vector<QMetaObject::Connection> connections;
    };

    Node* nodeFor(int root, const QModelIndex& sourceParent) const;
    int rootOf(const QAbstractItemModel* model) const;
    QModelIndex navigationParent(int root, const QModelIndex& sourceParent) const;
    void connectSource(int root);
    void rootChanged(int root);
    void markRemoved(int root, const QModelIndex& sourceParent, int first, int last);

    std::array<Source, RootCount> m_sources;
    std::array<Node*, RootCount> m_topNodes{};
    mutable std::vector<std::unique_ptr<Node>> m_nodes;
    mutable QHash<QModelIndex, Node*> m_lookup; ///< cleared whenever a source's structure changes
    std::vector<Node*> m_dying;
    QList<QPersistentModelIndex> m_layoutSources;
    QModelIndexList m_layoutPersistent;
};

} // namespace tokendesk
