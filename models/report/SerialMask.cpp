#include "SerialMask.h"

#include <QRegularExpression>
#include <QUrl>
#include <functional>

namespace tokendesk {

namespace {
/// Letters and digits kept at the end of a masked value.
constexpr int kKept = 4;
/// A value with fewer letters and digits than this is masked whole: four of six would say too much.
constexpr int kShortest = 8;

/// Replaces each match's group 1 by its masked form.
QString maskGroup(const QString& text, const QRegularExpression& pattern,
                  const std::function<QString(const QString&)>& masker)
{
    QString result;
    qsizetype done = 0;
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(text).mid(done, match.capturedStart(1) - done);
        result += masker(match.captured(1));
        done = match.capturedEnd(1);
    }
    result += QStringView(text).mid(done);
    return result;
}
} // namespace

QString SerialMask::mask(const QString& value)
{
    qsizetype alnum = 0;
    for (const QChar c : value) {
        alnum += c.isLetterOrNumber() ? 1 : 0;
    }
    const qsizetype keep = alnum >= kShortest ? kKept : 0;
    QString result = value;
    qsizetype seen = 0;
    for (QChar& c : result) {
        if (c.isLetterOrNumber()) {
            if (seen < alnum - keep) {
                c = QLatin1Char('*');
            }
            ++seen;
        }
    }
    return result;
}

QString SerialMask::serial(const QString& serial) const
{
    return m_on ? mask(serial) : serial;
}

QString SerialMask::everywhere(const QString& text, const QStringList& serials) const
{
    if (!m_on) {
        return text;
    }
    QString result = text;
    for (const QString& serial : serials) {
        if (mask(serial).count(QLatin1Char('*')) == 0 || serial.size() < kShortest) {
            continue;
        }
        for (qsizetype at = result.indexOf(serial, 0, Qt::CaseInsensitive); at >= 0;
             at = result.indexOf(serial, at + serial.size(), Qt::CaseInsensitive)) {
            result.replace(at, serial.size(), mask(result.mid(at, serial.size())));
        }
    }
    return result;
}

QString SerialMask::uri(const QString& uri) const
{
    if (!m_on) {
        return uri;
    }
    // In the path part (before '?'): "pkcs11:" or ';' then serial=VALUE up to the next ';' or '?'.
    static const QRegularExpression all(QStringLiteral("(?:^pkcs11:|;)serial=([^;?]*)"));
    const qsizetype query = uri.indexOf(QLatin1Char('?'));
    const QString path = query < 0 ? uri : uri.left(query);
    const QString rest = query < 0 ? QString() : uri.mid(query);
    return maskGroup(path, all,
                     [](const QString& value) {
                         const QString decoded = QUrl::fromPercentEncoding(value.toUtf8());
                         // '*' is a pk11-res-avail character: it needs no escape in a URI.
                         return QString::fromLatin1(QUrl::toPercentEncoding(mask(decoded), "*"));
                     }) +
           rest;
}

QString SerialMask::distinguishedName(const QString& name) const
{
    if (!m_on) {
        return name;
    }
    // RFC 4514: attributes separated by ',' or '+', a value up to the next unescaped one.
    static const QRegularExpression pattern(
        QStringLiteral("(?:^|[,+])\\s*(?:serialNumber|SERIALNUMBER|2\\.5\\.4\\.5)=((?:\\\\.|[^,+\\\\])*)"),
        QRegularExpression::CaseInsensitiveOption);
    return maskGroup(name, pattern, &SerialMask::mask);
}

QString SerialMask::readerName(const QString& name) const
{
    if (!m_on) {
        return name;
    }
    // pcsc-lite: "%s (%s)" with the USB iSerialNumber, then " %02X %02X" (reader and slot).
    static const QRegularExpression pattern(QStringLiteral("\\(([^()]+)\\) [0-9A-Fa-f]{2} [0-9A-Fa-f]{2}$"));
    return maskGroup(name, pattern, &SerialMask::mask);
}

} // namespace tokendesk
