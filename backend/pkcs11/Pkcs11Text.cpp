#include "Pkcs11Text.h"

#include <QStringDecoder>
#include <cstring>

namespace tokendesk {

QByteArray Pkcs11Text::trimmed(const QByteArray& field)
{
    qsizetype end = field.size();
    while (end > 0 && (field.at(end - 1) == ' ' || field.at(end - 1) == '\0')) {
        --end;
    }
    return field.left(end);
}

bool Pkcs11Text::isUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

QString Pkcs11Text::decode(const QByteArray& text)
{
    const QByteArray bytes = trimmed(text);
    return isUtf8(bytes) ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes);
}

QString Pkcs11Text::decodeField(const QByteArray& field)
{
    const QByteArray text = trimmed(field);
    if (text.size() == field.size() && !isUtf8(text)) {
        // The start of the last character: at most 3 bytes back.
        for (qsizetype back = 1; back <= 3 && back <= text.size(); ++back) {
            const auto byte = static_cast<unsigned char>(text.at(text.size() - back));
            if ((byte & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back
            }
            const int needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
            const QByteArray head = text.left(text.size() - back);
            if (needed > back && isUtf8(head)) {
                return QString::fromUtf8(head);
            }
            break;
        }
    }
    return decode(text);
}

QByteArray Pkcs11Text::padded(const QByteArray& text, int size)
{
    QByteArray out = text.left(size);
    out.append(size - out.size(), ' ');
    return out;
}

void Pkcs11Text::copyTo(const QByteArray& field, unsigned char* out, int size)
{
    const QByteArray bytes = padded(field, size);
    std::memcpy(out, bytes.constData(), static_cast<size_t>(size));
}

} // namespace tokendesk
