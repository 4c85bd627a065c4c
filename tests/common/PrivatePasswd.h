// Test accounts that exist for one test process only. PRIVATE_PASSWD_TEST_MAIN(TestClass) replaces
// QTEST_MAIN: before the tests run, it writes a passwd and a group file (the machine's root line,
// then alice and bob with homes in a temporary folder, then carol whose home does not exist) and
// makes them the only accounts this process and the programs it starts (pklogin_finder, getent,
// tokendesk) see. The machine's own files are never changed. Two ways, the first that works:
//
// - a mount namespace of its own (unshare(CLONE_NEWNS), every mount made private so nothing
//   propagates back) where they and an nsswitch.conf that reads only them are bind-mounted over
//   /etc/passwd, /etc/group and /etc/nsswitch.conf: every reader of those files, whatever it links,
//   sees them. Needs root (the tests run as root in the bench);
// - where mount namespaces are refused (an unprivileged container, a chroot whose root is not a
//   mount point) or TOKENDESK_TEST_NO_MOUNT_NAMESPACE=1 asks for it: cwrap's nss_wrapper (Debian
//   libnss-wrapper). The program executes itself again with LD_PRELOAD=libnss_wrapper.so and
//   NSS_WRAPPER_PASSWD / NSS_WRAPPER_GROUP naming the files, so that getpwent, getpwnam_r, getpwuid
//   and the group calls of this process and of everything it starts (the environment is inherited)
//   answer from them. ASan's check that its runtime comes first is turned off for that
//   (verify_asan_link_order=0: nss_wrapper intercepts no allocation), and so is nss_wrapper's
//   RTLD_DEEPBIND, which ASan refuses (NSS_WRAPPER_DISABLE_DEEPBIND=1, nss_wrapper's switch for it).
//
// One line on stderr says which way ran. The temporary folder is removed at the end.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <pwd.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef TOKENDESK_NSS_WRAPPER_LIBRARY
#define TOKENDESK_NSS_WRAPPER_LIBRARY "/usr/lib/x86_64-linux-gnu/libnss_wrapper.so"
#endif

class PrivatePasswd
{
public:
    struct Account
    {
        const char* login;
        uid_t uid;
        gid_t gid;
    };
    static constexpr Account kAlice{"alice", 60001, 60001};
    static constexpr Account kBob{"bob", 60002, 60002};
    /// In passwd, but its home folder does not exist.
    static constexpr Account kCarol{"carol", 60003, 60003};

    enum class Mode
    {
        MountNamespace, // files bind-mounted over /etc in a namespace of the process's own
        NssWrapper,     // the files through nss_wrapper (LD_PRELOAD), /etc untouched
    };
    /// Set to 1, the namespace is not tried: how CI runs the nss_wrapper way too.
    static constexpr const char* kNoNamespaceVariable = "TOKENDESK_TEST_NO_MOUNT_NAMESPACE";
    /// Passes the folder to the process executed again under nss_wrapper.
    static constexpr const char* kFolderVariable = "TOKENDESK_PRIVATE_PASSWD_DIR";

    static PrivatePasswd*& instance()
    {
        static PrivatePasswd* current = nullptr;
        return current;
    }

    PrivatePasswd() { instance() = this; }
    ~PrivatePasswd()
    {
        instance() = nullptr;
        if (!m_root.isEmpty()) {
            QDir(m_root).removeRecursively();
        }
    }
    PrivatePasswd(const PrivatePasswd&) = delete;
    PrivatePasswd& operator=(const PrivatePasswd&) = delete;

    Mode mode() const { return m_mode; }
    QString root() const { return m_root; }
    QString home(const char* login) const { return m_root + QLatin1Char('/') + QString::fromLatin1(login); }

