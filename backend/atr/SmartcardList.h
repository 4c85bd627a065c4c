#pragma once

#include <QByteArray>
#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <vector>

namespace tokendesk {

/// Card names for an ATR, from pcsc-tools' smartcard_list.txt: an ATR pattern
/// (a regular expression over "3B 88 80 ..." text) on a line of its own,
/// followed by tab-indented descriptions. Matching follows ATR_analysis:
/// the whole ATR text against the whole pattern, case-insensitive.
class SmartcardList
{
public:
    /// The file pcsc_scan refreshes ($XDG_CACHE_HOME/smartcard_list.txt)
    /// when it exists, else the one pcsc-tools installs.
    static QString defaultPath();

    /// An empty list (matches nothing); see load().
    SmartcardList() = default;
    /// Reads `path`; false when it cannot be read (the list then stays empty).
    bool load(const QString& path);
    bool isLoaded() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    int patternCount() const { return static_cast<int>(m_entries.size()); }

    /// Every description of every pattern the ATR matches, in file order.
    /// Remembered per ATR. Not thread-safe: one list per thread.
    QStringList cardNames(const QByteArray& atr) const;

private:
    struct Entry
    {
        QString pattern;
        mutable QRegularExpression regex; ///< compiled on first use: most never are
        QStringList names;
    };
    QStringList match(const QByteArray& atr) const;

    std::vector<Entry> m_entries;
    QString m_path;
    mutable QHash<QByteArray, QStringList> m_cache; ///< ATR -> names: a card's ATR is asked for again and again
};

} // namespace tokendesk
