// tokendesk-module-host [--status FILE] --listen SOCKET [--ready FD] MODULE: serves one PKCS#11
// module over p11-kit's RPC on the first connection to a Unix socket, in a process of its own
// (docs/ISOLATION.md). TokenDesk spawns it (posix_spawn: no fork of a threaded process, in which
// p11-kit's own "|command" transport allocates between fork and exec) and waits until FD closes:
// the module is loaded and the socket listens, or the host has gone and its status says why.
// p11-kit-client.so then connects (P11_KIT_SERVER_ADDRESS="unix:path=SOCKET") at C_Initialize.
// This is p11-kit-remote plus what TokenDesk needs of its child:
//  - the module gets ModuleLocks' mutexes (ForwardingModule), so OpenSC's leaked card lock is
//    repaired here as it is in process;
//  - it never outlives TokenDesk, even stuck inside a module call: a pidfd of the parent, polled
//    by a thread that sleeps until the parent is gone (no periodic wake-up);
//  - SIGTERM: the module's C_Finalize (a card released properly), then exit, at once, without
//    the 100 ms p11-kit's C_Finalize spends waiting for a child that has not yet seen EOF;
//  - the status FILE says what the exit status cannot: "pid N" at start, "loaded", "error TEXT"
//    when the module does not load, "signal N" when the module crashes (before its socket closes);
//  - only TokenDesk's user may connect (SO_PEERCRED), and only once;
//  - no core dump (a module's memory may hold a PIN).
// No Qt here: the host starts in a few milliseconds.

#include "ForwardingModule.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <p11-kit/p11-kit.h>
// p11_kit_remote_serve_module: exported (LIBP11_KIT_1.0) and what p11-kit-remote itself calls,
// declared only under this name.
#define P11_KIT_FUTURE_UNSTABLE_API 1
#include <p11-kit/remote.h>
#include <poll.h>
#include <string>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using tokendesk::host::ForwardingModule;

namespace {

int s_status = -1; ///< the status file, or -1

void writeAll(int fd, const char* text, size_t length)
{
    while (fd >= 0 && length > 0) {
        const ssize_t n = ::write(fd, text, length);
        if (n <= 0 && errno != EINTR) {
            return;
        }
        if (n > 0) {
            text += n;
            length -= static_cast<size_t>(n);
        }
    }
}

void status(const std::string& line)
{
    const std::string text = line + '\n';
    writeAll(s_status, text.data(), text.size());
}

/// Async-signal-safe: "signal N\n", then the default action (the signal ends the process).
void onFatalSignal(int signal)
{
    char text[] = "signal 00\n";
    text[7] = static_cast<char>('0' + (signal / 10) % 10);
    text[8] = static_cast<char>('0' + signal % 10);
    writeAll(s_status, text, sizeof text - 1);
    ::raise(signal); // SA_RESETHAND: the default action now
}

void watchFatalSignals()
{
    // Its own stack, so that a stack overflow in the module is reported too.
    static char stack[64 * 1024];
    stack_t alternate{};
    alternate.ss_sp = stack;
    alternate.ss_size = sizeof stack;
    ::sigaltstack(&alternate, nullptr);
    struct sigaction action
    {};
    action.sa_handler = onFatalSignal;
    action.sa_flags = SA_RESETHAND | SA_ONSTACK | SA_NODEFER;
    for (const int signal : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGSYS, SIGTRAP}) {
        ::sigaction(signal, &action, nullptr);
    }
}

/// Ends this process when the parent ends; false when it cannot be watched.
bool watchParent()
{
    const pid_t parent = ::getppid();
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, parent, 0));
    if (pidfd < 0 || ::getppid() != parent) {
        return false; // no pidfd (Linux before 5.3), or the parent is already gone
    }
    std::thread([pidfd] {
        pollfd watched{pidfd, POLLIN, 0};
        while (::poll(&watched, 1, -1) < 0 && errno == EINTR) {
        }
        ::_exit(0); // the parent is gone: nobody will ever read an answer
    }).detach();
    return true;
}

void watchParentByPolling()
{
    std::thread([] {
        while (::getppid() != 1) {
            ::sleep(1);
        }
        ::_exit(0);
    }).detach();
}

/// SIGTERM from TokenDesk: finalize the module if no call runs (one that runs after a second
/// is stuck: exit anyway), then exit.
void watchTermination(const sigset_t& blocked)
{
    std::thread([blocked] {
        int signal = 0;
        while (::sigwait(&blocked, &signal) != 0) {
        }
        std::unique_lock<std::timed_mutex> lock(ForwardingModule::callLock(), std::chrono::seconds(1));
        if (lock.owns_lock()) {
            ForwardingModule::finalize();
        }
        ::_exit(0);
    }).detach();
}

