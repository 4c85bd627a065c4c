#include "TokenTreeModel.h"

#include "CertificateText.h"
#include "ErrorText.h"
#include "TokenText.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QIcon>
#include <QStringBuilder>
#include <algorithm>

namespace tokendesk {

struct TokenTreeModel::Node
{
    Kind kind = Kind::Module;
    Node* parent = nullptr;
    int row = 0; ///< index in parent->children, kept current: parent() is called a lot
    std::vector<std::unique_ptr<Node>> children;
    QString key; ///< module path, token key, or the object's key within its group
    ModuleInfo module;
    bool moduleListed = false; ///< named by setModules (else only there for its tokens)
    TokenContents token;
    Group group = Group::Identities;
    CertificateEntry certificate;
    ObjectInfo object;
    QString searchText;

    const TokenInfo& tokenInfo() const
    {
        const Node* n = this;
        while (n && n->kind != Kind::Token) {
            n = n->parent;
        }
        static const TokenInfo none;
        return n ? n->token.token : none;
    }
};

namespace {

QIcon themeIcon(const char* name)
{
    // Icons need a GUI application; model tests run without one.
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        return {};
    }
    return QIcon::fromTheme(QLatin1String(name));
}

QString lower(const QStringList& words)
{
    return words.join(QLatin1Char('\n')).toLower();
}

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
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
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
        return column == NameColumn ? themeIcon(module.error ? "dialog-error" : "application-x-sharedlib") : QIcon();
    case Qt::ForegroundRole:
        return column == StatusColumn && module.error ? QVariant(QColor(0xc6, 0x28, 0x28)) : QVariant();
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
    const PinSummary pin = TokenText::pinSummary(token);
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn) {
            return TokenText::tokenLabel(token);
        }
        if (node.token.error) {
            return ErrorText::pkcs11(*node.token.error);
        }
        return TokenText::pinSummaryText(pin);
    case Qt::ToolTipRole: {
        QString tip = tr("%1 %2, serial %3").arg(token.manufacturer, token.model, token.serial);
        if (pin != PinSummary::Ok) {
            tip += QLatin1Char('\n') % TokenText::pinSummaryText(pin);
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
        return themeIcon(token.slot.removable ? "media-flash" : "drive-removable-media");
    case Qt::ForegroundRole:
        if (column == StatusColumn && (node.token.error || pin == PinSummary::Locked || pin == PinSummary::FinalTry ||
                                       pin == PinSummary::SoLocked)) {
            return QColor(0xc6, 0x28, 0x28);
        }
        if (column == StatusColumn && pin != PinSummary::Ok) {
            return QColor(0xb2, 0x6a, 0x00);
        }
        return {};
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
        return column == NameColumn ? themeIcon("folder") : QIcon();
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
        return themeIcon(node.kind == Kind::Key ? "dialog-password" : "text-x-generic");
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
    QStringList words{entry.object.label, entry.object.uri, token.label};
    if (entry.info) {
        const CertificateInfo& info = *entry.info;
        words << info.subject << info.issuer << info.serial << QString::fromLatin1(info.sha1.toHex())
              << QString::fromLatin1(info.sha256.toHex()) << CertificateInfo::colonHex(info.sha1)
              << CertificateInfo::colonHex(info.sha256);
    } else {
        words << QString::fromLatin1(entry.sha256().toHex());
    }
    return lower(words);
}

QVariant TokenTreeModel::certificateData(const CertificateEntry& entry, const TokenInfo& token, int column, int role,
                                         const QDateTime& now)
{
    const CertificateInfo* info = entry.info ? &*entry.info : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn) {
            QString name = info ? (info->friendlyName.isEmpty() ? info->subject : info->friendlyName)
                                : TokenText::objectLabel(entry.object);
            if (entry.keyState == CertificateEntry::KeyState::Expected) {
                name += QStringLiteral(" ") % tr("(key expected)");
            }
            return name;
        }
        if (!info) {
            return entry.parseError ? CertificateText::error(*entry.parseError) : tr("Unreadable certificate");
        }
        return CertificateText::validityShort(*info, now);
    case Qt::ToolTipRole: {
        if (!info) {
            return entry.parseError ? CertificateText::error(*entry.parseError) : entry.object.uri;
        }
        return tr("Subject: %1\nIssuer: %2\n%3\n%4\nToken: %5")
            .arg(info->subject, info->issuer, CertificateText::validityDetails(*info, now),
                 TokenText::keyState(entry.keyState), TokenText::tokenLabel(token));
    }
    case Qt::DecorationRole:
        if (column == NameColumn) {
            return themeIcon(entry.keyState == CertificateEntry::KeyState::None ? "application-certificate"
                                                                                : "dialog-password");
        }
        return info ? QVariant(validityColor(info->validityAt(now))) : QVariant();
    case Qt::ForegroundRole:
        if (column == StatusColumn && info) {
            const CertificateValidity validity = info->validityAt(now);
            return validity == CertificateValidity::Valid ? QVariant() : validityColor(validity);
        }
        if (column == StatusColumn) {
            return QColor(0xc6, 0x28, 0x28);
        }
        return {};
    case KindRole:
        return static_cast<int>(Kind::Certificate);
    case TokenKeyRole:
        return token.key();
    case ModulePathRole:
        return token.modulePath;
    case ObjectUriRole:
        return entry.object.uri;
    case CertificateSha256Role:
        return entry.sha256();
    case SearchTextRole:
        return certificateSearchText(entry, token);
    case ExpiryStateRole:
        return info ? QVariant(static_cast<int>(info->validityAt(now))) : QVariant();
    case DaysLeftRole:
        return info ? QVariant(info->daysLeft(now)) : QVariant();
    case KeyStateRole:
        return static_cast<int>(entry.keyState);
    case CertificateEntryRole:
        return QVariant::fromValue(entry);
    default:
        return {};
    }
}

