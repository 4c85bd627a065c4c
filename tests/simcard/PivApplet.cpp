#include "PivApplet.h"

#include "PivDataObjects.h"

#include <algorithm>
#include <openssl/crypto.h>

namespace simcard {

namespace {

constexpr std::uint16_t swOk = 0x9000;
constexpr std::uint16_t swMemoryFailure = 0x6581;
constexpr std::uint16_t swWrongLength = 0x6700;
constexpr std::uint16_t swChainingUnsupported = 0x6884;
constexpr std::uint16_t swSecurityStatus = 0x6982;
constexpr std::uint16_t swBlocked = 0x6983;
constexpr std::uint16_t swConditions = 0x6985;
constexpr std::uint16_t swWrongData = 0x6A80;
constexpr std::uint16_t swNotFound = 0x6A82;
constexpr std::uint16_t swWrongP1P2 = 0x6A86;
constexpr std::uint16_t swInsUnknown = 0x6D00;
constexpr std::uint16_t swClaUnknown = 0x6E00;

constexpr std::uint8_t insSelect = 0xA4;
constexpr std::uint8_t insGetData = 0xCB;
constexpr std::uint8_t insVerify = 0x20;
constexpr std::uint8_t insChangeReference = 0x24;
constexpr std::uint8_t insResetRetryCounter = 0x2C;
constexpr std::uint8_t insGeneralAuthenticate = 0x87;
constexpr std::uint8_t insGetResponse = 0xC0;
constexpr std::uint8_t insGetChallenge = 0x84;
constexpr std::uint8_t insPutData = 0xDB;
constexpr std::uint8_t insGenerateKey = 0x47;

constexpr std::uint8_t keyPin = 0x80;
constexpr std::uint8_t keyPuk = 0x81;
constexpr std::uint8_t slotWitness = 0x9B; // card management key: OpenSC asks it for random bytes

Bytes sw(std::uint16_t status)
{
    return {static_cast<std::uint8_t>(status >> 8), static_cast<std::uint8_t>(status & 0xFF)};
}

Bytes slice(const Bytes& data, std::size_t from, std::size_t count)
{
    const auto begin = data.begin() + static_cast<std::ptrdiff_t>(from);
    return Bytes(begin, begin + static_cast<std::ptrdiff_t>(count));
}

void wipe(Bytes& data)
{
    if (!data.empty())
        OPENSSL_cleanse(data.data(), data.size());
    data.clear();
}

// The objects OpenSC reads to learn whether the PIN is verified: they need the PIN and
// are not on this card, so 69 82 before VERIFY and 6A 82 after it.
bool isPinProtectedObject(std::uint32_t tag)
{
    return tag == 0x5FC103 || tag == 0x5FC108 || tag == 0x5FC109 || tag == 0x5FC121;
}

} // namespace

PivApplet::PivApplet(PivCardState& state, std::function<bool()> persist) : m_state(state), m_persist(std::move(persist))
{}

const Bytes& PivApplet::aid()
{
    static const Bytes value{0xA0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00};
    return value;
}

std::uint32_t PivApplet::certObjectTag(std::uint8_t slot)
{
    switch (slot) {
    case 0x9A:
        return 0x5FC105;
    case 0x9C:
        return 0x5FC10A;
    case 0x9D:
        return 0x5FC10B;
    case 0x9E:
        return 0x5FC101;
    default:
        return 0;
    }
}

void PivApplet::reset()
{
    m_selected = false;
    m_pinVerified = false;
    wipe(m_pending);
    wipe(m_chained);
    m_chainHeader = 0;
}

bool PivApplet::parse(const Bytes& c, Apdu& apdu)
{
    if (c.size() < 4)
        return false;
    apdu.cla = c[0];
    apdu.ins = c[1];
    apdu.p1 = c[2];
    apdu.p2 = c[3];
    apdu.data.clear();
    apdu.ne = 0;
    const std::size_t n = c.size();
    if (n == 4)
        return true;
    if (n == 5) { // case 2 short
        apdu.ne = c[4] ? c[4] : 256;
        return true;
    }
    if (c[4] != 0) { // short Lc
        const std::size_t lc = c[4];
        if (n != 5 + lc && n != 6 + lc)
            return false;
        apdu.data = slice(c, 5, lc);
        if (n == 6 + lc)
            apdu.ne = c[n - 1] ? c[n - 1] : 256;
        return true;
    }
    if (n == 7) { // case 2 extended
        const std::size_t le = (std::size_t{c[5]} << 8) | c[6];
        apdu.ne = le ? le : 65536;
        return true;
    }
    const std::size_t lc = (std::size_t{c[5]} << 8) | c[6];
    if (lc == 0 || (n != 7 + lc && n != 9 + lc))
        return false;
    apdu.data = slice(c, 7, lc);
    if (n == 9 + lc) {
        const std::size_t le = (std::size_t{c[n - 2]} << 8) | c[n - 1];
        apdu.ne = le ? le : 65536;
    }
    return true;
}

Bytes PivApplet::process(const Bytes& command)
{
    Apdu apdu;
    if (!parse(command, apdu))
        return sw(swWrongLength);
    if ((apdu.cla & ~0x10) != 0x00)
        return sw(swClaUnknown);
    if (apdu.ins != insGetResponse)
        wipe(m_pending);

    const std::uint32_t header = (std::uint32_t{apdu.ins} << 16) | (std::uint32_t{apdu.p1} << 8) | apdu.p2;
    if (!m_chained.empty() && header != m_chainHeader)
        wipe(m_chained); // a different command breaks the chain
    if (apdu.cla & 0x10) {
        if (apdu.ins != insGeneralAuthenticate)
            return sw(swChainingUnsupported);
        m_chained.insert(m_chained.end(), apdu.data.begin(), apdu.data.end());
        m_chainHeader = header;
        wipe(apdu.data);
        return sw(swOk);
    }
    if (!m_chained.empty()) {
        m_chained.insert(m_chained.end(), apdu.data.begin(), apdu.data.end());
        wipe(apdu.data);
        apdu.data.swap(m_chained);
    }
    Bytes response = dispatch(apdu);
    wipe(apdu.data); // may hold a PIN or PUK
    return response;
}

Bytes PivApplet::dispatch(const Apdu& apdu)
{
    if (apdu.ins == insSelect)
        return select(apdu);
    if (!m_selected)
        return sw(swInsUnknown); // nothing selected: no instruction is known
    switch (apdu.ins) {
    case insGetData:
        return getData(apdu);
    case insVerify:
        return verify(apdu);
    case insChangeReference:
        return changeReference(apdu);
    case insResetRetryCounter:
        return resetRetryCounter(apdu);
    case insGeneralAuthenticate:
        return generalAuthenticate(apdu);
    case insGetResponse:
        return getResponse(apdu);
    case insGetChallenge: {
        if (apdu.p1 != 0 || apdu.p2 != 0)
            return sw(swWrongP1P2);
        return respond(SimCardKeys::randomBytes(std::min<std::size_t>(apdu.ne ? apdu.ne : 8, 256)), apdu.ne);
    }
    case insPutData:
    case insGenerateKey:
        return sw(swSecurityStatus); // needs the management key, which this card never accepts
    default:
        return sw(swInsUnknown);
    }
}

Bytes PivApplet::select(const Apdu& apdu)
{
    const Bytes& full = aid();
    // By DF name, any prefix of the PIV AID from the RID on (OpenSC sends 9 bytes, others 5 or 11).
    const bool match = apdu.p1 == 0x04 && apdu.data.size() >= 5 && apdu.data.size() <= full.size() &&
                       std::equal(apdu.data.begin(), apdu.data.end(), full.begin());
    if (!match)
        return sw(swNotFound); // and the current selection stays
    m_selected = true;
    if (apdu.p2 == 0x0C)
        return sw(swOk);
    Bytes apt;
    Tlv::append(apt, 0x4F, slice(full, 5, 6));
    Tlv::append(apt, 0x79, Tlv::encode(0x4F, slice(full, 0, 5)));
    const std::string label = "TokenDesk PIV Simulator";
    Tlv::append(apt, 0x50, Bytes(label.begin(), label.end()));
    Bytes algorithms;
    for (const std::uint8_t alg : {0x07, 0x11, 0x14})
        Tlv::append(algorithms, 0x80, {alg});
    Tlv::append(algorithms, 0x06, {0x00});
    Tlv::append(apt, 0xAC, algorithms);
    return respond(Tlv::encode(0x61, apt), apdu.ne);
}

Bytes PivApplet::getData(const Apdu& apdu)
{
    if (apdu.p1 != 0x3F || apdu.p2 != 0xFF)
        return sw(swWrongP1P2);
    const auto tagBytes = Tlv::find(apdu.data, 0x5C);
    if (!tagBytes || tagBytes->empty() || tagBytes->size() > 3)
        return sw(swWrongData);
    std::uint32_t tag = 0;
    for (const std::uint8_t b : *tagBytes)
        tag = (tag << 8) | b;
    std::uint16_t status = swOk;
    const Bytes object = dataObject(tag, status);
    if (status != swOk)
        return sw(status);
    return respond(object, apdu.ne);
}

Bytes PivApplet::respond(const Bytes& data, std::size_t ne)
{
    if (ne == 0)
        ne = 256; // case 1/3 command: answer as if Le were 00
    if (data.size() <= ne) {
        Bytes out = data;
        const Bytes status = sw(swOk);
        out.insert(out.end(), status.begin(), status.end());
        return out;
    }
    Bytes out = slice(data, 0, ne);
    m_pending = slice(data, ne, data.size() - ne);
    out.push_back(0x61);
    out.push_back(m_pending.size() >= 256 ? 0x00 : static_cast<std::uint8_t>(m_pending.size()));
    return out;
}

Bytes PivApplet::getResponse(const Apdu& apdu)
{
    if (apdu.p1 != 0 || apdu.p2 != 0)
        return sw(swWrongP1P2);
    if (m_pending.empty())
        return sw(swConditions);
    const Bytes rest = std::move(m_pending);
    m_pending.clear();
    return respond(rest, apdu.ne);
}

Bytes PivApplet::counterStatus(int triesLeft) const
{
    if (triesLeft <= 0)
        return sw(swBlocked);
    return wrongStatus(triesLeft);
}

Bytes PivApplet::wrongStatus(int triesLeft)
{
    // After a wrong value even the last try is reported as 63 C0, as real cards do; 69 83 comes next time.
    return sw(static_cast<std::uint16_t>(0x63C0 | std::clamp(triesLeft, 0, 15)));
}

bool PivApplet::persist()
{
    return !m_persist || m_persist();
}

Bytes PivApplet::dataObject(std::uint32_t tag, std::uint16_t& status) const
{
    status = swOk;
    if (tag == 0x7E)
        return PivDataObjects::discovery();
    if (tag == 0x5FC107)
        return PivDataObjects::ccc(m_state.guid());
    if (tag == 0x5FC102)
        return PivDataObjects::chuid(m_state.guid());
    if (tag == 0x5FC10C)
        return PivDataObjects::keyHistory();
    for (const auto& [id, key] : m_state.slots()) {
        if (certObjectTag(id) == tag)
            return PivDataObjects::certificate(SimCardKeys::certDer(key.cert.get()));
    }
    status = isPinProtectedObject(tag) && !m_pinVerified ? swSecurityStatus : swNotFound;
    return {};
}

Bytes PivApplet::verify(const Apdu& apdu)
{
    if (apdu.p1 == 0xFF && apdu.p2 == keyPin && apdu.data.empty()) {
        m_pinVerified = false; // reset the security status
        return sw(swOk);
    }
    if (apdu.p1 != 0x00 || apdu.p2 != keyPin)
        return sw(swWrongP1P2);
    if (apdu.data.empty()) {
        if (m_pinVerified)
            return sw(swOk);
        return counterStatus(m_state.pinTriesLeft());
    }
    if (apdu.data.size() != 8)
        return sw(swWrongData);
    const auto result = m_state.checkPin(apdu.data);
    m_pinVerified = result == PivCardState::Check::Ok;
    if (result == PivCardState::Check::Blocked)
        return sw(swBlocked);
    if (!persist())
        return sw(swMemoryFailure);
    return m_pinVerified ? sw(swOk) : wrongStatus(m_state.pinTriesLeft());
}

Bytes PivApplet::changeReference(const Apdu& apdu)
{
    if (apdu.p1 != 0x00 || (apdu.p2 != keyPin && apdu.p2 != keyPuk))
        return sw(swWrongP1P2);
    if (apdu.data.size() != 16)
        return sw(swWrongData);
    const bool isPin = apdu.p2 == keyPin;
    const Bytes oldValue = slice(apdu.data, 0, 8);
    Bytes newValue = slice(apdu.data, 8, 8);
    const auto result = isPin ? m_state.checkPin(oldValue) : m_state.checkPuk(oldValue);
    Bytes answer;
    if (result == PivCardState::Check::Blocked) {
        answer = sw(swBlocked);
    } else if (result == PivCardState::Check::Wrong) {
        if (isPin)
            m_pinVerified = false;
        answer = wrongStatus(isPin ? m_state.pinTriesLeft() : m_state.pukTriesLeft());
    } else if (!(isPin ? m_state.setPin(newValue) : m_state.setPuk(newValue))) {
        answer = sw(swWrongData); // the old value was right, the new one is not acceptable
    } else {
        if (isPin)
            m_pinVerified = true; // as after VERIFY with the new PIN
        answer = sw(swOk);
    }
    Bytes old = oldValue;
    wipe(old);
    wipe(newValue);
    if (result != PivCardState::Check::Blocked && !persist())
        return sw(swMemoryFailure);
    return answer;
}

Bytes PivApplet::resetRetryCounter(const Apdu& apdu)
{
    if (apdu.p1 != 0x00 || apdu.p2 != keyPin)
        return sw(swWrongP1P2);
    if (apdu.data.size() != 16)
        return sw(swWrongData);
    Bytes puk = slice(apdu.data, 0, 8);
    Bytes newPin = slice(apdu.data, 8, 8);
    const auto result = m_state.checkPuk(puk);
    Bytes answer;
    if (result == PivCardState::Check::Blocked)
        answer = sw(swBlocked);
    else if (result == PivCardState::Check::Wrong)
        answer = wrongStatus(m_state.pukTriesLeft());
    else if (!m_state.setPin(newPin))
        answer = sw(swWrongData);
    else
        answer = sw(swOk);
    wipe(puk);
    wipe(newPin);
    m_pinVerified = false;
    if (result != PivCardState::Check::Blocked && !persist())
        return sw(swMemoryFailure);
    return answer;
}

Bytes PivApplet::generalAuthenticate(const Apdu& apdu)
{
    const auto template7C = Tlv::find(apdu.data, 0x7C);
    if (!template7C)
        return sw(swWrongData);
    if (apdu.p2 == slotWitness) {
        // 7C { 81 00 }: a witness request; OpenSC uses its random bytes for C_GenerateRandom.
        const auto witness = Tlv::find(*template7C, 0x81);
        if (!witness || !witness->empty())
            return sw(swWrongData);
        return respond(Tlv::encode(0x7C, Tlv::encode(0x81, SimCardKeys::randomBytes(8))), apdu.ne);
    }
    const SlotKey* key = m_state.slot(apdu.p2);
    if (!key)
        return sw(swNotFound);
    if (apdu.p1 != SimCardKeys::algorithmId(key->type))
        return sw(swWrongP1P2);
    const auto challenge = Tlv::find(*template7C, 0x81);
    const auto response = Tlv::find(*template7C, 0x82);
    if (!challenge || !response || !response->empty())
        return sw(swWrongData);
    // 9E (card authentication) needs no PIN; 9C (digital signature) is PIN-always.
    if (apdu.p2 != 0x9E && !m_pinVerified)
        return sw(swSecurityStatus);
    if (apdu.p2 == 0x9C)
        m_pinVerified = false;
    const auto result = key->type == KeyType::Rsa2048 ? SimCardKeys::rsaRaw(key->key.get(), *challenge)
                                                      : SimCardKeys::ecdsaSign(key->key.get(), *challenge);
    if (!result)
        return sw(swWrongData);
    return respond(Tlv::encode(0x7C, Tlv::encode(0x82, *result)), apdu.ne);
}

} // namespace simcard
