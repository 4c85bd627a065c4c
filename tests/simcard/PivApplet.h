// The PIV application of the simulated card (SP 800-73-4, the subset OpenSC uses):
// command APDU in, response APDU out. No sockets, no files: the state is persisted
// through a callback before a response that changed it is returned.
#pragma once

#include "PivCardState.h"

#include <functional>

namespace simcard {

class PivApplet
{
public:
    // persist: saves the state; called after every change of PIN, PUK or counters,
    // before the answer goes out. Returning false turns the answer into 6581.
    explicit PivApplet(PivCardState& state, std::function<bool()> persist = {});

    // One command APDU (short or extended) in, data + SW1 SW2 out.
    Bytes process(const Bytes& command);
    // Power off, power on or reset: PIN state, selection and chaining buffers are gone.
    void reset();

    bool pinVerified() const { return m_pinVerified; }
    bool selected() const { return m_selected; }

    static const Bytes& aid(); // A0 00 00 03 08 00 00 10 00 01 00
    static std::uint32_t certObjectTag(std::uint8_t slot);

private:
    struct Apdu
    {
        std::uint8_t cla = 0;
        std::uint8_t ins = 0;
        std::uint8_t p1 = 0;
        std::uint8_t p2 = 0;
        Bytes data;
        std::size_t ne = 0; // 0: no data expected; 256 for Le=00, 65536 for extended 0000
    };
    static bool parse(const Bytes& command, Apdu& apdu);

    Bytes dispatch(const Apdu& apdu);
    Bytes select(const Apdu& apdu);
    Bytes getData(const Apdu& apdu);
    Bytes verify(const Apdu& apdu);
    Bytes changeReference(const Apdu& apdu);
    Bytes resetRetryCounter(const Apdu& apdu);
    Bytes generalAuthenticate(const Apdu& apdu);
    Bytes getResponse(const Apdu& apdu);

    Bytes dataObject(std::uint32_t tag, std::uint16_t& sw) const;
    Bytes chuid() const;
    // Up to ne bytes of data now; the rest waits for GET RESPONSE behind 61 xx.
    Bytes respond(const Bytes& data, std::size_t ne);
    Bytes counterStatus(int triesLeft) const;
    static Bytes wrongStatus(int triesLeft);
    bool persist();

    PivCardState& m_state;
    std::function<bool()> m_persist;
    bool m_selected = false;
    bool m_pinVerified = false;
    Bytes m_pending;                 // response data not yet fetched with GET RESPONSE
    Bytes m_chained;                 // command data of a chain (CLA bit 0x10) so far
    std::uint32_t m_chainHeader = 0; // INS P1 P2 of that chain
};

} // namespace simcard
