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

    /// The values of `key = ...;` in this block (not nested), the key compared without case, every
    /// repetition's values appended as scconf appends them; empty when there is none.
    QStringList values(const QString& key) const;
    QString value(const QString& key, const QString& fallback = QString()) const;
    bool boolValue(const QString& key, bool fallback) const;
    /// The nested blocks called `blockName` (without case) whose first name is `first` (any when empty).
    QList<const ScconfBlock*> blocks(const QString& blockName, const QString& first = QString()) const;
};

struct ScconfItem
{
    QString key;
    QStringList values;                 ///< for `key = ...;`
    std::shared_ptr<ScconfBlock> block; ///< for `name ... { }`
    int line = 0;
};

/// A reader of scconf text that accepts what pam_pkcs11's own copy of scconf (src/scconf/sclex.c and
/// parse.c) accepts, and reads it the same way: `#` comments to the end of the line; words end at
/// white space, ',' or ';'; strings in double quotes end at the quote or the line (no escapes); a
/// value followed by a word without ';' ends the item (the Debian example file relies on it);
/// `key = ;` is an item without values; a block has at most one name; a block left open at the end
/// of the file is closed.
class Scconf
{
public:
    /// The file's top level as a block without a name. ConfigInvalid (with the line) where scconf
    /// fails too: "=" or "{" without a name, "}" after a name, "," out of place, too many "}"; and (TokenDesk's own
    /// limit) blocks nested over 64 deep.
    [[nodiscard]] static Result<ScconfBlock, PairingError> parse(const QByteArray& text, const QString& path);
};

} // namespace tokendesk
