#include "ModuleHost.h"

#include "backend/common/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <csignal>
#include <cstdlib>
#include <mutex>
#include <p11-kit/p11-kit.h>
#include <p11-kit/pkcs11.h>
#include <sys/wait.h>

#ifndef TOKENDESK_P11_MODULE_PATH
#define TOKENDESK_P11_MODULE_PATH "/usr/lib/x86_64-linux-gnu/pkcs11"
#endif

namespace tokendesk {

namespace {

QString clientModule()
{
    return QDir(QStringLiteral(TOKENDESK_P11_MODULE_PATH)).filePath(QStringLiteral("p11-kit-client.so"));
}

/// A child that dies between two calls makes the next call's write(2) raise SIGPIPE, which
/// would end TokenDesk: the call must fail with CKR_DEVICE_ERROR instead.
void ignoreSigpipe()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction old
        {};
        if (sigaction(SIGPIPE, nullptr, &old) == 0 && old.sa_handler == SIG_DFL) {
            std::signal(SIGPIPE, SIG_IGN);
        }
    });
}

} // namespace

bool ModuleHost::enabledByEnvironment()
{
    return qEnvironmentVariable("TOKENDESK_ISOLATE") == QLatin1String("1");
}

QString ModuleHost::remoteProgram()
{
    const QString configured = qEnvironmentVariable("TOKENDESK_P11_KIT_REMOTE");
    if (!configured.isEmpty()) {
        return QFileInfo(configured).isExecutable() ? configured : QString();
    }
    // Debian, Ubuntu, Fedora: libexecdir; Arch: lib; a multiarch libexec on some derivatives.
    const QString multiarch = QFileInfo(QStringLiteral(TOKENDESK_P11_MODULE_PATH)).path();
    const QStringList candidates{QStringLiteral("/usr/libexec/p11-kit/p11-kit-remote"),
                                 QStringLiteral("/usr/lib/p11-kit/p11-kit-remote"),
                                 multiarch + QStringLiteral("/p11-kit/p11-kit-remote")};
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isExecutable()) {
            return candidate;
        }
    }
    return {};
}

bool ModuleHost::canIsolate(const QString& file)
{
    return QFileInfo(file).isFile() && !file.contains(QLatin1Char('"')) && !file.contains(QLatin1Char('\\')) &&
           !remoteProgram().isEmpty() && QFileInfo::exists(clientModule());
}

_CK_FUNCTION_LIST* ModuleHost::load(const QString& file, QString* message)
{
    ignoreSigpipe();
    // The address is read from the environment inside C_GetFunctionList: one load at a time.
    static std::mutex environmentLock;
    const std::lock_guard<std::mutex> lock(environmentLock);
    const QByteArray address = "|\"" + QFile::encodeName(remoteProgram()) + "\" \"" + QFile::encodeName(file) + '"';
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
    qCDebug(lcPkcs11) << "isolated" << file << "through" << address;
    return functions;
}

qint64 ModuleHost::findChild(const QString& file)
{
    // p11-kit keeps the pid to itself; the child is ours, and its command line names the module.
    const QByteArray wanted = QFile::encodeName(file);
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile children(tasks.filePath(task + QStringLiteral("/children")));
        if (!children.open(QIODevice::ReadOnly)) {
            continue;
        }
        for (const QByteArray& pid : children.readAll().split(' ')) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(QString::fromLatin1(pid.trimmed())));
            if (pid.trimmed().isEmpty() || !cmdline.open(QIODevice::ReadOnly)) {
                continue;
            }
            const QList<QByteArray> args = cmdline.readAll().split('\0');
            if (args.contains(wanted)) {
                return pid.trimmed().toLongLong();
            }
        }
    }
    return 0;
}

std::optional<ModuleHost::Exit> ModuleHost::peekExit(qint64 pid)
{
    if (pid <= 0) {
        return std::nullopt;
    }
    siginfo_t info{};
    // WNOWAIT: the child stays a zombie for p11-kit's waitpid at C_Finalize.
    if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid == 0) {
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

} // namespace tokendesk
