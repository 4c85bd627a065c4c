#include "VpcdLink.h"

#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace simcard {

namespace {

// recv is only called when data is there; a peer that stalls this long mid-message is gone.
constexpr int payloadTimeoutMs = 5000;

} // namespace

VpcdLink::VpcdLink(std::string host, std::uint16_t port) : m_host(std::move(host)), m_port(port) {}

VpcdLink::~VpcdLink()
{
    close();
}

bool VpcdLink::connect()
{
    close();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(m_port);
    if (const int rc = ::getaddrinfo(m_host.c_str(), service.c_str(), &hints, &found); rc != 0) {
        m_error = std::string("cannot resolve ") + m_host + ": " + ::gai_strerror(rc);
        return false;
    }
    for (addrinfo* ai = found; ai; ai = ai->ai_next) {
        const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0)
            continue;
        if (::connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            m_fd = fd;
            break;
        }
        m_error = std::string("connect: ") + std::strerror(errno);
        ::close(fd);
    }
    ::freeaddrinfo(found);
    if (m_fd < 0)
        return false;
    // vpcd sends the length and the payload as two segments: without these, Nagle on one
    // side and delayed ACK on the other stall every exchange by ~40 ms.
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const timeval timeout{payloadTimeoutMs / 1000, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    quickAck();
    m_error.clear();
    return true;
}

void VpcdLink::close()
{
    if (m_fd >= 0) {
        ::shutdown(m_fd, SHUT_RDWR);
        ::close(m_fd);
        m_fd = -1;
    }
}

void VpcdLink::quickAck() const
{
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one); // the kernel resets it: set before each recv
}

bool VpcdLink::readFully(std::uint8_t* buffer, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        quickAck();
        const ssize_t n = ::recv(m_fd, buffer + done, size - done, 0);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_error = "vpcd stopped in the middle of a message";
            return false;
        }
        m_error = n == 0 ? "vpcd closed the connection" : std::string("recv: ") + std::strerror(errno);
        return false;
    }
    return true;
}

std::optional<Bytes> VpcdLink::receive()
{
    if (m_fd < 0)
        return std::nullopt;
    std::uint8_t header[2];
    if (!readFully(header, sizeof header)) {
        close();
        return std::nullopt;
    }
    Bytes payload((std::size_t{header[0]} << 8) | header[1]);
    if (!payload.empty() && !readFully(payload.data(), payload.size())) {
        close();
        return std::nullopt;
    }
    return payload;
}

bool VpcdLink::send(const Bytes& payload)
{
    if (m_fd < 0 || payload.size() > 0xFFFF)
        return false;
    Bytes message;
    message.reserve(payload.size() + 2);
    message.push_back(static_cast<std::uint8_t>(payload.size() >> 8));
    message.push_back(static_cast<std::uint8_t>(payload.size() & 0xFF));
    message.insert(message.end(), payload.begin(), payload.end());
    std::size_t done = 0;
    while (done < message.size()) {
        const ssize_t n = ::send(m_fd, message.data() + done, message.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_error = std::string("send: ") + std::strerror(errno);
            close();
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace simcard
