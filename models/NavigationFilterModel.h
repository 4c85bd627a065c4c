#pragma once

#include <QSortFilterProxyModel>

namespace tokendesk {

/// The search field's filter over the navigation: a row stays when its search
/// text (TokenTreeModel::SearchTextRole; else its name and detail) contains the
/// query, case-insensitively; rows above a match stay too, and the fixed roots
/// always do.
class NavigationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit NavigationFilterModel(QObject* parent = nullptr);

    QString query() const { return m_query; }

public Q_SLOTS:
    void setQuery(const QString& query);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_query; ///< lower-case, trimmed
};

} // namespace tokendesk
