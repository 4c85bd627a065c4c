#include "SmartcardList.h"

#include "backend/common/Logging.h"
#include "backend/pcsc/ReaderInfo.h"

#include <QByteArrayView>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace tokendesk {

QString SmartcardList::defaultPath()
{
    const QString cached =
        QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/smartcard_list.txt");
    if (QFile::exists(cached)) {
        return cached;
    }
    return QStringLiteral("/usr/share/pcsc/smartcard_list.txt");
}

bool SmartcardList::load(const QString& path)
{
    m_data.clear();
    m_entries.clear();
    m_indexed = false;
    m_regexes.clear();
    m_path.clear();
    m_cache.clear();
    QFile file(path);
    if (!openList(file)) {
        return false;
    }
    m_path = path;
    return true;
}

bool SmartcardList::openList(QFile& file)
{
    // The list is ~0.6 MB. A device or a pipe (/dev/zero never ends; opening a FIFO waits for a
    // writer) or a huge file is not one: refused before it is opened.
    const QFileInfo info(file.fileName());
    if (info.exists() && (!info.isFile() || info.size() > kMaxBytes)) {
        qCWarning(lcAtr) << "not a card list:" << file.fileName() << (info.isFile() ? "too large" : "not a file");
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcAtr) << "cannot read" << file.fileName() << file.errorString();
        return false;
    }
    return true;
}

void SmartcardList::read() const
{
    // Read on the first question: a report of 1,000 certificates and no card never holds the
    // file's bytes (0.5 MB of its peak memory, docs/BENCHMARKS.md).
    if (m_path.isEmpty()) {
        return; // none loaded: the empty list
    }
    QFile file(m_path);
    if (openList(file)) {        // again: the file may have changed since load()
        m_data = file.readAll(); // bounded by openList; read(kMaxBytes) would keep a buffer that large
    }
}

int SmartcardList::patternCount() const
{
    index();
    return static_cast<int>(m_entries.size());
}

void SmartcardList::index() const
{
    if (m_indexed) {
        return;
    }
    m_indexed = true;
    read();
    const QByteArrayView data(m_data);
    Entry* current = nullptr;
    qsizetype at = 0;
    while (at < data.size()) {
        qsizetype end = data.indexOf('\n', at);
        if (end < 0) {
            end = data.size();
        }
        const qsizetype next = end + 1;
        while (end > at && data.at(end - 1) == '\r') {
            --end;
        }
        const QByteArrayView line = data.sliced(at, end - at);
        if (line.isEmpty() || line.startsWith('#')) {
            current = nullptr;
        } else if (line.startsWith('\t')) {
            if (current) {
                current->namesEnd = end;
            }
        } else {
            const QByteArrayView pattern = line.trimmed();
            m_entries.push_back(Entry{pattern.data() - data.data(), pattern.size(), next, next});
            current = &m_entries.back();
        }
        at = next;
    }
    qCDebug(lcAtr) << "indexed" << m_entries.size() << "ATR patterns of" << m_path;
}

QStringList SmartcardList::namesOf(const Entry& e) const
{
    QStringList names;
    if (e.namesEnd <= e.namesBegin) {
        return names;
    }
    const QByteArrayView data(m_data);
    qsizetype at = e.namesBegin;
    while (at < e.namesEnd) {
        qsizetype end = data.indexOf('\n', at);
        if (end < 0 || end > e.namesEnd) {
            end = e.namesEnd;
        }
        QByteArrayView line = data.sliced(at, end - at);
        at = end + 1;
        while (line.endsWith('\r')) {
            line.chop(1);
        }
        if (!line.startsWith('\t')) {
            continue;
        }
        line = line.sliced(1);
        // The file is UTF-8 nowadays, but older copies hold Latin-1 names.
        QString name = QString::fromUtf8(line);
        if (name.contains(QChar::ReplacementCharacter)) {
            name = QString::fromLatin1(line);
        }
        names << name.trimmed();
    }
    return names;
}

QStringList SmartcardList::cardNames(const QByteArray& atr) const
{
    if (atr.isEmpty()) {
        return {};
    }
    const auto cached = m_cache.constFind(atr);
    if (cached != m_cache.cend()) {
        return *cached;
    }
    const QStringList names = match(atr);
    m_cache.insert(atr, names);
    return names;
}

namespace {

char upper(char c)
{
    return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
}

bool isRegexSyntax(char c)
{
    return c == '[' || c == '(' || c == '*' || c == '+' || c == '?' || c == '|' || c == '\\' || c == '{' || c == '^' ||
           c == '$';
}

/// The pattern's characters up to its first regex syntax other than '.' match the text's, '.'
/// matching any one: decides the patterns made of hex digits, spaces and dots (nearly all of
/// the list) without a regex, and rejects most others before one is compiled.
/// Returns true when the whole pattern was decided this way (`*matched` says how).
bool simpleMatch(QByteArrayView pattern, QByteArrayView text, bool* matched)
{
    qsizetype i = 0;
    for (; i < pattern.size(); ++i) {
        const char p = pattern.at(i);
        if (isRegexSyntax(p)) {
            break;
        }
        if (i >= text.size() || (p != '.' && upper(p) != upper(text.at(i)))) {
            *matched = false;
            return true; // differs before any regex syntax: no match, whatever follows
        }
    }
    if (i == pattern.size()) {
        *matched = i == text.size();
        return true;
    }
    return false;
}

} // namespace

QStringList SmartcardList::match(const QByteArray& atr) const
{
    index();
    QStringList names;
    const QString text = atrToHex(atr);
    const QByteArray latin1 = text.toLatin1();
    for (const Entry& e : m_entries) {
        const QByteArrayView pattern = QByteArrayView(m_data).sliced(e.pattern, e.patternLength);
        // Regexes are compiled only for the few patterns the simple comparison cannot decide.
        bool match = false;
        if (!simpleMatch(pattern, latin1, &match)) {
            auto regex = m_regexes.find(e.pattern);
            if (regex == m_regexes.end()) {
                regex = m_regexes.insert(
                    e.pattern, QRegularExpression(QRegularExpression::anchoredPattern(QString::fromLatin1(pattern)),
                                                  QRegularExpression::CaseInsensitiveOption));
            }
            match = regex->isValid() && regex->match(text).hasMatch();
        }
        if (match) {
            names << namesOf(e);
        }
    }
    return names;
}

} // namespace tokendesk