QColor TokenTreeModel::validityColor(CertificateValidity validity)
{
    switch (validity) {
    case CertificateValidity::Valid:
        return QColor(0x2e, 0x7d, 0x32);
    case CertificateValidity::ExpiresSoon:
        return QColor(0xb2, 0x6a, 0x00);
    case CertificateValidity::Expired:
        return QColor(0xc6, 0x28, 0x28);
    case CertificateValidity::NotYetValid:
        return QColor(0x61, 0x61, 0x61);
    }
    return {};
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

void TokenTreeModel::insertChild(Node* parent, int row, std::unique_ptr<Node> child)
{
    beginInsertRows(indexFor(parent), row, row);
    child->parent = parent;
    parent->children.insert(parent->children.begin() + row, std::move(child));
    for (size_t i = static_cast<size_t>(row); i < parent->children.size(); ++i) {
        parent->children[i]->row = static_cast<int>(i);
    }
    endInsertRows();
}

void TokenTreeModel::removeChild(Node* parent, int row)
{
    beginRemoveRows(indexFor(parent), row, row);
    parent->children.erase(parent->children.begin() + row);
    for (size_t i = static_cast<size_t>(row); i < parent->children.size(); ++i) {
        parent->children[i]->row = static_cast<int>(i);
    }
    endRemoveRows();
}

void TokenTreeModel::changed(const Node* node)
{
    const QModelIndex first = indexFor(node, NameColumn);
    Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
}

void TokenTreeModel::setModules(const ModuleList& modules)
{
    m_modules = modules;
    // Modules no longer listed go when they have no token left.
    for (int row = static_cast<int>(m_root->children.size()) - 1; row >= 0; --row) {
        Node* node = m_root->children[static_cast<size_t>(row)].get();
        const bool listed = std::any_of(modules.cbegin(), modules.cend(),
                                        [node](const ModuleInfo& m) { return m.path == node->key && !m.system; });
        node->moduleListed = listed;
        if (!listed && node->children.empty()) {
            removeChild(m_root.get(), row);
        }
    }
    for (const ModuleInfo& module : modules) {
        if (module.system) {
            continue;
        }
        if (Node* existing = moduleNode(module.path)) {
            if (existing->module != module) {
                existing->module = module;
                existing->searchText = lower({module.name, module.path, module.description});
                changed(existing);
            }
            continue;
        }
        auto node = std::make_unique<Node>();
        node->kind = Kind::Module;
        node->key = module.path;
        node->module = module;
        node->moduleListed = true;
        node->searchText = lower({module.name, module.path, module.description});
        insertChild(m_root.get(), static_cast<int>(m_root->children.size()), std::move(node));
    }
}

TokenTreeModel::Node* TokenTreeModel::ensureModule(const TokenContents& token)
{
    if (Node* existing = moduleNode(token.token.modulePath)) {
        return existing;
    }
    auto node = std::make_unique<Node>();
    node->kind = Kind::Module;
    node->key = token.token.modulePath;
    node->module.path = token.token.modulePath;
    node->module.name = token.token.moduleName;
    for (const ModuleInfo& module : std::as_const(m_modules)) {
        if (module.path == node->key) {
            node->module = module;
        }
    }
    node->searchText = lower({node->module.name, node->module.path});
    Node* raw = node.get();
    insertChild(m_root.get(), static_cast<int>(m_root->children.size()), std::move(node));
    return raw;
}

void TokenTreeModel::setToken(const TokenContents& token)
{
    const QModelIndex existing = indexOfToken(token.key());
    if (existing.isValid()) {
        mergeToken(nodeFor(existing), token);
        return;
    }
    Node* module = ensureModule(token);
    auto node = std::make_unique<Node>();
    node->kind = Kind::Token;
    node->key = token.key();
    Node* raw = node.get();
    insertChild(module, static_cast<int>(module->children.size()), std::move(node));
    mergeToken(raw, token);
    changed(module); // its token count
    Q_EMIT tokenCountChanged(tokenCount());
}

void TokenTreeModel::removeToken(const QString& key)
{
    const QModelIndex token = indexOfToken(key);
    if (!token.isValid()) {
        return;
    }
    Node* module = nodeFor(token)->parent;
    removeChild(module, token.row());
    if (module->children.empty() && !module->moduleListed) {
        removeChild(m_root.get(), module->row);
    } else {
        changed(module);
    }
    Q_EMIT tokenCountChanged(tokenCount());
}

void TokenTreeModel::mergeToken(Node* tokenNode, const TokenContents& token)
{
    const bool infoChanged = tokenNode->token.token != token.token || tokenNode->token.error != token.error;
    tokenNode->token = token;
    const TokenInfo& info = token.token;
    tokenNode->searchText = lower({info.label, info.serial, info.manufacturer, info.model, info.uri});
    if (infoChanged) {
        changed(tokenNode);
    }

    std::vector<std::vector<std::unique_ptr<Node>>> groups(static_cast<size_t>(Group::Count));
    QHash<QString, int> seen; // objects with the same URI (same label and ID) still get a row each
    auto keyFor = [&seen](const QString& base) {
        const int n = seen[base]++;
        return n == 0 ? base : base % QLatin1Char('#') % QString::number(n);
    };
    for (const CertificateEntry& entry : token.certificates) {
        auto node = std::make_unique<Node>();
        node->kind = Kind::Certificate;
        node->certificate = entry;
        node->key = keyFor(entry.object.uri % QLatin1Char('\n') % QString::fromLatin1(entry.sha256().toHex()));
        node->searchText = certificateSearchText(entry, info);
        const Group group =
            entry.keyState == CertificateEntry::KeyState::None ? Group::Certificates : Group::Identities;
        groups[static_cast<size_t>(group)].push_back(std::move(node));
    }
    for (const ObjectInfo& object : token.objects) {
        Group group;
        switch (object.objectClass) {
        case ObjectInfo::Class::PublicKey:
            group = Group::PublicKeys;
            break;
        case ObjectInfo::Class::PrivateKey:
            group = Group::PrivateKeys;
            break;
        case ObjectInfo::Class::SecretKey:
            group = Group::SecretKeys;
            break;
        case ObjectInfo::Class::Data:
            group = Group::DataObjects;
            break;
        default:
            continue; // certificates come joined with their keys, above
        }
        auto node = std::make_unique<Node>();
        node->kind = group == Group::DataObjects ? Kind::Data : Kind::Key;
        node->object = object;
        node->key = keyFor(object.uri);
        node->searchText =
            lower({object.label, object.uri, QString::fromLatin1(object.id.toHex()), object.application, info.label});
        groups[static_cast<size_t>(group)].push_back(std::move(node));
    }
    for (size_t g = 0; g < groups.size(); ++g) {
        mergeGroup(tokenNode, static_cast<Group>(g), std::move(groups[g]));
    }
    if (infoChanged) {
        // The token's label is in its objects' tooltips and search text.
        for (const auto& group : tokenNode->children) {
            if (!group->children.empty()) {
                const QModelIndex first = indexFor(group->children.front().get());
                const QModelIndex last = indexFor(group->children.back().get(), ColumnCount - 1);
                Q_EMIT dataChanged(first, last);
            }
        }
    }
}

void TokenTreeModel::mergeGroup(Node* tokenNode, Group group, std::vector<std::unique_ptr<Node>> items)
{
    auto& groups = tokenNode->children;
    auto found = std::find_if(groups.begin(), groups.end(), [group](const auto& n) { return n->group == group; });
    if (found == groups.end()) {
        if (items.empty()) {
            return;
        }
        auto node = std::make_unique<Node>();
        node->kind = Kind::Group;
        node->group = group;
        for (size_t i = 0; i < items.size(); ++i) {
            items[i]->parent = node.get();
            items[i]->row = static_cast<int>(i);
        }
        node->children = std::move(items);
        const auto before = std::count_if(groups.begin(), groups.end(), [group](const auto& n) {
            return static_cast<int>(n->group) < static_cast<int>(group);
        });
        insertChild(tokenNode, static_cast<int>(before), std::move(node));
        return;
    }
    Node* groupNode = found->get();
    if (items.empty()) {
        removeChild(tokenNode, groupNode->row);
        return;
    }
    QHash<QString, Node*> incoming;
    for (const auto& item : items) {
        incoming.insert(item->key, item.get());
    }
    const size_t countBefore = groupNode->children.size();
    for (int row = static_cast<int>(groupNode->children.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(groupNode->children[static_cast<size_t>(row)]->key)) {
            removeChild(groupNode, row);
        }
    }
    QHash<QString, Node*> present;
    for (const auto& child : groupNode->children) {
        present.insert(child->key, child.get());
    }
    for (auto& item : items) {
        Node* old = present.value(item->key);
        if (!old) {
            insertChild(groupNode, static_cast<int>(groupNode->children.size()), std::move(item));
            continue;
        }
        if (old->certificate != item->certificate || old->object != item->object ||
            old->searchText != item->searchText) {
            old->certificate = item->certificate;
            old->object = item->object;
            old->searchText = item->searchText;
            changed(old);
        }
    }
    if (groupNode->children.size() != countBefore) {
        changed(groupNode);
    }
}

} // namespace tokendesk
