#pragma once

#include <QWidget>

class QLineEdit;
class QTreeView;

namespace tokendesk {

class NavigationFilterModel;
class NavigationModel;
class TokenTreeModel;

/// The left of the window: the search field over the navigation tree (readers, tokens,
/// identities, ...). Searching shows every match; modules and tokens open as they come.
class NavigationPane : public QWidget
{
    Q_OBJECT

public:
    NavigationPane(NavigationModel* model, TokenTreeModel* tokens, QWidget* parent = nullptr);

    QTreeView* view() const { return m_view; }
    QLineEdit* search() const { return m_search; }
    NavigationFilterModel* filter() const { return m_filter; }
    /// The view's row for an index of a source model (ReaderModel, TokenTreeModel, IdentitiesModel).
    QModelIndex navigationIndex(const QModelIndex& sourceIndex) const;
    /// The source model's index of a view's row; invalid for the roots.
    QModelIndex sourceIndex(const QModelIndex& navigationIndex) const;

private:
    NavigationModel* m_model;
    NavigationFilterModel* m_filter = nullptr;
    QLineEdit* m_search = nullptr;
    QTreeView* m_view = nullptr;
};

} // namespace tokendesk
