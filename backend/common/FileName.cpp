#include "FileName.h"

namespace tokendesk {

namespace {

/// The length of the valid UTF-8 sequence at `at` (RFC 3629: no overlong forms, no surrogates, at
/// most U+10FFFF), and its code point; 0 when the byte there starts none.
int validSequence(const QByteArray& bytes, qsizetype at, char32_t* codePoint)
{
    const auto byte = [&bytes](qsizetype i) {
        return static_cast<unsigned char>(bytes.at(i));
    };
    const unsigned char lead = byte(at);
    int length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        *codePoint = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07, minimum = 0x10000;
    } else {
        return 0;
    }
    if (at + length > bytes.size()) {
        return 0;
    }
    for (int i = 1; i < length; ++i) {
        const unsigned char next = byte(at + i);
        if ((next & 0xC0) != 0x80) {
            return 0;
        }
        value = (value << 6) | (next & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return 0;
    }
    *codePoint = value;
    return length;
}

} // namespace

int FileName::escapedByte(char16_t unit)
{
    return unit >= 0xDC80 && unit <= 0xDCFF ? unit - 0xDC00 : -1;
}

QString FileName::fromBytes(const QByteArray& bytes)
{
    QString name;
    name.reserve(bytes.size());
    qsizetype at = 0;
    while (at < bytes.size()) {
        char32_t codePoint = 0;
        const int length = validSequence(bytes, at, &codePoint);
        if (length == 0) {
            name += QChar(static_cast<char16_t>(0xDC00 + static_cast<unsigned char>(bytes.at(at))));
            ++at;
            continue;
        }
        name += QString::fromUcs4(&codePoint, 1);
        at += length;
    }
    return name;
}

QByteArray FileName::toBytes(const QString& name)
{
    QByteArray bytes;
    bytes.reserve(name.size());
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t unit = name.at(i).unicode();
        if (QChar::isHighSurrogate(unit) && i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
            bytes += name.mid(i, 2).toUtf8();
            ++i;
        } else if (const int byte = escapedByte(unit); byte >= 0) {
            bytes += static_cast<char>(byte);
        } else if (QChar::isSurrogate(unit)) {
            bytes += QStringView(u"\uFFFD").toUtf8(); // a lone surrogate fromBytes() never makes
        } else {
            bytes += QStringView(&unit, 1).toUtf8();
        }
    }
    return bytes;
}

} // namespace tokendesk
