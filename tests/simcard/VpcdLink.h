// The card's end of the vpcd protocol: a TCP client of the port a vpcd reader listens on.
// Connected means inserted. Every message is a 2-byte big-endian length and a payload.
#pragma once

#include "Tlv.h"

#include <cstdint>
#include <optional>
#include <string>

namespace simcard {

class VpcdLink
{
public:
    VpcdLink(std::string host, std::uint16_t port);
    ~VpcdLink();
    VpcdLink(const VpcdLink&) = delete;
    VpcdLink& operator=(const VpcdLink&) = delete;

    // One connection attempt. False when vpcd is not listening (yet); errorText says why.
    bool connect();
    void close();
    bool isConnected() const { return m_fd >= 0; }
    int fd() const { return m_fd; }
    const std::string& errorText() const { return m_error; }

    // One whole message; call when fd() is readable. nullopt: the connection is gone (closed here too).
    std::optional<Bytes> receive();
    bool send(const Bytes& payload);

private:
    bool readFully(std::uint8_t* buffer, std::size_t size);
    void quickAck() const;

    std::string m_host;
    std::uint16_t m_port;
    int m_fd = -1;
    std::string m_error;
};

} // namespace simcard
