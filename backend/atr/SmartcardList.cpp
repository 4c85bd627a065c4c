#include "SmartcardList.h"

#include "backend/common/Logging.h"
#include "backend/pcsc/ReaderInfo.h"

#include <QFile>
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
    m_entries.clear();
    m_path.clear();
    m_cache.clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcAtr) << "cannot read" << path << file.errorString();
        return false;
    }
    Entry* current = nullptr;
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        while (line.endsWith('\n') || line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.isEmpty() || line.startsWith('#')) {
            current = nullptr;
            continue;
        }
        if (line.startsWith('\t')) {
            if (current) {
                // The file is UTF-8 nowadays, but older copies hold Latin-1 names.
                QString name = QString::fromUtf8(line.mid(1));
                if (name.contains(QChar::ReplacementCharacter)) {
                    name = QString::fromLatin1(line.mid(1));
                }
                current->names << name.trimmed();
            }
            continue;
        }
        m_entries.push_back(Entry{QString::fromLatin1(line).trimmed(), {}, {}});
        current = &m_entries.back();
    }
    m_path = path;
    qCDebug(lcAtr) << "loaded" << m_entries.size() << "ATR patterns from" << path;
    return true;
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

bool isRegexSyntax(QChar c)
{
    return c == QLatin1Char('[') || c == QLatin1Char('(') || c == QLatin1Char('*') || c == QLatin1Char('+') ||
           c == QLatin1Char('?') || c == QLatin1Char('|') || c == QLatin1Char('\\') || c == QLatin1Char('{') ||
           c == QLatin1Char('^') || c == QLatin1Char('$');
}

/// The pattern's characters up to its first regex syntax other than '.' match the text's, '.'
/// matching any one: decides the patterns made of hex digits, spaces and dots (nearly all of
/// the list) without a regex, and rejects most others before one is compiled.
/// Returns true when the whole pattern was decided this way (`*matched` says how).
bool simpleMatch(const QString& pattern, const QString& text, bool* matched)
{
    qsizetype i = 0;
    for (; i < pattern.size(); ++i) {
        const QChar p = pattern.at(i);
        if (isRegexSyntax(p)) {
            break;
        }
        if (i >= text.size() || (p != QLatin1Char('.') && p.toUpper() != text.at(i).toUpper())) {
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
    QStringList names;
    const QString text = atrToHex(atr);
    for (const Entry& e : m_entries) {
        // Regexes are compiled only for the few patterns the simple comparison cannot decide.
        bool match = false;
        if (!simpleMatch(e.pattern, text, &match)) {
            if (e.regex.pattern().isEmpty()) {
                e.regex.setPattern(QRegularExpression::anchoredPattern(e.pattern));
                e.regex.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
            }
            match = e.regex.isValid() && e.regex.match(text).hasMatch();
        }
        if (match) {
            names << e.names;
        }
    }
    return names;
}

} // namespace tokendesk
