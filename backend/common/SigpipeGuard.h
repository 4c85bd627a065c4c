#pragma once

#include <csignal>
#include <ctime>
#include <pthread.h>

namespace tokendesk {

/// A library that writes to a socket with write(2) raises SIGPIPE when the other end has gone,
/// which would end the process: libldap on a connection the server dropped, p11-kit-client on
/// the socket of an isolated module whose host died. For as long as one object lives, SIGPIPE is
/// blocked on this thread; one raised meanwhile is taken off (sigtimedwait) before the thread's
/// mask is put back, so the failed write is an EPIPE the library reports (LDAP_SERVER_DOWN,
/// CKR_DEVICE_ERROR), and nothing else in the process changes.
class SigpipeGuard
{
public:
    SigpipeGuard()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    ~SigpipeGuard()
    {
        if (!sigismember(&m_old, SIGPIPE)) {
            const timespec now{0, 0};
            while (sigtimedwait(&m_pipe, nullptr, &now) == SIGPIPE) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }
    SigpipeGuard(const SigpipeGuard&) = delete;
    SigpipeGuard& operator=(const SigpipeGuard&) = delete;

private:
    sigset_t m_pipe;
    sigset_t m_old;
};

} // namespace tokendesk