int usage()
{
    std::fputs("usage: tokendesk-module-host [--status FILE] --listen SOCKET [--ready FD] MODULE\n"
               "Serves one PKCS#11 module over p11-kit's RPC on the first connection to SOCKET;\n"
               "TokenDesk starts it for each module it isolates.\n",
               stderr);
    return 2;
}

/// A listening Unix socket at `path` (a stale one replaced), or -1 with the reason in the status.
int listenAt(const char* path)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (std::strlen(path) >= sizeof address.sun_path) {
        status(std::string("error socket path too long: ") + path);
        return -1;
    }
    std::strncpy(address.sun_path, path, sizeof address.sun_path - 1);
    const int listener = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ::unlink(path);
    if (listener < 0 || ::bind(listener, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener, 1) != 0) {
        status(std::string("error ") + path + ": " + std::strerror(errno));
        return -1;
    }
    return listener;
}

/// The first connection of this user's; the socket is then closed and removed.
int acceptOne(int listener, const char* path)
{
    for (;;) {
        const int connection = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (connection < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        ucred peer{};
        socklen_t length = sizeof peer;
        if (::getsockopt(connection, SOL_SOCKET, SO_PEERCRED, &peer, &length) == 0 && peer.uid == ::getuid()) {
            ::close(listener);
            ::unlink(path);
            return connection;
        }
        ::close(connection);
    }
}

} // namespace

int main(int argc, char** argv)
{
    const char* statusFile = nullptr;
    const char* socketPath = nullptr;
    int ready = -1;
    int next = 1;
    while (next + 1 < argc && argv[next][0] == '-') {
        if (std::strcmp(argv[next], "--status") == 0) {
            statusFile = argv[next + 1];
        } else if (std::strcmp(argv[next], "--listen") == 0) {
            socketPath = argv[next + 1];
        } else if (std::strcmp(argv[next], "--ready") == 0) {
            ready = std::atoi(argv[next + 1]);
        } else {
            return usage();
        }
        next += 2;
    }
    if (argc != next + 1 || argv[next][0] == '-' || !socketPath || ready == STDIN_FILENO || ready == STDOUT_FILENO ||
        ready == STDERR_FILENO) {
        return usage();
    }
    const char* modulePath = argv[next];
    if (ready >= 0) {
        ::fcntl(ready, F_SETFD, FD_CLOEXEC); // nothing the module starts inherits it
    }
    if (statusFile) {
        s_status = ::open(statusFile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    }
    status("pid " + std::to_string(::getpid()));

    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    std::string name =
        std::string("tdhost ") + (std::strrchr(modulePath, '/') ? std::strrchr(modulePath, '/') + 1 : modulePath);
    name.resize(std::min<size_t>(name.size(), 15));
    ::prctl(PR_SET_NAME, name.c_str(), 0, 0, 0);

    // SIGTERM is taken by a thread of its own: blocked before any thread starts.
    sigset_t terminate;
    sigemptyset(&terminate);
    sigaddset(&terminate, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &terminate, nullptr);
    // A write to a TokenDesk that went away must fail, not kill us before the module finalizes.
    ::signal(SIGPIPE, SIG_IGN);
    if (!watchParent()) {
        if (::getppid() == 1) {
            return 0;
        }
        watchParentByPolling();
    }
    watchTermination(terminate);
    watchFatalSignals();

    void* library = ::dlopen(modulePath, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char* why = ::dlerror();
        status(std::string("error ") + (why ? why : modulePath));
        return 3;
    }
    auto getFunctionList = reinterpret_cast<CK_C_GetFunctionList>(::dlsym(library, "C_GetFunctionList"));
    CK_FUNCTION_LIST* module = nullptr;
    if (!getFunctionList || getFunctionList(&module) != CKR_OK || !module) {
        status(std::string("error ") + modulePath + ": no C_GetFunctionList (not a PKCS#11 module)");
        return 3;
    }
    status("loaded");
    const int listener = listenAt(socketPath);
    if (listener < 0) {
        return 3;
    }
    if (ready >= 0) {
        writeAll(ready, "L", 1); // listening: TokenDesk may connect now (at exit it sees only EOF)
        ::close(ready);
    }
    const int connection = acceptOne(listener, socketPath);
    if (connection < 0) {
        return 3;
    }
    const int served = p11_kit_remote_serve_module(ForwardingModule::wrap(module), connection, connection);
    // TokenDesk closed the socket: finalize what it left initialized, then go.
    {
        const std::lock_guard<std::timed_mutex> lock(ForwardingModule::callLock());
        ForwardingModule::finalize();
    }
    ::_exit(served == 0 ? 0 : 1);
}
