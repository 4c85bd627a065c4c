// Everything a simulated PIV card remembers across resets, removals and restarts:
// PIN, PUK, their retry counters, the GUID, the keys and certificates.
//
// This is a test card: the state file holds the PIN, the PUK and the private keys in
// clear (mode 0600). Nothing here prints or logs a PIN or PUK.
#pragma once

#include "SimCardKeys.h"

#include <map>
#include <string>

namespace simcard {

class PivCardState
{
public:
    enum class Check
    {
        Ok,
        Wrong,   // the counter was decremented; triesLeft() tells how many remain
        Blocked, // the counter is at zero, nothing was compared
    };

    PivCardState();
    ~PivCardState();
    PivCardState(const PivCardState&) = delete;
    PivCardState& operator=(const PivCardState&) = delete;

    // A fresh card. PIN 6-8 characters, PUK 8 (FIPS 201); tries 1-15.
    bool initialize(const std::string& pin, const std::string& puk, int pinTries, int pukTries, std::string* error);

    const Bytes& guid() const { return m_guid; }
    void setGuid(const Bytes& guid) { m_guid = guid; }

    int pinTriesLeft() const { return m_pinTriesLeft; }
    int pukTriesLeft() const { return m_pukTriesLeft; }
    int pinTriesMax() const { return m_pinTriesMax; }
    int pukTriesMax() const { return m_pukTriesMax; }

    // Compare an 8-byte, FF-padded reference with the stored one; counters as PIV wants them.
    Check checkPin(const Bytes& padded);
    Check checkPuk(const Bytes& padded);
    // New values, 8-byte FF-padded. False if the value is not an acceptable PIN/PUK.
    bool setPin(const Bytes& padded);
    bool setPuk(const Bytes& padded);
    void resetPinTries() { m_pinTriesLeft = m_pinTriesMax; }

    const std::map<std::uint8_t, SlotKey>& slots() const { return m_slots; }
    const SlotKey* slot(std::uint8_t id) const;
    void setSlot(SlotKey key);

    // JSON, written to FILE.tmp (0600), fsync'ed and renamed over FILE.
    bool save(const std::string& path, std::string* error) const;
    // False with an error when the file is unreadable or inconsistent.
    bool load(const std::string& path, std::string* error);

    static bool isValidPin(const std::string& pin);
    static bool isValidPuk(const std::string& puk);
    static Bytes pad(const std::string& value); // to 8 bytes with FF
    // Writes data to path.tmp with mode 0600 and renames it over path.
    static bool writeFileAtomically(const std::string& path, const std::string& data, std::string* error);

private:
    Check check(const Bytes& reference, const Bytes& padded, int& triesLeft);

    Bytes m_pin; // padded to 8 bytes with FF
    Bytes m_puk;
    int m_pinTriesLeft = 3;
    int m_pukTriesLeft = 3;
    int m_pinTriesMax = 3;
    int m_pukTriesMax = 3;
    Bytes m_guid;
    std::map<std::uint8_t, SlotKey> m_slots;
};

} // namespace simcard
