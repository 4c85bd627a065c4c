#include "TokenTreeModel.h"

#include "CertificateRow.h"
#include "ErrorText.h"
#include "PinText.h"
#include "RowSupport.h"
#include "StatusPalette.h"
#include "TokenText.h"
#include "TokenTreeNode.h"

#include <QFileInfo>
#include <QStringBuilder>

namespace tokendesk {

namespace {

QString groupName(TokenTreeModel::Group group, int count)
{
    switch (group) {
    case TokenTreeModel::Group::Identities:
        return TokenTreeModel::tr("Identities (%1)").arg(count);
    case TokenTreeModel::Group::Certificates:
        return TokenTreeModel::tr("Certificates (%1)").arg(count);
    case TokenTreeModel::Group::PublicKeys:
        return TokenTreeModel::tr("Public keys (%1)").arg(count);
    case TokenTreeModel::Group::PrivateKeys:
        return TokenTreeModel::tr("Private keys (%1)").arg(count);
    case TokenTreeModel::Group::SecretKeys:
        return TokenTreeModel::tr("Secret keys (%1)").arg(count);
    case TokenTreeModel::Group::DataObjects:
        return TokenTreeModel::tr("Data objects (%1)").arg(count);
    case TokenTreeModel::Group::Count:
        break;
    }
    return {};
}

QString moduleDisplayName(const ModuleInfo& module)
{
    if (!module.name.isEmpty()) {
        return module.name;
    }
    return QFileInfo(module.path).completeBaseName();
}

} // namespace

TokenTreeModel::TokenTreeModel(QObject* parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}

TokenTreeModel::~TokenTreeModel() = default;

void TokenTreeModel::setReferenceTime(const QDateTime& now)
{
    m_now = now;
}

QDateTime TokenTreeModel::referenceTime() const
{
    return m_now;
}

QDateTime TokenTreeModel::now() const
{
    return RowSupport::now(m_now);
}

TokenTreeModel::Node* TokenTreeModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex TokenTreeModel::indexFor(const Node* node, int column) const
{
    if (!node || node == m_root.get()) {
        return {};
    }
    return createIndex(node->row, column, const_cast<Node*>(node));
}

QModelIndex TokenTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    return createIndex(row, column, nodeFor(parent)->children.at(static_cast<size_t>(row)).get());
}

QModelIndex TokenTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid()) {
        return {};
    }
    return indexFor(static_cast<Node*>(child.internalPointer())->parent);
}

int TokenTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != NameColumn) {
        return 0;
    }
    return static_cast<int>(nodeFor(parent)->children.size());
}

int TokenTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant TokenTreeModel::data(const QModelIndex& index, int role) const
{
    // Not checkIndex(): it walks parent() and rowCount(), and the search filter calls this for every row.
    Q_ASSERT(!index.isValid() || checkIndex(index, CheckIndexOption::IndexIsValid));
    if (!index.isValid() || index.model() != this) {
        return {};
    }
    const Node& node = *static_cast<Node*>(index.internalPointer());
    if (role == KindRole) {
        return static_cast<int>(node.kind);
    }
    switch (node.kind) {
    case Kind::Module:
        return moduleData(node, index.column(), role);
    case Kind::Token:
        return tokenData(node, index.column(), role);
    case Kind::Group:
        return groupData(node, index.column(), role);
    case Kind::Certificate:
        if (role == SearchTextRole) {
            return node.searchText;
        }
        return certificateData(node.certificate, node.tokenInfo(), index.column(), role, now());
    case Kind::Key:
    case Kind::Data:
        return objectData(node, index.column(), role);
    }
    return {};
}

QVariant TokenTreeModel::moduleData(const Node& node, int column, int role) const
{
    const ModuleInfo& module = node.module;
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn) {
            return moduleDisplayName(module);
        }
        if (module.error) {
            return ErrorText::pkcs11(*module.error);
        }
        return (node.children.size() == 1 ? tr("1 token")
                                          : tr("%n tokens", nullptr, static_cast<int>(node.children.size())));
    case Qt::ToolTipRole: {
        QString tip = module.path;
        if (!module.description.isEmpty()) {
            tip +=
                QLatin1Char('\n') % module.description % QStringLiteral(" (") % module.manufacturer % QLatin1Char(')');
        }
        if (module.error) {
            tip += QLatin1Char('\n') % ErrorText::pkcs11(*module.error);
        }
        return tip;
    }
    case Qt::DecorationRole:
        return column == NameColumn ? RowSupport::themeIcon(module.error ? "dialog-error" : "application-x-sharedlib")
                                    : QIcon();
    case Qt::ForegroundRole:
        return column == StatusColumn && module.error ? QVariant(StatusPalette::bad()) : QVariant();
    case ModulePathRole:
        return module.path;
    case ObjectUriRole:
        return module.uri;
    case SearchTextRole:
        return node.searchText;
    case ModuleInfoRole:
        return QVariant::fromValue(module);
    default:
        return {};
    }
}

