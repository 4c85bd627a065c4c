#include "CertificateRow.h"
#include "RowSupport.h"
#include "TokenTreeModel.h"
#include "TokenTreeNode.h"

#include <QHash>
#include <algorithm>
#include <utility>

// TokenTreeModel's half that takes snapshots in: modules, then tokens merged row by row
// (inserted, removed, changed), never reset, so that a selection survives a reload.

namespace tokendesk {

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

bool TokenTreeModel::hidden(const QString& modulePath) const
{
    return !m_showSystem && std::any_of(m_modules.cbegin(), m_modules.cend(), [&modulePath](const ModuleInfo& m) {
        return m.system && m.path == modulePath;
    });
}

void TokenTreeModel::setShowSystemModules(bool show)
{
    if (show == m_showSystem) {
        return;
    }
    m_showSystem = show;
    if (show) {
        setModules(m_modules);
        const QHash<QString, TokenContents> tokens = std::exchange(m_hiddenTokens, {});
        for (const TokenContents& token : tokens) {
            setToken(token);
        }
    } else {
        setModules(m_modules); // hides the system modules' tokens, then their rows
    }
}

void TokenTreeModel::setModule(const ModuleInfo& module)
{
    ModuleList modules = m_modules;
    for (ModuleInfo& known : modules) {
        if (known.path == module.path) {
            known = module;
        }
    }
    setModules(modules);
}

void TokenTreeModel::setModules(const ModuleList& modules)
{
    m_modules = modules;
    // Trust stores and keyrings (ModuleInfo::system) are hidden as `tokendesk report` hides
    // them, unless asked for: their tokens are kept aside, to come back when shown.
    const TokenContentsList shown = tokens();
    for (const TokenContents& token : shown) {
        if (hidden(token.token.modulePath)) {
            m_hiddenTokens.insert(token.key(), token);
            removeShownToken(token.key());
        }
    }
    // Modules no longer listed go when they have no token left.
    for (int row = static_cast<int>(m_root->children.size()) - 1; row >= 0; --row) {
        Node* node = m_root->children[static_cast<size_t>(row)].get();
        const bool listed = std::any_of(modules.cbegin(), modules.cend(), [this, node](const ModuleInfo& m) {
            return m.path == node->key && (!m.system || m_showSystem);
        });
        node->moduleListed = listed;
        if (!listed && node->children.empty()) {
            removeChild(m_root.get(), row);
        }
    }
    for (const ModuleInfo& module : modules) {
        if (module.system && !m_showSystem) {
            continue;
        }
        if (Node* existing = moduleNode(module.path)) {
            if (existing->module != module) {
                existing->module = module;
                existing->searchText = RowSupport::searchText({module.name, module.path, module.description});
                changed(existing);
            }
            continue;
        }
        auto node = std::make_unique<Node>();
        node->kind = Kind::Module;
        node->key = module.path;
        node->module = module;
        node->moduleListed = true;
        node->searchText = RowSupport::searchText({module.name, module.path, module.description});
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
    node->searchText = RowSupport::searchText({node->module.name, node->module.path});
    Node* raw = node.get();
    insertChild(m_root.get(), static_cast<int>(m_root->children.size()), std::move(node));
    return raw;
}

void TokenTreeModel::setToken(const TokenContents& token)
{
    if (hidden(token.token.modulePath)) {
        m_hiddenTokens.insert(token.key(), token);
        return;
    }
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
    m_hiddenTokens.remove(key);
    removeShownToken(key);
}

void TokenTreeModel::removeShownToken(const QString& key)
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
    tokenNode->searchText = RowSupport::searchText({info.label, info.serial, info.manufacturer, info.model, info.uri});
    if (infoChanged) {
        changed(tokenNode);
    }

    std::vector<std::vector<std::unique_ptr<Node>>> groups(static_cast<size_t>(Group::Count));
    RowKeys keys; // objects with the same URI (same label and ID) still get a row each
    for (const CertificateEntry& entry : token.certificates) {
        auto node = std::make_unique<Node>();
        node->kind = Kind::Certificate;
        node->certificate = entry;
        node->key = keys.unique(CertificateRow::key(entry));
        node->searchText = CertificateRow::searchText(entry, info);
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
        node->key = keys.unique(object.uri);
        node->searchText = RowSupport::searchText(
            {object.label, object.uri, QString::fromLatin1(object.id.toHex()), object.application, info.label});
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
