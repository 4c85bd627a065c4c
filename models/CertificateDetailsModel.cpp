#include "CertificateDetailsModel.h"

#include "CertificateText.h"

#include <QFontDatabase>
#include <QStringBuilder>

namespace tokendesk {

struct CertificateDetailsModel::Item
{
    QString field;
    QString value;
    bool monospace = false;
    Item* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Item>> children;

    Item* add(const QString& f, const QString& v = {}, bool mono = false)
    {
        auto item = std::make_unique<Item>();
        item->field = f;
        item->value = v;
        item->monospace = mono;
        item->parent = this;
        item->row = static_cast<int>(children.size());
        children.push_back(std::move(item));
        return children.back().get();
    }
};

namespace {

QString hexBytes(const QByteArray& bytes)
{
    return CertificateInfo::colonHex(bytes);
}

} // namespace

CertificateDetailsModel::CertificateDetailsModel(QObject* parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Item>())
{}

CertificateDetailsModel::~CertificateDetailsModel() = default;

void CertificateDetailsModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Item>();
    m_info = {};
    endResetModel();
}

void CertificateDetailsModel::setCertificate(const CertificateInfo& info)
{
    beginResetModel();
    m_info = info;
    m_root = std::make_unique<Item>();
    Item* cert = m_root->add(tr("Certificate"));
    cert->add(tr("Version"), QStringLiteral("%1 (0x%2)").arg(info.version).arg(info.version - 1, 0, 16));
    cert->add(tr("Serial Number"), info.serial, true);
    cert->add(tr("Signature Algorithm"), info.signatureAlgorithm);
    const auto addName = [](Item* parent, const QString& field, const QString& rfc4514,
                            const QList<NameEntry>& entries) {
        Item* name = parent->add(field, rfc4514);
        for (const NameEntry& entry : entries) {
            name->add(entry.shortName, entry.value);
        }
    };
    addName(cert, tr("Issuer"), info.issuer, info.issuerEntries);
    Item* validity =
        cert->add(tr("Validity"), CertificateText::validity(info.validityAt(QDateTime::currentDateTimeUtc())));
    validity->add(tr("Not Before"), CertificateText::dateTime(info.notBefore));
    validity->add(tr("Not After"), CertificateText::dateTime(info.notAfter));
    addName(cert, tr("Subject"), info.subject, info.subjectEntries);
    Item* key = cert->add(tr("Subject Public Key Info"), CertificateText::key(info.key));
    key->add(tr("Public Key Algorithm"), info.key.name.isEmpty() ? info.key.oid : info.key.name);
    if (info.key.bits > 0) {
        key->add(tr("Key size"), tr("%1 bits").arg(info.key.bits));
    }
    if (!info.key.curve.isEmpty()) {
        key->add(tr("Curve"), info.key.nistCurve.isEmpty()
                                  ? info.key.curve
                                  : info.key.nistCurve % QStringLiteral(" (") % info.key.curve % QLatin1Char(')'));
    }
    key->add(tr("Public key SHA-1"), hexBytes(info.publicKeySha1), true);
    key->add(tr("SubjectPublicKeyInfo SHA-256"), hexBytes(info.spkiSha256), true);
    if (!info.extensions.isEmpty()) {
        Item* extensions = cert->add(tr("X509v3 extensions"), QString::number(info.extensions.size()));
        for (const CertificateExtension& ext : info.extensions) {
            const QString field = ext.critical ? tr("%1 (critical)").arg(ext.shortName) : ext.shortName;
            const CertificateExtension::Text printed = ext.text();
            const QString text = printed.text.trimmed();
            Item* item =
                extensions->add(field, QString(text).replace(QLatin1Char('\n'), QStringLiteral("; ")), !printed.known);
            const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            if (lines.size() > 1) {
                for (const QString& line : lines) {
                    item->add(QString(), line.trimmed());
                }
            }
            if (ext.oid != ext.shortName) {
                item->add(tr("OID"), ext.oid);
            }
        }
    }
    cert->add(tr("Signature Algorithm"), info.signatureAlgorithm);
    Item* fingerprints = m_root->add(tr("Fingerprints"));
    fingerprints->add(QStringLiteral("SHA-1"), hexBytes(info.sha1), true);
    fingerprints->add(QStringLiteral("SHA-256"), hexBytes(info.sha256), true);
    endResetModel();
}

CertificateDetailsModel::Item* CertificateDetailsModel::itemFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Item*>(index.internalPointer()) : m_root.get();
}

QModelIndex CertificateDetailsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    return createIndex(row, column, itemFor(parent)->children.at(static_cast<size_t>(row)).get());
}

QModelIndex CertificateDetailsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid()) {
        return {};
    }
    const Item* parent = static_cast<Item*>(child.internalPointer())->parent;
    if (!parent || parent == m_root.get()) {
        return {};
    }
    return createIndex(parent->row, 0, const_cast<Item*>(parent));
}

int CertificateDetailsModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != FieldColumn) {
        return 0;
    }
    return static_cast<int>(itemFor(parent)->children.size());
}

int CertificateDetailsModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant CertificateDetailsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Item& item = *static_cast<Item*>(index.internalPointer());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == FieldColumn ? item.field : item.value;
    case Qt::ToolTipRole:
        return index.column() == ValueColumn && !item.value.isEmpty() ? QVariant(item.value) : QVariant();
    case Qt::FontRole:
        if (index.column() == ValueColumn && item.monospace) {
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        }
        return {};
    default:
        return {};
    }
}

QVariant CertificateDetailsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == FieldColumn ? tr("Field") : section == ValueColumn ? tr("Value") : QVariant();
}

QModelIndex CertificateDetailsModel::find(const QString& field) const
{
    return find(field, {});
}

QModelIndex CertificateDetailsModel::find(const QString& field, const QModelIndex& parent) const
{
    for (int row = 0; row < rowCount(parent); ++row) {
        const QModelIndex i = index(row, FieldColumn, parent);
        if (i.data().toString() == field) {
            return i;
        }
        const QModelIndex below = find(field, i);
        if (below.isValid()) {
            return below;
        }
    }
    return {};
}

} // namespace tokendesk
