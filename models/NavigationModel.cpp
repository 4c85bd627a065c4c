#include "NavigationModel.h"

#include <QFont>
#include <QStringBuilder>

namespace tokendesk {

NavigationModel::NavigationModel(QObject* parent) : QAbstractItemModel(parent)
{
    for (int root = 0; root < RootCount; ++root) {
        auto node = std::make_unique<Node>();
        node->root = root;
        node->top = true;
        m_topNodes[static_cast<size_t>(root)] = node.get();
        m_nodes.push_back(std::move(node));
    }
}

NavigationModel::~NavigationModel()
{
    for (Source& source : m_sources) {
        for (const auto& c : source.connections) {
            disconnect(c);
        }
    }
}

QString NavigationModel::rootName(Root root)
{
    switch (root) {
    case ReadersRoot:
        return tr("Readers");
    case TokensRoot:
        return tr("Tokens");
    case IdentitiesRoot:
        return tr("Identities");
    case PairingsRoot:
        return tr("Pairings");
    case VirtualTokensRoot:
        return tr("Virtual tokens");
    case RootCount:
        break;
    }
    return {};
}

void NavigationModel::setSource(Root root, QAbstractItemModel* model, int detailColumn, std::function<int()> count)
{
    Source& source = m_sources[static_cast<size_t>(root)];
    beginResetModel();
    for (const auto& c : source.connections) {
        disconnect(c);
    }
    source.connections.clear();
    for (const auto& node : m_nodes) {
        if (node->root == root && !node->top) {
            node->dead = true;
        }
    }
    m_lookup.clear();
    source.model = model;
    source.detailColumn = detailColumn;
    source.count = std::move(count);
    if (model) {
        connectSource(root);
    }
    endResetModel();
}

QAbstractItemModel* NavigationModel::source(Root root) const
{
    return m_sources[static_cast<size_t>(root)].model;
}

void NavigationModel::connectSource(int root)
{
    Source& source = m_sources[static_cast<size_t>(root)];
    QAbstractItemModel* model = source.model;
    auto& c = source.connections;
    c.push_back(connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                        [this, root](const QModelIndex& parent, int first, int last) {
                            beginInsertRows(navigationParent(root, parent), first, last);
                        }));
    c.push_back(connect(model, &QAbstractItemModel::rowsInserted, this, [this, root] {
        endInsertRows();
        m_lookup.clear();
        rootChanged(root);
    }));
    c.push_back(connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                        [this, root](const QModelIndex& parent, int first, int last) {
                            markRemoved(root, parent, first, last);
                            beginRemoveRows(navigationParent(root, parent), first, last);
                        }));
    c.push_back(connect(model, &QAbstractItemModel::rowsRemoved, this, [this, root] {
        endRemoveRows();
        for (Node* node : m_dying) {
            node->dead = true;
        }
        m_dying.clear();
        m_lookup.clear();
        rootChanged(root);
    }));
    c.push_back(connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this,
                        [this, root](const QModelIndex& from, int first, int last, const QModelIndex& to, int row) {
                            beginMoveRows(navigationParent(root, from), first, last, navigationParent(root, to), row);
                        }));
    c.push_back(connect(model, &QAbstractItemModel::rowsMoved, this, [this] {
        endMoveRows();
        m_lookup.clear();
    }));
    c.push_back(connect(model, &QAbstractItemModel::dataChanged, this,
                        [this](const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles) {
                            const QModelIndex first = mapFromSource(topLeft.siblingAtColumn(0));
                            const QModelIndex last = mapFromSource(bottomRight.siblingAtColumn(0));
                            if (first.isValid() && last.isValid()) {
                                Q_EMIT dataChanged(first, last.siblingAtColumn(ColumnCount - 1), roles);
                            }
                        }));
    c.push_back(connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, [this, root] {
        Q_EMIT layoutAboutToBeChanged();
        m_layoutPersistent = persistentIndexList();
        m_layoutSources.clear();
        for (const QModelIndex& index : std::as_const(m_layoutPersistent)) {
            m_layoutSources.append(index.data(RootRole).toInt() == root ? QPersistentModelIndex(mapToSource(index))
                                                                        : QPersistentModelIndex());
        }
    }));
    c.push_back(connect(model, &QAbstractItemModel::layoutChanged, this, [this, root] {
        m_lookup.clear();
        QModelIndexList to;
        QModelIndexList from;
        for (int i = 0; i < m_layoutPersistent.size(); ++i) {
            const QModelIndex& old = m_layoutPersistent.at(i);
            if (old.data(RootRole).toInt() != root || !old.parent().isValid()) {
                continue; // other roots, and the roots themselves, stay where they are
            }
            from.append(old);
            to.append(mapFromSource(m_layoutSources.at(i)));
        }
        changePersistentIndexList(from, to);
        m_layoutPersistent.clear();
        m_layoutSources.clear();
        Q_EMIT layoutChanged();
    }));
    c.push_back(connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); }));
    c.push_back(connect(model, &QAbstractItemModel::modelReset, this, [this, root] {
        for (const auto& node : m_nodes) {
            if (node->root == root && !node->top) {
                node->dead = true;
            }
        }
        m_lookup.clear();
        endResetModel();
    }));
}

void NavigationModel::markRemoved(int root, const QModelIndex& sourceParent, int first, int last)
{
    // Nodes whose source parent is in the removed rows, or below them, die with them.
    for (const auto& node : m_nodes) {
        if (node->root != root || node->top || node->dead) {
            continue;
        }
        for (QModelIndex i = node->sourceParent; i.isValid(); i = i.parent()) {
            if (i.parent() == sourceParent && i.row() >= first && i.row() <= last) {
                m_dying.push_back(node.get());
                break;
            }
        }
    }
}

