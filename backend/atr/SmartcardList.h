#pragma once

#include <QByteArray>
#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <vector>

class QFile;

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
    /// Takes `path` when it is a readable file of at most kMaxBytes; false otherwise (the list
    /// then stays empty). Its bytes are read and its patterns found on the first question, so a
    /// command that meets no card never reads the file.
    bool load(const QString& path);
    static constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
    bool isLoaded() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    int patternCount() const;

    /// Every description of every pattern the ATR matches, in file order.
    /// Remembered per ATR. Not thread-safe: one list per thread.
    QStringList cardNames(const QByteArray& atr) const;

private:
    /// A pattern and its names, as offsets into m_data: nothing is decoded or compiled before a
    /// card's ATR is asked for (14,000 lines; a QString each cost 3 ms at every start).
    struct Entry
    {
        qsizetype pattern = 0;
        qsizetype patternLength = 0;
        qsizetype namesBegin = 0; ///< the tab-indented lines that follow, up to namesEnd
        qsizetype namesEnd = 0;
    };
    /// Opens a list file for reading: a regular file of at most kMaxBytes; warns and fails otherwise.
    static bool openList(QFile& file);
    void read() const;
    void index() const;
    QStringList namesOf(const Entry& e) const;
    QStringList match(const QByteArray& atr) const;

    mutable QByteArray m_data; ///< read by index()
    mutable bool m_indexed = false;
    mutable std::vector<Entry> m_entries;
    mutable QHash<qsizetype, QRegularExpression> m_regexes; ///< by pattern offset, compiled on first use
    QString m_path;
    mutable QHash<QByteArray, QStringList> m_cache; ///< ATR -> names: a card's ATR is asked for again and again
};

} // namespace tokendesk
