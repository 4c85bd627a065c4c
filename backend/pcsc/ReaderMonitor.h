#pragma once

#include "PcscError.h"
#include "ReaderInfo.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

namespace tokendesk {

class PcscContext;

/// Watches readers and cards on a thread of its own, with a PC/SC context of
/// its own, blocked in SCardGetStatusChange on every reader plus
/// \\?PnP?\Notification with an infinite timeout: an idle monitor makes no
/// PC/SC calls. stop() (or the destructor) cancels that call and waits.
///
/// When pcscd goes away it re-establishes its context with backoff
/// (100 ms doubling to 1 s), so readers come back soon after pcscd does.
class ReaderMonitor : public QThread
{
    Q_OBJECT
public:
    enum class ServiceState
    {
        Starting,   ///< not connected yet
        Running,    ///< connected to pcscd
        Restarting, ///< pcscd was lost; reconnecting
        Absent,     ///< pcscd never answered since start
    };
    Q_ENUM(ServiceState)

    explicit ReaderMonitor(QObject* parent = nullptr);
    ~ReaderMonitor() override;

    /// Cancel the blocking call and wait for the thread. Safe to call twice.
    void stop();

    /// The last published snapshot (thread-safe).
    ReaderList readers() const;
    ServiceState serviceState() const;

Q_SIGNALS:
    /// Every reader with its card, after any change.
    void readersChanged(const tokendesk::ReaderList& readers);
    void serviceStateChanged(tokendesk::ReaderMonitor::ServiceState state);
    /// A PC/SC call failed in a way the monitor cannot handle by itself.
    void failed(const tokendesk::PcscError& error);

protected:
    void run() override;

private:
    /// Watches until the service is lost or the monitor is stopped.
    PcscError watch(const PcscContext& context);
    bool sleepUnlessStopped(int milliseconds);
    void publish(const ReaderList& readers);
    void setServiceState(ServiceState state);

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    qintptr m_blockingContext = 0; ///< the context to SCardCancel, valid while m_hasContext
    bool m_hasContext = false;
    ReaderList m_readers;
    ServiceState m_serviceState = ServiceState::Starting;
};

} // namespace tokendesk
