#pragma once

#include <array>
#include <csignal>

namespace tokendesk {

/// While it lives, SIGINT, SIGTERM and SIGHUP only raise a flag, so that a blocking operation
/// that can be undone (an import) asks raised() between steps and undoes what it did instead of
/// dying half-way. The previous handlers come back when it goes; one instance at a time.
class InterruptFlag
{
public:
    InterruptFlag()
    {
        s_raised = 0;
        struct sigaction action = {};
        action.sa_handler = [](int) {
            s_raised = 1;
        };
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < kSignals.size(); ++i) {
            ::sigaction(kSignals[i], &action, &m_previous[i]);
        }
    }
    ~InterruptFlag()
    {
        for (std::size_t i = 0; i < kSignals.size(); ++i) {
            ::sigaction(kSignals[i], &m_previous[i], nullptr);
        }
    }
    InterruptFlag(const InterruptFlag&) = delete;
    InterruptFlag& operator=(const InterruptFlag&) = delete;

    static bool raised() { return s_raised != 0; }

private:
    static constexpr std::array<int, 3> kSignals = {SIGINT, SIGTERM, SIGHUP};
    static inline volatile std::sig_atomic_t s_raised = 0;
    std::array<struct sigaction, kSignals.size()> m_previous{};
};

} // namespace tokendesk
