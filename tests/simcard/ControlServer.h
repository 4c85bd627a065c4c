// The simulator's control socket: a unix stream socket that takes one command per line
// ("remove", "insert", "status", "quit") and answers each with one line.
#pragma once

#include <functional>
#include <string>
#include <vector>

struct pollfd;

namespace simcard {

class ControlServer
{
public:
    using Handler = std::function<std::string(const std::string& command)>;

    ControlServer(std::string path, Handler handler);
    ~ControlServer(); // closes every connection and removes the socket file
    ControlServer(const ControlServer&) = delete;
    ControlServer& operator=(const ControlServer&) = delete;

    bool listen(std::string* error);
    // The descriptors to wait on, and what to do when poll says they are ready.
    void addPollFds(std::vector<pollfd>& fds) const;
    void handle(int fd, short revents);

private:
    struct Client
    {
        int fd = -1;
        std::string buffer;
    };
    void accept();
    void dropClient(std::size_t index);

    std::string m_path;
    Handler m_handler;
    int m_listenFd = -1;
    std::vector<Client> m_clients;
};

} // namespace simcard
