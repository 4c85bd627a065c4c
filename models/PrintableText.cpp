#include "PrintableText.h"

#include "backend/common/FileName.h"

namespace tokendesk {

namespace {

bool needsEscape(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C || c == 0xFEFF ||
           (c >= 0xFFF9 && c <= 0xFFFB);
}

QString hex(uint value, int width)
{
    return QString::number(value, 16).toUpper().rightJustified(width, QLatin1Char('0'));
}

QString escapeOne(char32_t c)
{
    switch (c) {
    case '\n':
        return QStringLiteral("\\n");
    case '\r':
        return QStringLiteral("\\r");
    case '\t':
        return QStringLiteral("\\t");
    case 0x1B:
        return QStringLiteral("\\e");
    default:
        break;
    }
    if (c <= 0xFF) {
        return QStringLiteral("\\x") + hex(c, 2);
    }
    return QStringLiteral("\\u{") + hex(c, 4) + QLatin1Char('}');
}

} // namespace

QString PrintableText::escape(const QString& text)
{
    return escaped(text, true);
}

QString PrintableText::controls(const QString& text)
{
    return escaped(text, false);
}

QString PrintableText::escaped(const QString& text, bool backslashes)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text.at(i).unicode();
        if (QChar::isHighSurrogate(unit) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            const char32_t c = QChar::surrogateToUcs4(unit, text.at(i + 1).unicode());
            result += needsEscape(c) ? escapeOne(c) : text.mid(i, 2);
            ++i;
        } else if (const int byte = FileName::escapedByte(unit); byte >= 0) {
            result += QStringLiteral("\\x") + hex(static_cast<uint>(byte), 2);
        } else if (QChar::isSurrogate(unit)) {
            result += QStringLiteral("\\u{") + hex(unit, 4) + QLatin1Char('}');
        } else if (unit == u'\\' && backslashes) {
            result += QStringLiteral("\\\\"); // so that a backslash in the output always starts an escape
        } else if (needsEscape(unit)) {
            result += escapeOne(unit);
        } else {
            result += QChar(unit);
        }
    }
    return result;
}

} // namespace tokendesk
