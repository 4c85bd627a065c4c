// Pkcs11Module's half for an isolated module (docs/ISOLATION.md): its child process stopped, why
// it failed (crashed, stopped answering), and a new child on restart(). The calls themselves are
// Pkcs11Module.cpp's, in process or not.

#include "Pkcs11Module.h"
#include "backend/common/Logging.h"

#include <QFile>
#include <csignal>
#include <p11-kit/pkcs11.h>

namespace tokendesk {

void Pkcs11Module::stopChild(bool gently) const
{
    const qint64 pid = m_hostPid.load();
    if (pid <= 0 || ModuleHost::peekExit(pid)) {
        return;
    }
    ::kill(static_cast<pid_t>(pid), gently ? SIGTERM : SIGKILL);
    if (!ModuleHost::waitExit(pid, std::chrono::seconds(2)) && gently) {
        ::kill(static_cast<pid_t>(pid), SIGKILL);
        ModuleHost::waitExit(pid, std::chrono::seconds(2));
    }
}

void Pkcs11Module::callTimedOut()
{
    {
        const std::lock_guard<std::mutex> lock(m_hostLock);
        m_hung = true;
    }
    const qint64 pid = m_hostPid.load();
    qCWarning(lcPkcs11) << m_info.path << "did not answer within" << timeout(Wait::Module).count()
                        << "ms: stopping its process" << pid;
    if (pid > 0) {
        ::kill(static_cast<pid_t>(pid), SIGKILL);
    }
}

Pkcs11Error Pkcs11Module::failure(Pkcs11Error::Kind kind, const QString& function) const
{
    Pkcs11Error error = Pkcs11Error::fromCode(CKR_DEVICE_ERROR, function);
    error.kind = kind;
    error.detail = m_info.path;
    return error;
}

std::optional<Pkcs11Error> Pkcs11Module::hostFailure() const
{
    if (!m_info.isolated) {
        return std::nullopt;
    }
    const std::lock_guard<std::mutex> lock(m_hostLock);
    const QString function = m_failedIn.isEmpty() ? QStringLiteral("C_GetSlotList") : m_failedIn;
    if (m_hung) {
        Pkcs11Error error = failure(Pkcs11Error::Kind::ModuleHung, function);
        error.timeoutMs = timeout(Wait::Module).count();
        return error;
    }
    // The signal from the exit status, or from what the host wrote as it died: the line is
    // there before its socket closes. A host that ended without a signal died too.
    const auto exit = ModuleHost::peekExit(m_hostPid.load());
    const int signal = exit && exit->signal != 0 ? exit->signal : ModuleHost::readStatus(m_statusFile).signal;
    if (signal == 0 && (!exit || exit->reaped)) {
        return std::nullopt;
    }
    Pkcs11Error error = failure(Pkcs11Error::Kind::ModuleCrashed, function);
    error.signal = signal;
    return error;
}

Pkcs11Error Pkcs11Module::error(quint64 rv, const QString& function) const
{
    if (m_info.isolated && rv == CKR_DEVICE_ERROR) {
        {
            const std::lock_guard<std::mutex> lock(m_hostLock);
            if (m_failedIn.isEmpty()) {
                m_failedIn = function;
            }
        }
        // A child killed otherwise than by a signal it reports (SIGKILL from outside, the OOM
        // killer) closes its socket a moment before it is gone.
        if (ModuleHost::readStatus(m_statusFile).signal == 0) {
            ModuleHost::waitExit(m_hostPid.load(), std::chrono::milliseconds(50));
        }
        if (auto failure = hostFailure()) {
            qCWarning(lcPkcs11) << m_info.path << Pkcs11Error::kindName(failure->kind) << "in" << failure->function
                                << "signal" << failure->signal;
            return *failure;
        }
        const std::lock_guard<std::mutex> lock(m_hostLock);
        if (m_failedIn == function) {
            m_failedIn.clear(); // a device error of the token's own: the child lives
        }
    }
    return Pkcs11Error::fromCode(rv, function);
}

Status<Pkcs11Error> Pkcs11Module::restart(bool now) const
{
    const auto before = hostFailure();
    if (!before) {
        return Done{};
    }
    {
        const std::lock_guard<std::mutex> lock(m_hostLock);
        if (!now && std::chrono::steady_clock::now() < m_nextRestart) {
            return *before; // not yet: a module that keeps dying is not restarted in a loop
        }
    }
    // Alone: calls in flight on a dead child fail at once, a hung one was killed.
    const std::unique_lock<std::shared_mutex> exclusive(m_restartLock);
    stopChild(false);
    {
        const ModuleLocks::CallScope scope;
        const SigpipeGuard pipe;
        m_functions->C_Finalize(nullptr); // the client's side: its socket is closed already
    }
    ModuleHost::reap(m_hostPid.load());
    m_hostPid = 0;
    {
        const std::lock_guard<std::mutex> lock(m_hostLock);
        m_hung = false;
        m_failedIn.clear();
    }
    QFile(m_statusFile).resize(0); // the last child's signal is not the next one's
    const CK_RV rv = initializeModule();
    const auto failed =
        rv == CKR_OK ? hostFailure() : std::optional<Pkcs11Error>(error(rv, QStringLiteral("C_Initialize")));
    const std::lock_guard<std::mutex> lock(m_hostLock);
    if (failed) {
        m_restartDelay = std::min(60, m_restartDelay == 0 ? 1 : m_restartDelay * 2);
        m_nextRestart = std::chrono::steady_clock::now() + std::chrono::seconds(m_restartDelay);
        qCWarning(lcPkcs11) << m_info.path << "did not restart:" << Pkcs11Error::kindName(failed->kind) << "; next in"
                            << m_restartDelay << "s";
        return *failed;
    }
    m_restartDelay = 0;
    m_finalize = true;
    qCInfo(lcPkcs11) << m_info.path << "restarted in process" << m_hostPid.load();
    return Done{};
}

} // namespace tokendesk
