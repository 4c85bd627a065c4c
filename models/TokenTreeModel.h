#pragma once

#include "backend/pkcs11/Identity.h"
#include "backend/pkcs11/ModuleInfo.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QDateTime>
#include <QHash>
#include <memory>
#include <vector>

namespace tokendesk {

/// Every token as a tree: module → token → groups (Identities, Certificates,
/// Public keys, Private keys, Secret keys, Data objects; only the non-empty ones,
/// counted) → objects. Fed with TokenWatcher's value snapshots; a changed token
/// is merged row by row (inserted, removed, changed), never reset, so that a
/// selection survives it.
class TokenTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StatusColumn, ///< expiry of certificates, PIN state of tokens, key type of keys
        ColumnCount
    };
    Q_ENUM(Column)
    /// Far from ReaderModel's roles: the navigation shows both models in one tree.
    enum Role
    {
        KindRole = Qt::UserRole + 100, ///< int, Kind
        TokenKeyRole,                  ///< TokenInfo::key() of the token the row is in (modules: none)
        ModulePathRole,
        ObjectUriRole,         ///< objects: the PKCS#11 URI; tokens: the token's URI
        CertificateSha256Role, ///< QByteArray
        SearchTextRole,        ///< lower-case words to filter on (subject, issuer, serial, fingerprints, URI, label)
        ExpiryStateRole,       ///< int, CertificateValidity; invalid for rows without a certificate
        DaysLeftRole,          ///< qint64: days until notAfter (negative once expired)
        KeyStateRole,          ///< int, CertificateEntry::KeyState
        PinStateRole,          ///< tokens: int, PinSummary
        GroupRole,             ///< groups: int, Group
        CertificateEntryRole,  ///< certificates: the CertificateEntry
        TokenContentsRole,     ///< tokens: the TokenContents
        ObjectInfoRole,        ///< keys and data objects: the ObjectInfo
        ModuleInfoRole,        ///< modules: the ModuleInfo
    };
    Q_ENUM(Role)
    enum class Kind
    {
        Module,
        Token,
        Group,
        Certificate,
        Key,
        Data,
    };
    Q_ENUM(Kind)
    enum class Group
    {
        Identities,
        Certificates,
        PublicKeys,
        PrivateKeys,
        SecretKeys,
        DataObjects,
        Count
    };
    Q_ENUM(Group)

    explicit TokenTreeModel(QObject* parent = nullptr);
    ~TokenTreeModel() override;

    /// The moment expiry is computed against; the current time when invalid (the default).
    void setReferenceTime(const QDateTime& now);
    QDateTime referenceTime() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int tokenCount() const;
    TokenContentsList tokens() const;
    /// The tokens of trust stores and keyrings kept out of the tree now (setShowSystemModules).
    TokenContentsList hiddenTokens() const { return m_hiddenTokens.values(); }
    QModelIndex indexOfModule(const QString& path) const;
    QModelIndex indexOfToken(const QString& key) const;
    /// The row of an object (certificate, key, data object) by its URI within a token; the first one.
    QModelIndex indexOfObject(const QString& tokenKey, const QString& uri) const;

    /// CertificateRow's search text and data, and StatusPalette's validity colour, kept here for
    /// the callers (pages, tests) that still ask the tree; new code uses those directly.
    static QString certificateSearchText(const CertificateEntry& entry, const TokenInfo& token);
    static QVariant certificateData(const CertificateEntry& entry, const TokenInfo& token, int column, int role,
                                    const QDateTime& now);
    static QColor validityColor(CertificateValidity validity);

public Q_SLOTS:
    /// Modules: every non-system module gets a row (a failed one says why); tokens of
    /// modules not in the list still get theirs.
    void setModules(const tokendesk::ModuleList& modules);
    /// One module changed (an isolated module's process crashed, hung or runs again).
    void setModule(const tokendesk::ModuleInfo& module);
    /// Adds the token, or merges it into its rows when it is there.
    void setToken(const tokendesk::TokenContents& token);
    void removeToken(const QString& key);
    /// Shows the tokens of trust stores and keyrings (ModuleInfo::system, e.g. p11-kit's "System
    /// Trust"), hidden by default as `tokendesk report` hides them; false hides them again.
    void setShowSystemModules(bool show);

Q_SIGNALS:
    void tokenCountChanged(int count);

private:
    struct Node;
    Node* nodeFor(const QModelIndex& index) const;
    QModelIndex indexFor(const Node* node, int column = 0) const;
    Node* moduleNode(const QString& path) const;
    Node* ensureModule(const TokenContents& token);
    void insertChild(Node* parent, int row, std::unique_ptr<Node> child);
    void removeChild(Node* parent, int row);
    void mergeToken(Node* tokenNode, const TokenContents& token);
    void mergeGroup(Node* tokenNode, Group group, std::vector<std::unique_ptr<Node>> items);
    void changed(const Node* node);
    void removeEmptyModule(Node* module);
    void removeShownToken(const QString& key);
    /// The module is a trust store or keyring and those are hidden now.
    bool hidden(const QString& modulePath) const;
    QVariant moduleData(const Node& node, int column, int role) const;
    QVariant tokenData(const Node& node, int column, int role) const;
    QVariant groupData(const Node& node, int column, int role) const;
    QVariant objectData(const Node& node, int column, int role) const;
    QDateTime now() const;

    std::unique_ptr<Node> m_root;
    ModuleList m_modules;
    QDateTime m_now;
    bool m_showSystem = false;
    QHash<QString, TokenContents> m_hiddenTokens; ///< tokens of hidden modules, by key
};

} // namespace tokendesk
