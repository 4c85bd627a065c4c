#include "NameRepair.h"

#include <QList>
#include <QString>
#include <QStringDecoder>

namespace tokendesk {

namespace {
constexpr quint8 kSequence = 0x30;
constexpr quint8 kSet = 0x31;
constexpr quint8 kUtf8String = 0x0C;
constexpr quint8 kUniversalString = 0x1C;
constexpr quint8 kBmpString = 0x1E;
constexpr quint8 kVersionTag = 0xA0;

/// The elements of a constructed value, or nothing when one does not parse.
std::optional<QList<NameRepair::Tlv>> children(const QByteArray& data, const NameRepair::Tlv& parent)
{
    QList<NameRepair::Tlv> result;
    for (qsizetype at = parent.content; at < parent.end();) {
        NameRepair::Tlv tlv;
        if (NameRepair::read(data, at, parent.end(), &tlv) != NameRepair::Header::Ok) {
            return std::nullopt;
        }
        result.append(tlv);
        at = tlv.end();
    }
    return result;
}

QByteArray slice(const QByteArray& data, const NameRepair::Tlv& tlv)
{
    return data.mid(tlv.offset, tlv.end() - tlv.offset);
}

/// The value as a UTF8String with replacement characters, or nothing when it is fine as it is.
std::optional<QByteArray> repairedValue(const QByteArray& data, const NameRepair::Tlv& value)
{
    const QByteArray bytes = data.mid(value.content, value.length);
    QStringConverter::Encoding encoding = QStringConverter::Utf8;
    if (value.tag == kBmpString) {
        encoding = QStringConverter::Utf16BE;
    } else if (value.tag == kUniversalString) {
        encoding = QStringConverter::Utf32BE;
    } else if (value.tag != kUtf8String) {
        return std::nullopt;
    }
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    if (!decoder.hasError()) {
        return std::nullopt;
    }
    return NameRepair::encode(kUtf8String, text.toUtf8());
}

/// Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value ANY }
std::optional<QByteArray> repairName(const QByteArray& data, const NameRepair::Tlv& name, bool* changed)
{
    const auto rdns = children(data, name);
    if (name.tag != kSequence || !rdns) {
        return std::nullopt;
    }
    QByteArray nameContent;
    for (const NameRepair::Tlv& rdn : *rdns) {
        const auto attributes = children(data, rdn);
        if (rdn.tag != kSet || !attributes) {
            return std::nullopt;
        }
        QByteArray rdnContent;
        for (const NameRepair::Tlv& attribute : *attributes) {
            const auto parts = children(data, attribute);
            if (attribute.tag != kSequence || !parts || parts->size() != 2) {
                return std::nullopt;
            }
            const auto fixed = repairedValue(data, parts->at(1));
            if (fixed) {
                *changed = true;
                rdnContent += NameRepair::encode(kSequence, slice(data, parts->at(0)) + *fixed);
            } else {
                rdnContent += slice(data, attribute);
            }
        }
        nameContent += NameRepair::encode(kSet, rdnContent);
    }
    return NameRepair::encode(kSequence, nameContent);
}
} // namespace

NameRepair::Header NameRepair::read(const QByteArray& data, qsizetype offset, qsizetype limit, Tlv* tlv)
{
    limit = std::min(limit, data.size());
    if (offset + 2 > limit) {
        return Header::Incomplete;
    }
    const auto byte = [&data](qsizetype i) {
        return static_cast<quint8>(data.at(i));
    };
    tlv->offset = offset;
    tlv->tag = byte(offset);
    if ((tlv->tag & 0x1F) == 0x1F) {
        return Header::Invalid;
    }
    const quint8 first = byte(offset + 1);
    qsizetype at = offset + 2;
    qsizetype length = first;
    if (first & 0x80) {
        const int count = first & 0x7F;
        // 0x80 is BER's indefinite length; more than 4 length bytes is no certificate anyone makes.
        if (count == 0 || count > 4) {
            return Header::Invalid;
        }
        if (at + count > limit) {
            return Header::Incomplete;
        }
        length = 0;
        for (int i = 0; i < count; ++i) {
            length = length << 8 | byte(at + i);
        }
        at += count;
    }
    tlv->content = at;
    tlv->length = length;
    return tlv->end() > limit ? Header::Incomplete : Header::Ok;
}

QByteArray NameRepair::encode(quint8 tag, const QByteArray& content)
{
    QByteArray out;
    out.append(static_cast<char>(tag));
    const qsizetype length = content.size();
    if (length < 0x80) {
        out.append(static_cast<char>(length));
    } else {
        QByteArray digits;
        for (qsizetype n = length; n > 0; n >>= 8) {
            digits.prepend(static_cast<char>(n & 0xFF));
        }
        out.append(static_cast<char>(0x80 | digits.size()));
        out.append(digits);
    }
    return out + content;
}

std::optional<QByteArray> NameRepair::repair(const QByteArray& certificate)
{
    Tlv outer;
    Tlv tbs;
    if (read(certificate, 0, certificate.size(), &outer) != Header::Ok || outer.tag != kSequence ||
        read(certificate, outer.content, outer.end(), &tbs) != Header::Ok || tbs.tag != kSequence) {
        return std::nullopt;
    }
    const auto fields = children(certificate, tbs);
    if (!fields) {
        return std::nullopt;
    }
    // [0] version, serialNumber, signature, issuer, validity, subject, ...
    const qsizetype first = !fields->isEmpty() && fields->constFirst().tag == kVersionTag ? 1 : 0;
    const qsizetype issuer = first + 2;
    const qsizetype subject = first + 4;
    if (fields->size() <= subject) {
        return std::nullopt;
    }
    bool changed = false;
    QByteArray tbsContent;
    for (qsizetype i = 0; i < fields->size(); ++i) {
        if (i == issuer || i == subject) {
            const auto name = repairName(certificate, fields->at(i), &changed);
            if (!name) {
                return std::nullopt;
            }
            tbsContent += *name;
        } else {
            tbsContent += slice(certificate, fields->at(i));
        }
    }
    if (!changed) {
        return std::nullopt;
    }
    const QByteArray rest = certificate.mid(tbs.end(), outer.end() - tbs.end());
    return encode(kSequence, encode(kSequence, tbsContent) + rest);
}

} // namespace tokendesk