    /// Creates (again) the home folder of `account`: empty, mode 0755, owned by the account.
    bool resetHome(const Account& account, QString* error) const
    {
        const QString path = home(account.login);
        if (QDir(path).exists() && !QDir(path).removeRecursively()) {
            *error = QStringLiteral("cannot empty %1").arg(path);
            return false;
        }
        const QByteArray bytes = QFile::encodeName(path);
        if (::mkdir(bytes.constData(), 0755) != 0 || ::chmod(bytes.constData(), 0755) != 0 ||
            ::chown(bytes.constData(), account.uid, account.gid) != 0) {
            *error = QStringLiteral("home %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        return true;
    }

    /// Puts the accounts in place, before the QCoreApplication. Does not return when it executes
    /// the program again under nss_wrapper (argv are its arguments).
    bool setUp(char* argv[], QString* error)
    {
        const QByteArray adopted = qgetenv(kFolderVariable);
        if (!adopted.isEmpty()) {
            // Executed again: the files are written and nss_wrapper is preloaded.
            m_root = QFile::decodeName(adopted);
            m_mode = Mode::NssWrapper;
            qunsetenv(kFolderVariable);
            return checkWrapper(error);
        }
        QTemporaryDir dir;
        if (!dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        dir.setAutoRemove(false);
        m_root = dir.path();
        // QTemporaryDir makes it 0700: the accounts must be able to reach their homes in it.
        if (::chmod(QFile::encodeName(m_root).constData(), 0755) != 0) {
            return fail(error, "chmod of the temporary folder");
        }
        if (!writeFiles(error)) {
            return false;
        }
        const QString refused = enterNamespace();
        if (refused.isEmpty()) {
            std::fprintf(stderr, "PrivatePasswd: accounts in a private mount namespace (passwd, group and "
                                 "nsswitch.conf bind-mounted over /etc)\n");
            return true;
        }
        return executeUnderWrapper(argv, refused, error);
    }

private:
    static bool fail(QString* error, const char* what)
    {
        *error = QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }

    QString file(const char* name) const { return m_root + QStringLiteral("/etc-") + QLatin1String(name); }

    bool writeFiles(QString* error) const
    {
        QByteArray rootLine = QByteArrayLiteral("root:x:0:0:root:/root:/bin/sh");
        QFile real(QStringLiteral("/etc/passwd"));
        if (real.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : real.readAll().split('\n')) {
                if (line.startsWith("root:")) {
                    rootLine = line;
                }
            }
        }
        QByteArray passwd = rootLine + '\n';
        QByteArray group = QByteArrayLiteral("root:x:0:\n");
        for (const Account& a : {kAlice, kBob, kCarol}) {
            const QByteArray login(a.login);
            const QByteArray dir =
                QFile::encodeName(a.uid == kCarol.uid ? home(a.login) + QStringLiteral("-missing") : home(a.login));
            passwd +=
                login + ":x:" + QByteArray::number(a.uid) + ':' + QByteArray::number(a.gid) + "::" + dir + ":/bin/sh\n";
            group += login + ":x:" + QByteArray::number(a.gid) + ":\n";
        }
        const QByteArray nsswitch = QByteArrayLiteral("passwd: files\ngroup: files\nshadow: files\n");
        for (const Account& a : {kAlice, kBob}) {
            if (!resetHome(a, error)) {
                return false;
            }
        }
        return writeFile("passwd", passwd, error) && writeFile("group", group, error) &&
               writeFile("nsswitch.conf", nsswitch, error);
    }

    bool writeFile(const char* name, const QByteArray& content, QString* error) const
    {
        QFile out(file(name));
        if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size()) {
            *error = QStringLiteral("cannot write %1").arg(out.fileName());
            return false;
        }
        out.close();
        ::chmod(QFile::encodeName(out.fileName()).constData(), 0644);
        return true;
    }

    /// The namespace with the files over /etc; empty when it is in place, else why not.
    QString enterNamespace() const
    {
        if (qgetenv(kNoNamespaceVariable) == "1") {
            return QStringLiteral("%1=1").arg(QLatin1String(kNoNamespaceVariable));
        }
        QString why;
        const auto refused = [&why](const char* what) {
            why = QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
            return why;
        };
        if (::unshare(CLONE_NEWNS) != 0) {
            return refused("unshare(CLONE_NEWNS)");
        }
        // In a chroot whose root is not a mount point this is refused (EINVAL) although unshare
        // worked; nothing is bound yet, so nothing can propagate.
        if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
            return refused("mount --make-rprivate /");
        }
        for (const char* name : {"passwd", "group", "nsswitch.conf"}) {
            const QByteArray over = QByteArrayLiteral("/etc/") + name;
            if (::mount(QFile::encodeName(file(name)).constData(), over.constData(), nullptr, MS_BIND, nullptr) != 0) {
                return refused("bind mount over /etc");
            }
        }
        return {};
    }

