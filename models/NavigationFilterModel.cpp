#include "NavigationFilterModel.h"

#include "TokenTreeModel.h"

namespace tokendesk {

NavigationFilterModel::NavigationFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
}

void NavigationFilterModel::setQuery(const QString& query)
{
    const QString normalized = query.trimmed().toLower();
    if (normalized == m_query) {
        return;
    }
    m_query = normalized;
    invalidateFilter();
}

bool NavigationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!sourceParent.isValid() || m_query.isEmpty()) {
        return true; // the fixed roots
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QVariant text = index.data(TokenTreeModel::SearchTextRole);
    if (text.isValid()) {
        return text.toString().contains(m_query);
    }
    // Rows of models without search text (readers, cards): their name and detail.
    return index.data().toString().contains(m_query, Qt::CaseInsensitive) ||
           index.siblingAtColumn(1).data().toString().contains(m_query, Qt::CaseInsensitive);
}

} // namespace tokendesk
