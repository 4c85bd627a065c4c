#pragma once

#include <csignal>
#include <ctime>
#include <pthread.h>

namespace tokendesk {

/// SIGPIPE held back on this thread for a scope (RAII), and dropped if one came.
///
/// A call into an isolated module writes to its child's socket (p11-kit's plain write(2)); when
/// the child has died, that write raises SIGPIPE on the calling thread, which would end TokenDesk
/// (or run a test framework's crash handler) instead of failing the call with CKR_DEVICE_ERROR.
/// Blocking it on the calling thread leaves the rest of the process's signal handling alone.
class SigpipeBlock
{
public:
    SigpipeBlock()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_before);
    }
    ~SigpipeBlock()
    {
        if (sigismember(&m_before, SIGPIPE)) {
            return; // blocked before: whoever blocked it deals with it
        }
        sigset_t pending;
        if (sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE)) {
            const timespec now{0, 0};
            sigtimedwait(&m_pipe, nullptr, &now);
        }
        pthread_sigmask(SIG_SETMASK, &m_before, nullptr);
    }
    SigpipeBlock(const SigpipeBlock&) = delete;
    SigpipeBlock& operator=(const SigpipeBlock&) = delete;

private:
    sigset_t m_pipe;
    sigset_t m_before;
};

} // namespace tokendesk
