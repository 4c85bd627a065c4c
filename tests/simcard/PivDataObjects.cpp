#include "PivDataObjects.h"

namespace simcard {

namespace {

// FASC-N "9999-9999-999999-0-1-0000000000300001" as YubiKeys and other test cards carry it.
const Bytes testFascn{0xD4, 0xE7, 0x39, 0xDA, 0x73, 0x9C, 0xED, 0x39, 0xCE, 0x73, 0x9D, 0x83, 0x68,
                      0x58, 0x21, 0x08, 0x42, 0x10, 0x84, 0x21, 0xC8, 0x42, 0x10, 0xC3, 0xEB};

} // namespace

Bytes PivDataObjects::discovery()
{
    Bytes value;
    Tlv::append(value, 0x4F, {0xA0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00});
    Tlv::append(value, 0x5F2F, {0x40, 0x00});
    return Tlv::encode(0x7E, value);
}

Bytes PivDataObjects::ccc(const Bytes& guid)
{
    // GSC-IS RID, manufacturer FF, card type 00 (no Java card or CAC quirks), 14 bytes of id.
    Bytes cardId{0xA0, 0x00, 0x00, 0x01, 0x16, 0xFF, 0x00};
    for (std::size_t i = 0; i < 14; ++i)
        cardId.push_back(i < guid.size() ? guid[i] : 0x00);
    Bytes value;
    Tlv::append(value, 0xF0, cardId);
    Tlv::append(value, 0xF1, {0x21}); // container version
    Tlv::append(value, 0xF2, {0x21}); // grammar version
    Tlv::append(value, 0xF3, {});
    Tlv::append(value, 0xF4, {0x00});
    Tlv::append(value, 0xF5, {0x10}); // data model: PIV
    Tlv::append(value, 0xF6, {});
    Tlv::append(value, 0xF7, {});
    Tlv::append(value, 0xFA, {});
    Tlv::append(value, 0xFB, {});
    Tlv::append(value, 0xFC, {});
    Tlv::append(value, 0xFD, {});
    Tlv::append(value, 0xFE, {});
    return Tlv::encode(0x53, value);
}

Bytes PivDataObjects::chuid(const Bytes& guid)
{
    Bytes value;
    Tlv::append(value, 0x30, testFascn);
    Tlv::append(value, 0x34, guid);
    const std::string expiry = "20991231";
    Tlv::append(value, 0x35, Bytes(expiry.begin(), expiry.end()));
    Tlv::append(value, 0x3E, {}); // issuer signature: none on a test card
    Tlv::append(value, 0xFE, {});
    return Tlv::encode(0x53, value);
}

Bytes PivDataObjects::keyHistory()
{
    Bytes value;
    Tlv::append(value, 0xC1, {0x00}); // keys with on-card certificates
    Tlv::append(value, 0xC2, {0x00}); // keys with off-card certificates
    Tlv::append(value, 0xFE, {});
    return Tlv::encode(0x53, value);
}

Bytes PivDataObjects::certificate(const Bytes& der)
{
    Bytes value;
    Tlv::append(value, 0x70, der);
    Tlv::append(value, 0x71, {0x00});
    Tlv::append(value, 0xFE, {});
    return Tlv::encode(0x53, value);
}

} // namespace simcard
