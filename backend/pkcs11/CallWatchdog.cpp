#include "CallWatchdog.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace tokendesk {

namespace {

struct Watch
{
    CallWatchdog::Target* target = nullptr;
    CallWatchdog::Clock::time_point deadline;
};

class Watchdog
{
public:
    static Watchdog& instance()
    {
        // Never destroyed: a module call may still be watched while static objects go at exit.
        static Watchdog* watchdog = new Watchdog;
        return *watchdog;
    }

    CallWatchdog::Ticket arm(CallWatchdog::Target* target, CallWatchdog::Clock::time_point deadline)
    {
        std::unique_lock<std::mutex> lock(m_lock);
        const CallWatchdog::Ticket ticket = ++m_nextTicket;
        m_watches.emplace(ticket, Watch{target, deadline});
        if (!m_started) { // one thread for the process (a detached thread is no longer joinable)
            std::thread([this] { run(); }).detach();
            m_started = true;
        }
        if (deadline < m_waitingUntil) {
            m_waitingUntil = deadline;
            lock.unlock();
            m_changed.notify_one();
        }
        return ticket;
    }

    void disarm(CallWatchdog::Ticket ticket)
    {
        std::unique_lock<std::mutex> lock(m_lock);
        // The target is being told right now: it must stay valid until that is done.
        m_told.wait(lock, [&] { return m_telling != ticket; });
        m_watches.erase(ticket);
    }

    int armed()
    {
        const std::lock_guard<std::mutex> lock(m_lock);
        return static_cast<int>(m_watches.size());
    }

private:
    void run()
    {
        std::unique_lock<std::mutex> lock(m_lock);
        for (;;) {
            const auto now = CallWatchdog::Clock::now();
            auto earliest = CallWatchdog::Clock::time_point::max();
            CallWatchdog::Ticket due = 0;
            for (const auto& [ticket, watch] : m_watches) {
                if (watch.deadline <= now) {
                    due = ticket;
                    break;
                }
                earliest = std::min(earliest, watch.deadline);
            }
            if (due != 0) {
                // Told once: the call returns as soon as its child is killed.
                CallWatchdog::Target* target = m_watches[due].target;
                m_watches[due].deadline = CallWatchdog::Clock::time_point::max();
                m_telling = due;
                lock.unlock();
                target->callTimedOut();
                lock.lock();
                m_telling = 0;
                m_told.notify_all();
                continue;
            }
            m_waitingUntil = earliest;
            if (earliest == CallWatchdog::Clock::time_point::max()) {
                m_changed.wait(lock);
            } else {
                m_changed.wait_until(lock, earliest);
            }
        }
    }

    std::mutex m_lock;
    std::condition_variable m_changed; ///< a deadline earlier than m_waitingUntil was armed
    std::condition_variable m_told;    ///< a target has been told
    std::map<CallWatchdog::Ticket, Watch> m_watches;
    CallWatchdog::Ticket m_nextTicket = 0;
    CallWatchdog::Ticket m_telling = 0;
    CallWatchdog::Clock::time_point m_waitingUntil = CallWatchdog::Clock::time_point::max();
    bool m_started = false;
};

} // namespace

CallWatchdog::Ticket CallWatchdog::arm(Target* target, Clock::time_point deadline)
{
    return Watchdog::instance().arm(target, deadline);
}

void CallWatchdog::disarm(Ticket ticket)
{
    Watchdog::instance().disarm(ticket);
}

int CallWatchdog::armed()
{
    return Watchdog::instance().armed();
}

} // namespace tokendesk
