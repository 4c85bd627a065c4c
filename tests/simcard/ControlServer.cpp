#include "ControlServer.h"

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace simcard {

namespace {

constexpr std::size_t maxLine = 256; // commands are single words; more is garbage

} // namespace

ControlServer::ControlServer(std::string path, Handler handler) : m_path(std::move(path)), m_handler(std::move(handler))
{}

ControlServer::~ControlServer()
{
    for (const Client& c : m_clients)
        ::close(c.fd);
    if (m_listenFd >= 0) {
        ::close(m_listenFd);
        ::unlink(m_path.c_str());
    }
}

bool ControlServer::listen(std::string* error)
{
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (m_path.size() >= sizeof addr.sun_path) {
        *error = "control socket path too long: " + m_path;
        return false;
    }
    std::memcpy(addr.sun_path, m_path.c_str(), m_path.size() + 1);
    m_listenFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0) {
        *error = std::string("socket: ") + std::strerror(errno);
        return false;
    }
    ::unlink(m_path.c_str()); // a socket file left behind by a simulator that was killed
    const mode_t old = ::umask(0077);
    const int rc = ::bind(m_listenFd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
    ::umask(old);
    if (rc != 0 || ::listen(m_listenFd, 8) != 0) {
        *error = "cannot listen on " + m_path + ": " + std::strerror(errno);
        ::close(m_listenFd);
        m_listenFd = -1;
        return false;
    }
    return true;
}

void ControlServer::addPollFds(std::vector<pollfd>& fds) const
{
    if (m_listenFd >= 0)
        fds.push_back({m_listenFd, POLLIN, 0});
    for (const Client& c : m_clients)
        fds.push_back({c.fd, POLLIN, 0});
}

void ControlServer::accept()
{
    const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0)
        m_clients.push_back({fd, {}});
}

void ControlServer::dropClient(std::size_t index)
{
    ::close(m_clients[index].fd);
    m_clients.erase(m_clients.begin() + static_cast<std::ptrdiff_t>(index));
}

void ControlServer::handle(int fd, short revents)
{
    if (fd == m_listenFd) {
        if (revents & POLLIN)
            accept();
        return;
    }
    for (std::size_t i = 0; i < m_clients.size(); ++i) {
        if (m_clients[i].fd != fd)
            continue;
        char chunk[256];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                return;
            dropClient(i);
            return;
        }
        m_clients[i].buffer.append(chunk, static_cast<std::size_t>(n));
        std::string& buffer = m_clients[i].buffer;
        std::size_t eol;
        while ((eol = buffer.find('\n')) != std::string::npos) {
            std::string line = buffer.substr(0, eol);
            buffer.erase(0, eol + 1);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            // The handler may stop the program ("quit"), so the answer is written first thing.
            const std::string answer = m_handler(line) + "\n";
            if (::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL) < 0) {
                dropClient(i);
                return;
            }
        }
        if (buffer.size() > maxLine)
            dropClient(i);
        return;
    }
}

} // namespace simcard
