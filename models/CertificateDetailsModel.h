#pragma once

#include "backend/x509/CertificateInfo.h"

#include <QAbstractItemModel>
#include <memory>
#include <vector>

namespace tokendesk {

/// A certificate as a tree of fields, in the order `openssl x509 -text` prints
/// them: version, serial, signature algorithm, issuer, validity, subject, public
/// key, every extension; then the fingerprints and the public-key hash.
class CertificateDetailsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        FieldColumn,
        ValueColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit CertificateDetailsModel(QObject* parent = nullptr);
    ~CertificateDetailsModel() override;

    void setCertificate(const CertificateInfo& info);
    void clear();
    const CertificateInfo& certificate() const { return m_info; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The first row whose field is `field`, searching the whole tree (for tests and links).
    QModelIndex find(const QString& field) const;

private:
    struct Item;
    Item* itemFor(const QModelIndex& index) const;
    QModelIndex find(const QString& field, const QModelIndex& parent) const;

    std::unique_ptr<Item> m_root;
    CertificateInfo m_info;
};

} // namespace tokendesk
