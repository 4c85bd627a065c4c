#include "IdentitiesModel.h"

#include "CertificateRow.h"
#include "RowSupport.h"

#include <QHash>

namespace tokendesk {

IdentitiesModel::IdentitiesModel(QObject* parent) : QAbstractItemModel(parent) {}

QDateTime IdentitiesModel::now() const
{
    return RowSupport::now(m_now);
}

QModelIndex IdentitiesModel::index(int row, int column, const QModelIndex& parent) const
{
    return hasIndex(row, column, parent) ? createIndex(row, column) : QModelIndex();
}

QModelIndex IdentitiesModel::parent(const QModelIndex&) const
{
    return {};
}

int IdentitiesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IdentitiesModel::columnCount(const QModelIndex&) const
{
    return TokenTreeModel::ColumnCount;
}

QVariant IdentitiesModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(!index.isValid() || checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (!index.isValid() || index.model() != this) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    if (role == TokenTreeModel::SearchTextRole) {
        return row.searchText;
    }
    return CertificateRow::data(row.entry, row.token, index.column(), role, now());
}

QVariant IdentitiesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == TokenTreeModel::NameColumn     ? tr("Identity")
           : section == TokenTreeModel::StatusColumn ? tr("Status")
                                                     : QVariant();
}

QModelIndex IdentitiesModel::indexOfCertificate(const QString& tokenKey, const QByteArray& sha256) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).tokenKey == tokenKey && m_rows.at(row).entry.sha256() == sha256) {
            return index(row, 0);
        }
    }
    return {};
}

void IdentitiesModel::setToken(const TokenContents& token)
{
    const QString tokenKey = token.key();
    QList<Row> incoming;
    RowKeys keys;
    for (const CertificateEntry& entry : token.certificates) {
        if (entry.keyState == CertificateEntry::KeyState::None) {
            continue;
        }
        incoming.append({tokenKey, token.token, entry, keys.unique(CertificateRow::key(entry)),
                         CertificateRow::searchText(entry, token.token)});
    }
    QHash<QString, int> incomingKeys;
    for (int i = 0; i < incoming.size(); ++i) {
        incomingKeys.insert(incoming.at(i).key, i);
    }
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows.at(row).tokenKey == tokenKey && !incomingKeys.contains(m_rows.at(row).key)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    QHash<QString, int> present;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).tokenKey == tokenKey) {
            present.insert(m_rows.at(row).key, row);
        }
    }
    for (const Row& row : std::as_const(incoming)) {
        const auto found = present.constFind(row.key);
        if (found == present.cend()) {
            const int at = static_cast<int>(m_rows.size());
            beginInsertRows({}, at, at);
            m_rows.append(row);
            endInsertRows();
            continue;
        }
        Row& old = m_rows[*found];
        if (old.entry != row.entry || old.token != row.token) {
            old = row;
            Q_EMIT dataChanged(index(*found, 0), index(*found, TokenTreeModel::ColumnCount - 1));
        }
    }
}

void IdentitiesModel::removeToken(const QString& key)
{
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows.at(row).tokenKey == key) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
}

} // namespace tokendesk
