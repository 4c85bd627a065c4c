#pragma once

#include "TokenTreeModel.h"

#include <QAbstractListModel>

namespace tokendesk {

/// Every identity (a certificate with its private key, or "key expected") of every
/// token, as one flat list: the navigation's Identities root. Fed with the same
/// snapshots as TokenTreeModel; rows read and filter the same (its roles and columns).
class IdentitiesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    explicit IdentitiesModel(QObject* parent = nullptr);

    void setReferenceTime(const QDateTime& now) { m_now = now; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QModelIndex indexOfCertificate(const QString& tokenKey, const QByteArray& sha256) const;

public Q_SLOTS:
    void setToken(const tokendesk::TokenContents& token);
    void removeToken(const QString& key);

private:
    struct Row
    {
        QString tokenKey;
        TokenInfo token;
        CertificateEntry entry;
        QString key; ///< URI + SHA-256 within the token
        QString searchText;
    };
    QDateTime now() const;

    QList<Row> m_rows;
    QDateTime m_now;
};

} // namespace tokendesk