void NavigationModel::rootChanged(int root)
{
    const QModelIndex index = rootIndex(static_cast<Root>(root));
    Q_EMIT dataChanged(index, index.siblingAtColumn(ColumnCount - 1));
}

int NavigationModel::rootOf(const QAbstractItemModel* model) const
{
    for (int root = 0; root < RootCount; ++root) {
        if (model && m_sources[static_cast<size_t>(root)].model == model) {
            return root;
        }
    }
    return -1;
}

NavigationModel::Node* NavigationModel::nodeFor(int root, const QModelIndex& sourceParent) const
{
    if (!sourceParent.isValid()) {
        return m_topNodes[static_cast<size_t>(root)];
    }
    const QModelIndex key = sourceParent.siblingAtColumn(0);
    if (Node* found = m_lookup.value(key)) {
        return found;
    }
    for (const auto& node : m_nodes) {
        if (!node->dead && !node->top && node->root == root && node->sourceParent == key) {
            m_lookup.insert(key, node.get());
            return node.get();
        }
    }
    auto node = std::make_unique<Node>();
    node->root = root;
    node->sourceParent = key;
    Node* raw = node.get();
    m_nodes.push_back(std::move(node));
    m_lookup.insert(key, raw);
    return raw;
}

QModelIndex NavigationModel::rootIndex(Root root) const
{
    return createIndex(root, NameColumn, nullptr);
}

QModelIndex NavigationModel::navigationParent(int root, const QModelIndex& sourceParent) const
{
    return sourceParent.isValid() ? mapFromSource(sourceParent) : rootIndex(static_cast<Root>(root));
}

QModelIndex NavigationModel::mapFromSource(const QModelIndex& sourceIndex) const
{
    const int root = rootOf(sourceIndex.model());
    if (root < 0 || !sourceIndex.isValid()) {
        return {};
    }
    const int column =
        sourceIndex.column() == m_sources[static_cast<size_t>(root)].detailColumn && sourceIndex.column() != 0
            ? DetailColumn
            : NameColumn;
    return createIndex(sourceIndex.row(), column, nodeFor(root, sourceIndex.parent()));
}

QModelIndex NavigationModel::mapToSource(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || !index.internalPointer()) {
        return {};
    }
    const Node* node = static_cast<Node*>(index.internalPointer());
    const Source& source = m_sources[static_cast<size_t>(node->root)];
    if (node->dead || !source.model || (!node->top && !node->sourceParent.isValid())) {
        return {};
    }
    const int column = index.column() == NameColumn ? 0 : source.detailColumn;
    return source.model->index(index.row(), column, node->sourceParent);
}

QModelIndex NavigationModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    if (!parent.isValid()) {
        return createIndex(row, column, nullptr);
    }
    if (!parent.internalPointer()) {
        return createIndex(row, column, m_topNodes[static_cast<size_t>(parent.row())]);
    }
    const Node* parentNode = static_cast<Node*>(parent.internalPointer());
    return createIndex(row, column, nodeFor(parentNode->root, mapToSource(parent)));
}

QModelIndex NavigationModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || !child.internalPointer()) {
        return {};
    }
    const Node* node = static_cast<Node*>(child.internalPointer());
    if (node->top) {
        return rootIndex(static_cast<Root>(node->root));
    }
    if (node->dead || !node->sourceParent.isValid()) {
        return {};
    }
    return mapFromSource(node->sourceParent);
}

int NavigationModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid()) {
        return RootCount;
    }
    if (parent.column() != NameColumn) {
        return 0;
    }
    if (!parent.internalPointer()) {
        const QAbstractItemModel* model = m_sources[static_cast<size_t>(parent.row())].model;
        return model ? model->rowCount() : 0;
    }
    const QModelIndex source = mapToSource(parent);
    return source.isValid() ? source.model()->rowCount(source) : 0;
}

int NavigationModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant NavigationModel::data(const QModelIndex& index, int role) const
{
    // Not checkIndex(): it walks parent() and rowCount(), and the search filter calls this for every row.
    Q_ASSERT(!index.isValid() || checkIndex(index, CheckIndexOption::IndexIsValid));
    if (!index.isValid() || index.model() != this) {
        return {};
    }
    if (!index.internalPointer()) {
        const auto root = static_cast<Root>(index.row());
        const Source& source = m_sources[static_cast<size_t>(root)];
        const int count = source.count ? source.count() : (source.model ? source.model->rowCount() : 0);
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == NameColumn
                       ? QVariant(rootName(root) % QStringLiteral(" (") % QString::number(count) % QLatin1Char(')'))
                       : QVariant(QString());
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case RootRole:
            return static_cast<int>(root);
        case IsRootRole:
            return true;
        case CountRole:
            return count;
        default:
            return {};
        }
    }
    const Node* node = static_cast<Node*>(index.internalPointer());
    if (role == RootRole) {
        return node->root;
    }
    if (role == IsRootRole) {
        return false;
    }
    const QModelIndex source = mapToSource(index);
    return source.isValid() ? source.data(role) : QVariant();
}

Qt::ItemFlags NavigationModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    if (!index.internalPointer()) {
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    }
    const QModelIndex source = mapToSource(index);
    return source.isValid() ? source.flags() : Qt::NoItemFlags;
}

QVariant NavigationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == NameColumn ? tr("Name") : section == DetailColumn ? tr("State") : QVariant();
}

} // namespace tokendesk
