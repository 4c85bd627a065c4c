#pragma once

#include <chrono>
#include <cstdint>

namespace tokendesk {

/// Watches calls into isolated modules: one thread per process that sleeps until the earliest
/// deadline of the calls in flight (and for ever when there is none: an idle TokenDesk is not
/// woken), then tells the call's Target that it did not return in time. The target kills its
/// module's child, which makes the call return CKR_DEVICE_ERROR (docs/ISOLATION.md).
///
/// Arming costs a lock and a map insertion; the thread is woken only when a call's deadline is
/// earlier than the one it waits for, which in a burst of calls is the first call only.
class CallWatchdog
{
public:
    /// Told, on the watchdog's thread, that a call is past its deadline. Valid from arm() until
    /// disarm() returns (disarm waits while the target is being told).
    class Target
    {
    public:
        virtual void callTimedOut() = 0;

    protected:
        ~Target() = default;
    };

    using Clock = std::chrono::steady_clock;
    using Ticket = std::uint64_t;

    static Ticket arm(Target* target, Clock::time_point deadline);
    static void disarm(Ticket ticket);
    /// Calls in flight now (for tests).
    static int armed();
};

} // namespace tokendesk
