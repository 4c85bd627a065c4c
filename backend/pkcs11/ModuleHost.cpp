#include "ModuleHost.h"

#include "backend/common/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTemporaryDir>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <p11-kit/p11-kit.h>
#include <p11-kit/pkcs11.h>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#ifndef TOKENDESK_P11_MODULE_PATH
#define TOKENDESK_P11_MODULE_PATH "/usr/lib/x86_64-linux-gnu/pkcs11"
#endif
#ifndef TOKENDESK_LIBEXEC_DIR
#define TOKENDESK_LIBEXEC_DIR "/usr/libexec/tokendesk"
#endif

namespace tokendesk {

namespace {

constexpr int kPolicyUnset = -1;
std::atomic<int> s_policy{kPolicyUnset};

QString clientModule()
{
    return QDir(QStringLiteral(TOKENDESK_P11_MODULE_PATH)).filePath(QStringLiteral("p11-kit-client.so"));
}

} // namespace

ModuleHost::Policy ModuleHost::policy()
{
    const int set = s_policy.load();
    if (set != kPolicyUnset) {
        return static_cast<Policy>(set);
    }
    const QString environment = qEnvironmentVariable("TOKENDESK_ISOLATE");
    if (environment == QLatin1String("0")) {
        return Policy::Off;
    }
    return environment == QLatin1String("all") ? Policy::All : Policy::Default;
}

void ModuleHost::setPolicy(Policy policy)
{
    s_policy = static_cast<int>(policy);
}

bool ModuleHost::isolates(Policy policy, const QString& path)
{
    if (policy == Policy::Off) {
        return false;
    }
    const QString file = QFileInfo(path).fileName();
    // NSS's softokn: its library parameters over the RPC are untested (docs/ISOLATION.md).
    if (file == QLatin1String("libsoftokn3.so")) {
        return false;
    }
    // SoftHSM2 reads no card and has no vendor code; in a child it pays ~25 µs per call, which
    // made the 1,000-certificate report 1.7 times slower (docs/BENCHMARKS.md).
    return policy == Policy::All || file != QLatin1String("libsofthsm2.so");
}

QString ModuleHost::hostProgram()
{
    const QString configured = qEnvironmentVariable("TOKENDESK_MODULE_HOST");
    if (!configured.isEmpty()) {
        return QFileInfo(configured).isExecutable() ? configured : QString();
    }
    const QString name = QStringLiteral("tokendesk-module-host");
    QStringList candidates;
    if (QCoreApplication::instance()) {
        const QDir here(QCoreApplication::applicationDirPath());
        // A build folder and the window's libexec folder: beside; the command line's bin: libexec.
        candidates << here.filePath(name) << here.filePath(QStringLiteral("../libexec/tokendesk/") + name);
    }
    candidates << QDir(QStringLiteral(TOKENDESK_LIBEXEC_DIR)).filePath(name);
    for (const QString& candidate : std::as_const(candidates)) {
        if (QFileInfo(candidate).isExecutable()) {
            return QDir::cleanPath(candidate);
        }
    }
    return {};
}

bool ModuleHost::canIsolate(const QString& file)
{
    const QString host = hostProgram();
    const auto plain = [](const QString& path) {
        return !path.contains(QLatin1Char('"')) && !path.contains(QLatin1Char('\\'));
    };
    return QFileInfo(file).isFile() && plain(file) && !host.isEmpty() && plain(host) &&
           QFileInfo::exists(clientModule());
}

QString ModuleHost::newStatusFile()
{
    // Private (0700), removed with the process; under $XDG_RUNTIME_DIR when there is one.
    static std::mutex lock;
    static std::unique_ptr<QTemporaryDir> folder;
    static int count = 0;
    const std::lock_guard<std::mutex> guard(lock);
    if (!folder) {
        // XDG_RUNTIME_DIR read directly: QStandardPaths warns on stderr when it is not set.
        QString base = qEnvironmentVariable("XDG_RUNTIME_DIR");
        if (base.isEmpty() || !QFileInfo(base).isDir() || !QFileInfo(base).isWritable()) {
            base = QDir::tempPath();
        }
        // A socket's path has at most 107 bytes: a deep runtime folder gives way to /tmp.
        if (QFile::encodeName(base).size() > 60) {
            base = QDir::tempPath();
        }
        folder = std::make_unique<QTemporaryDir>(QDir(base).filePath(QStringLiteral("tokendesk-hosts-XXXXXX")));
        if (!folder->isValid()) {
            folder = std::make_unique<QTemporaryDir>();
        }
    }
    return folder->isValid() ? folder->filePath(QStringLiteral("%1.status").arg(++count)) : QString();
}

QString ModuleHost::socketPath(const QString& statusFile)
{
    QString path = statusFile;
    path.replace(QLatin1String(".status"), QLatin1String(".sock"));
    return path;
}

ModuleHost::Spawned ModuleHost::spawn(const QString& file, const QString& statusFile, std::chrono::milliseconds timeout)
{
    QByteArray host = QFile::encodeName(hostProgram());
    QByteArray status = QFile::encodeName(statusFile);
    QByteArray socket = QFile::encodeName(socketPath(statusFile));
    QByteArray module = QFile::encodeName(file);
    QByteArray statusOption("--status"), listenOption("--listen"), readyOption("--ready"), readyFd("3");
    int ready[2];
    if (host.isEmpty() || ::pipe2(ready, O_CLOEXEC) != 0) {
        return {};
    }
    // Nothing of this process but the pipe's end reaches the host: /dev/null for its standard
    // input and output (a module that prints must not reach a report), stderr kept for messages.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, ready[1], 3);
    posix_spawn_file_actions_addclosefrom_np(&actions, 4);
    char* argv[] = {host.data(),         statusOption.data(), status.data(),
                    listenOption.data(), socket.data(),       readyOption.data(),
                    readyFd.data(),      module.data(),       nullptr};
    // A clean start whatever the spawning thread blocks (a SigpipeGuard, Qt's threads): no signal
    // blocked, the usual ones at their defaults; a process group of its own, so that a Ctrl+C at
    // the terminal reaches TokenDesk, which then stops its hosts, and not the hosts mid-call.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (const int signal : {SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGCHLD}) {
        sigaddset(&defaults, signal);
    }
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
    pid_t pid = 0;
    const int failed = ::posix_spawn(&pid, argv[0], &actions, &attributes, argv, environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    ::close(ready[1]);
    if (failed != 0) {
        ::close(ready[0]);
        qCWarning(lcPkcs11) << "cannot start" << hostProgram() << ":" << std::strerror(failed);
        return {};
    }
    // Ready when the host writes "L" (its socket listens) or its end closes without it (it has
    // gone: its status says why).
    Spawned spawned{pid, false, false};
    pollfd watched{ready[0], POLLIN, 0};
    int polled = -1;
    do {
        polled = ::poll(&watched, 1, static_cast<int>(timeout.count()));
    } while (polled < 0 && errno == EINTR);
    if (polled > 0) {
        char byte = 0;
        ssize_t n = -1;
        do {
            n = ::read(ready[0], &byte, 1);
        } while (n < 0 && errno == EINTR);
        spawned.ready = true;
        spawned.listening = n == 1 && byte == 'L';
        if (!spawned.listening) {
            waitExit(pid, timeout); // its end closed as it exited: a moment before it has ended
        }
    }
    ::close(ready[0]);
    return spawned;
}

bool ModuleHost::reap(qint64 pid)
{
    if (pid <= 0) {
        return true;
    }
    if (!waitExit(pid, std::chrono::milliseconds(0))) {
        return false;
    }
    pid_t reaped = -1;
    do {
        reaped = ::waitpid(static_cast<pid_t>(pid), nullptr, 0);
    } while (reaped < 0 && errno == EINTR);
    return true;
}

_CK_FUNCTION_LIST* ModuleHost::load(const QString& file, const QString& statusFile, QString* message)
{
    // The address is read from the environment inside C_GetFunctionList: one load at a time.
    static std::mutex environmentLock;
    const std::lock_guard<std::mutex> lock(environmentLock);
    const QByteArray address = "unix:path=" + QFile::encodeName(socketPath(statusFile));
    const QByteArray before = qgetenv("P11_KIT_SERVER_ADDRESS");
    const bool hadBefore = qEnvironmentVariableIsSet("P11_KIT_SERVER_ADDRESS");
    qputenv("P11_KIT_SERVER_ADDRESS", address);
    p11_kit_be_quiet();
    CK_FUNCTION_LIST* functions = p11_kit_module_load(QFile::encodeName(clientModule()).constData(), 0);
    if (!functions && message) {
        const char* text = p11_kit_message();
        *message = text ? QString::fromUtf8(text) : clientModule();
    }
    p11_kit_be_loud();
    if (hadBefore) {
        qputenv("P11_KIT_SERVER_ADDRESS", before);
    } else {
        qunsetenv("P11_KIT_SERVER_ADDRESS");
    }
    qCDebug(lcPkcs11) << "isolated" << file << "at" << address;
    return functions;
}

ModuleHost::Status ModuleHost::readStatus(const QString& statusFile)
{
    Status status;
    QFile in(statusFile);
    if (statusFile.isEmpty() || !in.open(QIODevice::ReadOnly)) {
        return status;
    }
    // A few short lines; a host never writes more (the limit guards against anything else).
    for (const QByteArray& line : in.read(64 * 1024).split('\n')) {
        if (line.startsWith("pid ")) {
            status.pid = line.mid(4).toLongLong();
        } else if (line == "loaded") {
            status.loaded = true;
        } else if (line.startsWith("error ")) {
            status.error = QString::fromUtf8(line.mid(6));
        } else if (line.startsWith("signal ")) {
            status.signal = line.mid(7).toInt();
        }
    }
    return status;
}

std::optional<ModuleHost::Exit> ModuleHost::peekExit(qint64 pid)
{
    if (pid <= 0) {
        return std::nullopt;
    }
    siginfo_t info{};
    // WNOWAIT: the child stays a zombie, for reap().
    if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
        if (errno == ECHILD) {
            // Reaped already.
            Exit gone;
            gone.reaped = true;
            return gone;
        }
        return std::nullopt;
    }
    if (info.si_pid == 0) {
        return std::nullopt;
    }
    Exit exit;
    if (info.si_code == CLD_KILLED || info.si_code == CLD_DUMPED) {
        exit.signal = info.si_status;
    } else {
        exit.status = info.si_status;
    }
    return exit;
}

bool ModuleHost::waitExit(qint64 pid, std::chrono::milliseconds timeout)
{
    if (pid <= 0) {
        return true;
    }
    // A pidfd is readable once the process has ended (a zombie too): no polling loop.
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, static_cast<pid_t>(pid), 0));
    if (pidfd < 0 && errno == ESRCH) {
        return true; // reaped already
    }
    if (pidfd >= 0) {
        pollfd watched{pidfd, POLLIN, 0};
        int ready = -1;
        do {
            ready = ::poll(&watched, 1, static_cast<int>(timeout.count()));
        } while (ready < 0 && errno == EINTR);
        ::close(pidfd);
        return ready > 0 || peekExit(pid).has_value();
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!peekExit(pid)) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

} // namespace tokendesk