    bool executeUnderWrapper(char* argv[], const QString& refused, QString* error)
    {
        const QByteArray library = TOKENDESK_NSS_WRAPPER_LIBRARY;
        if (!QFileInfo::exists(QFile::decodeName(library))) {
            *error = QStringLiteral("no mount namespace here (%1) and no %2 to fall back on: install libnss-wrapper")
                         .arg(refused, QFile::decodeName(library));
            return false;
        }
        QByteArray preload = qgetenv("LD_PRELOAD");
        preload = preload.isEmpty() ? library : library + ' ' + preload;
        QByteArray asan = qgetenv("ASAN_OPTIONS");
        asan += asan.isEmpty() ? "verify_asan_link_order=0" : ":verify_asan_link_order=0";
        qputenv("NSS_WRAPPER_PASSWD", QFile::encodeName(file("passwd")));
        qputenv("NSS_WRAPPER_GROUP", QFile::encodeName(file("group")));
        // nss_wrapper opens libc with RTLD_DEEPBIND, which ASan refuses (the simulator and
        // tokendesk, started from here, are ASan builds); nss_wrapper's own switch for sanitizers.
        qputenv("NSS_WRAPPER_DISABLE_DEEPBIND", "1");
        qputenv("LD_PRELOAD", preload);
        qputenv("ASAN_OPTIONS", asan);
        qputenv(kFolderVariable, QFile::encodeName(m_root));
        std::fprintf(stderr, "PrivatePasswd: no mount namespace (%s): accounts through nss_wrapper (LD_PRELOAD=%s)\n",
                     qPrintable(refused), library.constData());
        std::fflush(stderr);
        ::execv("/proc/self/exe", argv);
        return fail(error, "executing the test again under nss_wrapper");
    }

    /// In the process executed again: getpwnam answers from the files, not from /etc/passwd.
    bool checkWrapper(QString* error) const
    {
        const struct passwd* pw = ::getpwnam(kAlice.login);
        if (pw == nullptr || pw->pw_uid != kAlice.uid || QFile::decodeName(pw->pw_dir) != home(kAlice.login)) {
            *error = QStringLiteral("nss_wrapper is not in effect (LD_PRELOAD=%1): getpwnam(\"alice\") does not give "
                                    "the test's account")
                         .arg(qEnvironmentVariable("LD_PRELOAD"));
            return false;
        }
        return true;
    }

    QString m_root;
    Mode m_mode = Mode::MountNamespace;
};

#define PRIVATE_PASSWD_TEST_MAIN(TestObject)                                                                           \
    int main(int argc, char* argv[])                                                                                   \
    {                                                                                                                  \
        int result = 1;                                                                                                \
        {                                                                                                              \
            PrivatePasswd passwd;                                                                                      \
            QString error;                                                                                             \
            if (!passwd.setUp(argv, &error)) {                                                                         \
                std::fprintf(stderr, "PrivatePasswd: %s\n", qPrintable(error));                                        \
                return 1;                                                                                              \
            }                                                                                                          \
            QCoreApplication app(argc, argv);                                                                          \
            TestObject tc;                                                                                             \
            QTEST_SET_MAIN_SOURCE_PATH                                                                                 \
            result = QTest::qExec(&tc, argc, argv);                                                                    \
        }                                                                                                              \
        return result;                                                                                                 \
    }