QVariant TokenTreeModel::tokenData(const Node& node, int column, int role) const
{
    const TokenInfo& token = node.token.token;
    const PinSummary pin = PinText::summary(token);
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn) {
            return TokenText::tokenLabel(token);
        }
        if (node.token.error) {
            return ErrorText::pkcs11(*node.token.error);
        }
        return PinText::summaryText(pin);
    case Qt::ToolTipRole: {
        QString tip = tr("%1 %2, serial %3").arg(token.manufacturer, token.model, token.serial);
        if (pin != PinSummary::Ok) {
            tip += QLatin1Char('\n') % PinText::summaryText(pin);
        }
        if (node.token.error) {
            tip += QLatin1Char('\n') % ErrorText::pkcs11(*node.token.error);
        }
        return QString(tip % QLatin1Char('\n') % token.uri);
    }
    case Qt::DecorationRole:
        if (column != NameColumn) {
            return {};
        }
        return RowSupport::themeIcon(token.slot.removable ? "media-flash" : "drive-removable-media");
    case Qt::ForegroundRole:
        if (column != StatusColumn) {
            return {};
        }
        if (node.token.error) {
            return StatusPalette::bad();
        }
        return pin == PinSummary::Ok ? QVariant() : QVariant(StatusPalette::pinSummary(pin));
    case TokenKeyRole:
        return token.key();
    case ModulePathRole:
        return token.modulePath;
    case ObjectUriRole:
        return token.uri;
    case SearchTextRole:
        return node.searchText;
    case PinStateRole:
        return static_cast<int>(pin);
    case TokenContentsRole:
        return QVariant::fromValue(node.token);
    default:
        return {};
    }
}

QVariant TokenTreeModel::groupData(const Node& node, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return column == NameColumn ? groupName(node.group, static_cast<int>(node.children.size())) : QString();
    case Qt::DecorationRole:
        return column == NameColumn ? RowSupport::themeIcon("folder") : QIcon();
    case TokenKeyRole:
        return node.parent->token.key();
    case ModulePathRole:
        return node.parent->token.token.modulePath;
    case GroupRole:
        return static_cast<int>(node.group);
    case SearchTextRole:
        return QString();
    default:
        return {};
    }
}

QVariant TokenTreeModel::objectData(const Node& node, int column, int role) const
{
    const ObjectInfo& object = node.object;
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn) {
            return TokenText::objectLabel(object);
        }
        return node.kind == Kind::Key ? TokenText::keyType(object) : object.application;
    case Qt::ToolTipRole:
        return object.uri;
    case Qt::DecorationRole:
        if (column != NameColumn) {
            return {};
        }
        return RowSupport::themeIcon(node.kind == Kind::Key ? "dialog-password" : "text-x-generic");
    case TokenKeyRole:
        return node.tokenInfo().key();
    case ModulePathRole:
        return object.modulePath;
    case ObjectUriRole:
        return object.uri;
    case SearchTextRole:
        return node.searchText;
    case ObjectInfoRole:
        return QVariant::fromValue(object);
    default:
        return {};
    }
}

QString TokenTreeModel::certificateSearchText(const CertificateEntry& entry, const TokenInfo& token)
{
    return CertificateRow::searchText(entry, token);
}

QVariant TokenTreeModel::certificateData(const CertificateEntry& entry, const TokenInfo& token, int column, int role,
                                         const QDateTime& now)
{
    return CertificateRow::data(entry, token, column, role, now);
}

QColor TokenTreeModel::validityColor(CertificateValidity validity)
{
    return StatusPalette::validity(validity);
}

QVariant TokenTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

QHash<int, QByteArray> TokenTreeModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(TokenKeyRole, "tokenKey");
    names.insert(ModulePathRole, "modulePath");
    names.insert(ObjectUriRole, "uri");
    names.insert(CertificateSha256Role, "sha256");
    names.insert(SearchTextRole, "searchText");
    names.insert(ExpiryStateRole, "expiryState");
    names.insert(DaysLeftRole, "daysLeft");
    names.insert(KeyStateRole, "keyState");
    names.insert(PinStateRole, "pinState");
    names.insert(GroupRole, "group");
    return names;
}

int TokenTreeModel::tokenCount() const
{
    int count = 0;
    for (const auto& module : m_root->children) {
        count += static_cast<int>(module->children.size());
    }
    return count;
}

TokenContentsList TokenTreeModel::tokens() const
{
    TokenContentsList result;
    for (const auto& module : m_root->children) {
        for (const auto& token : module->children) {
            result.append(token->token);
        }
    }
    return result;
}

TokenTreeModel::Node* TokenTreeModel::moduleNode(const QString& path) const
{
    for (const auto& module : m_root->children) {
        if (module->key == path) {
            return module.get();
        }
    }
    return nullptr;
}

QModelIndex TokenTreeModel::indexOfModule(const QString& path) const
{
    return indexFor(moduleNode(path));
}

QModelIndex TokenTreeModel::indexOfToken(const QString& key) const
{
    for (const auto& module : m_root->children) {
        for (const auto& token : module->children) {
            if (token->key == key) {
                return indexFor(token.get());
            }
        }
    }
    return {};
}

QModelIndex TokenTreeModel::indexOfObject(const QString& tokenKey, const QString& uri) const
{
    const QModelIndex token = indexOfToken(tokenKey);
    if (!token.isValid()) {
        return {};
    }
    for (const auto& group : nodeFor(token)->children) {
        for (const auto& item : group->children) {
            if ((item->kind == Kind::Certificate ? item->certificate.object.uri : item->object.uri) == uri) {
                return indexFor(item.get());
            }
        }
    }
    return {};
}

} // namespace tokendesk
