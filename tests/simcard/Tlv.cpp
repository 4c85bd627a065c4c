#include "Tlv.h"

#include <cctype>

namespace simcard {

void Tlv::appendLength(Bytes& out, std::size_t length)
{
    if (length < 0x80) {
        out.push_back(static_cast<std::uint8_t>(length));
    } else if (length <= 0xFF) {
        out.push_back(0x81);
        out.push_back(static_cast<std::uint8_t>(length));
    } else {
        out.push_back(0x82);
        out.push_back(static_cast<std::uint8_t>(length >> 8));
        out.push_back(static_cast<std::uint8_t>(length & 0xFF));
    }
}

void Tlv::append(Bytes& out, std::uint32_t tag, const Bytes& value)
{
    if (tag > 0xFFFF)
        out.push_back(static_cast<std::uint8_t>(tag >> 16));
    if (tag > 0xFF)
        out.push_back(static_cast<std::uint8_t>((tag >> 8) & 0xFF));
    out.push_back(static_cast<std::uint8_t>(tag & 0xFF));
    appendLength(out, value.size());
    out.insert(out.end(), value.begin(), value.end());
}

Bytes Tlv::encode(std::uint32_t tag, const Bytes& value)
{
    Bytes out;
    append(out, tag, value);
    return out;
}

bool Tlv::parse(const Bytes& data, std::size_t pos, Element& element)
{
    if (pos >= data.size())
        return false;
    std::uint32_t tag = data[pos++];
    if ((tag & 0x1F) == 0x1F) { // multi-byte tag: continue while bit 8 is set
        do {
            if (pos >= data.size())
                return false;
            tag = (tag << 8) | data[pos];
        } while (data[pos++] & 0x80);
    }
    if (pos >= data.size())
        return false;
    std::size_t length = data[pos++];
    if (length & 0x80) {
        const std::size_t n = length & 0x7F;
        if (n == 0 || n > 3 || pos + n > data.size())
            return false;
        length = 0;
        for (std::size_t i = 0; i < n; ++i)
            length = (length << 8) | data[pos++];
    }
    if (length > data.size() - pos)
        return false;
    element.tag = tag;
    element.valueOffset = pos;
    element.length = length;
    return true;
}

std::optional<Bytes> Tlv::find(const Bytes& data, std::uint32_t tag)
{
    std::size_t pos = 0;
    Element e;
    while (parse(data, pos, e)) {
        const auto begin = data.begin() + static_cast<std::ptrdiff_t>(e.valueOffset);
        if (e.tag == tag)
            return Bytes(begin, begin + static_cast<std::ptrdiff_t>(e.length));
        pos = e.valueOffset + e.length;
    }
    return std::nullopt;
}

std::string Tlv::toHex(const Bytes& data)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(data.size() * 2);
    for (const std::uint8_t b : data) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0F]);
    }
    return out;
}

std::optional<Bytes> Tlv::fromHex(std::string_view hex)
{
    Bytes out;
    int high = -1;
    for (const char c : hex) {
        if (c == ' ' || c == ':')
            continue;
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
        const int v = std::isdigit(static_cast<unsigned char>(c))
                          ? c - '0'
                          : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
        if (high < 0) {
            high = v;
        } else {
            out.push_back(static_cast<std::uint8_t>((high << 4) | v));
            high = -1;
        }
    }
    if (high >= 0)
        return std::nullopt;
    return out;
}

} // namespace simcard
