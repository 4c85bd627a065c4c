#include "ReaderMonitor.h"

#include "PcscContext.h"
#include "PcscStates.h"
#include "backend/common/Logging.h"

#include <algorithm>
#include <winscard.h>

namespace tokendesk {

namespace {
constexpr int kFirstBackoffMs = 100;
constexpr int kMaxBackoffMs = 1000;
// Where \\?PnP?\Notification is unsupported, readers are listed this often.
constexpr DWORD kListIntervalMs = 1000;
// How often stop() repeats its cancel while the thread has not ended.
constexpr unsigned long kStopRetryMs = 50;
} // namespace

ReaderMonitor::ReaderMonitor(QObject* parent) : QThread(parent)
{
    qRegisterMetaType<tokendesk::ReaderList>("tokendesk::ReaderList");
    qRegisterMetaType<tokendesk::PcscError>("tokendesk::PcscError");
    qRegisterMetaType<tokendesk::ReaderMonitor::ServiceState>("tokendesk::ReaderMonitor::ServiceState");
}

ReaderMonitor::~ReaderMonitor()
{
    stop();
}

void ReaderMonitor::stop()
{
    requestInterruption();
    // SCardCancel only ends a call that is blocked right now: one that lands
    // between two SCardGetStatusChange calls is lost. So cancel until the
    // thread has really ended (it checks the interruption before each wait).
    do {
        QMutexLocker lock(&m_mutex);
        if (m_hasContext) {
            // SCardCancel is the one call made with another thread's context.
            SCardCancel(static_cast<SCARDCONTEXT>(m_blockingContext));
        }
        m_wake.wakeAll();
    } while (!wait(kStopRetryMs));
}

ReaderList ReaderMonitor::readers() const
{
    QMutexLocker lock(&m_mutex);
    return m_readers;
}

ReaderMonitor::ServiceState ReaderMonitor::serviceState() const
{
    QMutexLocker lock(&m_mutex);
    return m_serviceState;
}

void ReaderMonitor::run()
{
    int backoff = kFirstBackoffMs;
    bool everConnected = false;
    while (!isInterruptionRequested()) {
        PcscError lost;
        {
            auto context = PcscContext::establish();
            if (!context) {
                qCDebug(lcPcsc) << "no PC/SC service:" << context.error().codeName();
                setServiceState(everConnected ? ServiceState::Restarting : ServiceState::Absent);
                if (!sleepUnlessStopped(backoff)) {
                    break;
                }
                backoff = std::min(backoff * 2, kMaxBackoffMs);
                continue;
            }
            {
                QMutexLocker lock(&m_mutex);
                m_blockingContext = context.value().handle();
                m_hasContext = true;
            }
            // stop() may have come before the handle was published: it then cancelled nothing.
            if (!isInterruptionRequested()) {
                everConnected = true;
                backoff = kFirstBackoffMs;
                setServiceState(ServiceState::Running);
                lost = watch(context.value());
            }
            QMutexLocker lock(&m_mutex);
            m_hasContext = false; // before the context is released at the end of this scope
        }
        if (isInterruptionRequested()) {
            break;
        }
        if (lost.kind() == PcscError::Kind::NoService) {
            qCInfo(lcPcsc) << "PC/SC service lost (" << lost.codeName() << "), reconnecting";
            setServiceState(ServiceState::Restarting);
            publish({});
        } else {
            qCWarning(lcPcsc) << lost.function << "failed:" << lost.codeName();
            Q_EMIT failed(lost);
        }
        if (!sleepUnlessStopped(backoff)) {
            break;
        }
        backoff = std::min(backoff * 2, kMaxBackoffMs);
    }
}

PcscError ReaderMonitor::watch(const PcscContext& context)
{
    const auto ctx = static_cast<SCARDCONTEXT>(context.handle());
    bool pnpSupported = true;
    while (!isInterruptionRequested()) {
        auto names = context.listReaders();
        if (!names) {
            return names.error();
        }
        PcscStates states(names.value(), pnpSupported);
        while (!isInterruptionRequested()) {
            const DWORD timeout = pnpSupported ? INFINITE : kListIntervalMs;
            const LONG rv = SCardGetStatusChange(ctx, timeout, states.data(), states.count());
            if (rv == SCARD_E_TIMEOUT) {
                break; // polling fallback: list readers again
            }
            if (rv == SCARD_E_CANCELLED) {
                if (isInterruptionRequested()) {
                    return PcscError{static_cast<quint32>(rv), QStringLiteral("SCardGetStatusChange")};
                }
                continue;
            }
            if (rv == SCARD_E_UNKNOWN_READER) {
                break; // a reader left between listing and waiting
            }
            if (rv != SCARD_S_SUCCESS) {
                return PcscError{static_cast<quint32>(rv), QStringLiteral("SCardGetStatusChange")};
            }
            if (pnpSupported && (states.data()[states.count() - 1].dwEventState & SCARD_STATE_UNKNOWN)) {
                qCInfo(lcPcsc) << "no PnP notification here; listing readers every" << kListIntervalMs << "ms";
                pnpSupported = false;
            }
            const bool readersChanged = states.acknowledge();
            publish(states.snapshot());
            if (readersChanged || !pnpSupported) {
                break;
            }
        }
    }
    return PcscError{static_cast<quint32>(SCARD_E_CANCELLED), QStringLiteral("SCardGetStatusChange")};
}

bool ReaderMonitor::sleepUnlessStopped(int milliseconds)
{
    QMutexLocker lock(&m_mutex);
    if (!isInterruptionRequested()) {
        m_wake.wait(&m_mutex, static_cast<unsigned long>(milliseconds));
    }
    return !isInterruptionRequested();
}

void ReaderMonitor::publish(const ReaderList& readers)
{
    {
        QMutexLocker lock(&m_mutex);
        if (readers == m_readers) {
            return;
        }
        m_readers = readers;
    }
    qCDebug(lcPcsc) << "readers changed:" << readers.size();
    Q_EMIT readersChanged(readers);
}

void ReaderMonitor::setServiceState(ServiceState state)
{
    {
        QMutexLocker lock(&m_mutex);
        if (state == m_serviceState) {
            return;
        }
        m_serviceState = state;
    }
    Q_EMIT serviceStateChanged(state);
}

} // namespace tokendesk
