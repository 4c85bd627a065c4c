#pragma once

#include "PairingError.h"
#include "backend/common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace tokendesk {

/// One `key = value, value;` or `name [name...] { ... }` of an scconf file (OpenSC's and
/// pam_pkcs11's configuration syntax).
struct ScconfItem;

struct ScconfBlock
{
    QString name;
    QStringList names; ///< the words between the name and "{": `mapper digest {` has names ["digest"]
    QList<ScconfItem> items;
    int line = 0;

    /// The values of the first `key = ...;` in this block (not nested); empty when there is none.
    QStringList values(const QString& key) const;
    QString value(const QString& key, const QString& fallback = QString()) const;
    bool boolValue(const QString& key, bool fallback) const;
    /// The nested blocks called `blockName` whose first name is `first` (any when empty).
    QList<const ScconfBlock*> blocks(const QString& blockName, const QString& first = QString()) const;
};

struct ScconfItem
{
    QString key;
    QStringList values;                 ///< for `key = ...;`
    std::shared_ptr<ScconfBlock> block; ///< for `name ... { }`
    int line = 0;
};

/// A reader of scconf text as OpenSC's scconf lexer reads it: `#` comments to the end of the line,
/// strings in double quotes (a backslash escapes the next character), punctuation `{ } = , ;`.
class Scconf
{
public:
    /// The file's top level as a block without a name. ConfigInvalid (with the line) for text that
    /// is not scconf: an unclosed block or string, a missing ";", a stray token.
    [[nodiscard]] static Result<ScconfBlock, PairingError> parse(const QByteArray& text, const QString& path);
};

} // namespace tokendesk
