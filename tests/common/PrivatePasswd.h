// Test accounts that exist for one test process only. PRIVATE_PASSWD_TEST_MAIN(TestClass) replaces
// QTEST_MAIN: before the tests run, the process moves into a mount namespace of its own
// (unshare(CLONE_NEWNS), every mount made private so nothing propagates back), writes a passwd and
// a group file (the machine's root line, then alice and bob with homes in a temporary folder, then
// carol whose home does not exist) and an nsswitch.conf that reads only those files, and binds them
// over /etc/passwd, /etc/group and /etc/nsswitch.conf. getpwent/getpwnam in this process and in the
// programs it starts (pklogin_finder, which inherit the namespace) see only these accounts; the
// machine's own files are never changed, and the namespace ends with the process. The temporary
// folder is removed at the end. Needs root (the tests run as root in the bench).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

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

    static PrivatePasswd*& instance()
    {
        static PrivatePasswd* current = nullptr;
        return current;
    }

    PrivatePasswd() { instance() = this; }
    ~PrivatePasswd() { instance() = nullptr; }
    PrivatePasswd(const PrivatePasswd&) = delete;
    PrivatePasswd& operator=(const PrivatePasswd&) = delete;

    QString root() const { return m_dir.path(); }
    QString home(const char* login) const { return m_dir.filePath(QString::fromLatin1(login)); }

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

    bool setUp(QString* error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        // QTemporaryDir makes it 0700: the accounts must be able to reach their homes in it.
        if (::chmod(QFile::encodeName(m_dir.path()).constData(), 0755) != 0) {
            return fail(error, "chmod of the temporary folder");
        }
        if (::unshare(CLONE_NEWNS) != 0) {
            return fail(error, "unshare(CLONE_NEWNS) (the test needs root)");
        }
        if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
            return fail(error, "mount --make-rprivate /");
        }
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
        return bindFile("passwd", passwd, "/etc/passwd", error) && bindFile("group", group, "/etc/group", error) &&
               bindFile("nsswitch.conf", nsswitch, "/etc/nsswitch.conf", error);
    }

private:
    static bool fail(QString* error, const char* what)
    {
        *error = QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }

    bool bindFile(const char* name, const QByteArray& content, const char* over, QString* error)
    {
        const QString path = m_dir.filePath(QStringLiteral("etc-") + QLatin1String(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
        file.close();
        ::chmod(QFile::encodeName(path).constData(), 0644);
        if (::mount(QFile::encodeName(path).constData(), over, nullptr, MS_BIND, nullptr) != 0) {
            return fail(error, over);
        }
        return true;
    }

    QTemporaryDir m_dir;
};

#define PRIVATE_PASSWD_TEST_MAIN(TestObject)                                                                           \
    int main(int argc, char* argv[])                                                                                   \
    {                                                                                                                  \
        int result = 1;                                                                                                \
        {                                                                                                              \
            PrivatePasswd passwd;                                                                                      \
            QString error;                                                                                             \
            if (!passwd.setUp(&error)) {                                                                               \
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
