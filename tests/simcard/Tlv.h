// BER-TLV and byte helpers shared by the PIV card simulator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simcard {

using Bytes = std::vector<std::uint8_t>;

class Tlv
{
public:
    // A tag of one to three bytes (0x53, 0x5FC105, 0x7F49) followed by a BER length and the value.
    static Bytes encode(std::uint32_t tag, const Bytes& value);
    static void append(Bytes& out, std::uint32_t tag, const Bytes& value);
    static void appendLength(Bytes& out, std::size_t length);

    // Finds a top-level element with this tag in data and returns its value.
    static std::optional<Bytes> find(const Bytes& data, std::uint32_t tag);

    // One element at data[pos]: its tag, the value's offset and length. False on malformed input.
    struct Element
    {
        std::uint32_t tag = 0;
        std::size_t valueOffset = 0;
        std::size_t length = 0;
    };
    static bool parse(const Bytes& data, std::size_t pos, Element& element);

    static std::string toHex(const Bytes& data);
    static std::optional<Bytes> fromHex(std::string_view hex); // spaces and colons are ignored
};

} // namespace simcard
