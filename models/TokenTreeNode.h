#pragma once

#include "TokenTreeModel.h"

#include <memory>
#include <vector>

namespace tokendesk {

/// One row of TokenTreeModel: shared by the model's reading half (TokenTreeModel.cpp) and
/// its merging half (TokenTreeMerge.cpp); not for other files.
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

} // namespace tokendesk
