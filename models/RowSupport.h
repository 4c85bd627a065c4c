#pragma once

#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QString>
#include <QStringList>

namespace tokendesk {

/// Small pieces every model's rows need the same way.
class RowSupport
{
public:
    /// A theme icon; none without a GUI application (model tests run without one).
    static QIcon themeIcon(const char* name);
    /// The words a row is found by, lower-case, one per line.
    static QString searchText(const QStringList& words);
    /// The moment expiry is computed against: `reference`, or the current time when it is invalid.
    static QDateTime now(const QDateTime& reference);
};

/// Row keys unique within one snapshot: objects with the same URI (same label and ID) still
/// get a row each ("key", "key#1", "key#2", ...), in the order they come.
class RowKeys
{
public:
    QString unique(const QString& base);

private:
    QHash<QString, int> m_seen;
};

} // namespace tokendesk
