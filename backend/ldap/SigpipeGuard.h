#pragma once

#include <signal.h>

namespace tokendesk {

/// libldap writes with write(2): a connection the server refused or dropped raises SIGPIPE, which
/// would end the process. For as long as one object lives, SIGPIPE is blocked on this thread; one
/// raised meanwhile is taken off (sigtimedwait) before the thread's mask is put back, so the
/// failed write is an EPIPE that libldap reports, and nothing else in the process changes.
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
