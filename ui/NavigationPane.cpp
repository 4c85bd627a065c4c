#include "NavigationPane.h"

#include "models/NavigationFilterModel.h"
#include "models/NavigationModel.h"
#include "models/TokenTreeModel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace tokendesk {

NavigationPane::NavigationPane(NavigationModel* model, TokenTreeModel* tokens, QWidget* parent)
    : QWidget(parent), m_model(model)
{
    m_filter = new NavigationFilterModel(this);
    m_filter->setSourceModel(model);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search: subject, issuer, serial, fingerprint, URI"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_search->setAccessibleDescription(tr("Filters the readers, tokens, identities and pairings below by subject, "
                                          "issuer, serial number, fingerprint or URI"));

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("navigation"));
    m_view->setAccessibleName(tr("Readers, tokens, identities and pairings"));
    m_view->setAccessibleDescription(tr("Select an item to see its details on the right; its actions are in the "
                                        "menus and in the context menu"));
    m_view->setModel(m_filter);
    m_view->setAllColumnsShowFocus(true);
    m_view->setUniformRowHeights(true);
    m_view->setIndentation(14); // five levels (root, module, token, group, object) in a narrow pane
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(NavigationModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(NavigationModel::DetailColumn, QHeaderView::ResizeToContents);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (auto root : {NavigationModel::ReadersRoot, NavigationModel::TokensRoot, NavigationModel::IdentitiesRoot}) {
        m_view->expand(m_filter->mapFromSource(model->rootIndex(root)));
    }
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setQuery(text);
        if (!text.trimmed().isEmpty()) {
            m_view->expandAll();
        }
    });
    connect(tokens, &QAbstractItemModel::rowsInserted, this,
            [this, tokens](const QModelIndex& under, int first, int last) {
                // Modules and tokens open; the groups under a token stay closed until asked.
                const int depth = under.isValid() ? (under.parent().isValid() ? 2 : 1) : 0;
                for (int row = first; depth < 2 && row <= last; ++row) {
                    m_view->expand(navigationIndex(tokens->index(row, 0, under)));
                }
                if (depth == 1) {
                    m_view->expand(navigationIndex(under));
                }
            });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
}

QModelIndex NavigationPane::navigationIndex(const QModelIndex& sourceIndex) const
{
    return m_filter->mapFromSource(m_model->mapFromSource(sourceIndex));
}

QModelIndex NavigationPane::sourceIndex(const QModelIndex& navigationIndex) const
{
    return m_model->mapToSource(m_filter->mapToSource(navigationIndex));
}

} // namespace tokendesk
