// A child on a pseudo-terminal (openpty), as an interactive shell runs it: for tests of what
// `tokendesk` does at a real terminal (prompts, echo, job control). Waits for output, never sleeps.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QStringList>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <vector>

/// A child on a pseudo-terminal, as a shell with job control runs it: a "shell" process leads a new
/// session with the pty as its controlling terminal and runs tokendesk in a process group of its
/// own in the foreground. (A stop signal to a process group with no parent in its session is
/// discarded by the kernel, so tokendesk cannot be the session leader itself.) The shell reports
/// tokendesk's stops and end on a pipe: "P<pid>", "S<signal>", "X<code>", "K<signal>".
class PtyChild
{
public:
    /// Starts TOKENDESK_BINARY with these arguments, and these "NAME=value" added to its environment.
    bool start(const QStringList& arguments, QList<QByteArray> environment = {})
    {
        int events[2];
        if (::openpty(&m_master, &m_slave, nullptr, nullptr, nullptr) != 0 || ::pipe(events) != 0) {
            return false;
        }
        const QByteArray program = QFile::encodeName(qEnvironmentVariable("TOKENDESK_BINARY"));
        QList<QByteArray> args{program};
        for (const QString& a : arguments) {
            args << a.toUtf8();
        }
        std::vector<char*> env; // ready before fork(): the child does not allocate
        for (QByteArray& variable : environment) {
            env.push_back(variable.data());
        }
        m_shell = ::fork();
        if (m_shell == 0) {
            ::close(events[0]);
            ::close(m_master);
            ::setsid();
            ::ioctl(m_slave, TIOCSCTTY, 0);
            ::signal(SIGTTOU, SIG_IGN);
            const pid_t job = ::fork();
            if (job == 0) {
                ::setpgid(0, 0);
                ::signal(SIGTTOU, SIG_DFL);
                ::dup2(m_slave, 0);
                ::dup2(m_slave, 1);
                ::dup2(m_slave, 2);
                ::close(events[1]);
                std::vector<char*> argv;
                for (QByteArray& a : args) {
                    argv.push_back(a.data());
                }
                argv.push_back(nullptr);
                for (char* variable : env) {
                    ::putenv(variable);
                }
                ::putenv(const_cast<char*>("QT_LOGGING_RULES=*.debug=false"));
                ::putenv(const_cast<char*>("LANG=C.UTF-8"));
                ::execv(argv[0], argv.data());
                ::_exit(127);
            }
            ::setpgid(job, job);
            ::tcsetpgrp(m_slave, job);
            char line[32];
            int n = std::snprintf(line, sizeof line, "P%d\n", int(job));
            ssize_t ignored = ::write(events[1], line, size_t(n));
            for (;;) {
                int status = 0;
                if (::waitpid(job, &status, WUNTRACED) != job) {
                    ::_exit(1);
                }
                if (WIFSTOPPED(status)) {
                    n = std::snprintf(line, sizeof line, "S%d\n", WSTOPSIG(status));
                } else if (WIFEXITED(status)) {
                    n = std::snprintf(line, sizeof line, "X%d\n", WEXITSTATUS(status));
                } else {
                    n = std::snprintf(line, sizeof line, "K%d\n", WTERMSIG(status));
                }
                ignored = ::write(events[1], line, size_t(n));
                if (!WIFSTOPPED(status)) {
                    static_cast<void>(ignored);
                    ::_exit(0);
                }
            }
        }
        ::close(events[1]);
        m_events = events[0];
        const QByteArray first = nextEvent();
        m_job = first.startsWith('P') ? first.mid(1).toInt() : -1;
        return m_shell > 0 && m_job > 0;
    }
    ~PtyChild()
    {
        if (m_job > 0 && !m_ended) {
            ::kill(m_job, SIGKILL);
        }
        if (m_shell > 0) {
            ::waitpid(m_shell, nullptr, 0);
        }
        for (int fd : {m_master, m_slave, m_events}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
    }

    /// The shell's next report about tokendesk ("S20", "X1", "K2"), within `ms`; empty if none.
    QByteArray nextEvent(int ms = 20000)
    {
        QByteArray line;
        struct pollfd p = {m_events, POLLIN, 0};
        char c = 0;
        while (::poll(&p, 1, ms) > 0 && ::read(m_events, &c, 1) == 1) {
            if (c == '\n') {
                m_ended = line.startsWith('X') || line.startsWith('K');
                return line;
            }
            line += c;
        }
        return {};
    }
    /// Reads from the terminal until `text` has appeared (or `ms` passed); true when it did.
    bool waitFor(const QByteArray& text, int ms = 20000) { return waitFrom(0, text, ms) >= 0; }
    /// Like waitFor(), for `text` after what the previous waitForNext() found (a prompt asked
    /// again); true when it came, and the next search starts after it.
    bool waitForNext(const QByteArray& text, int ms = 20000)
    {
        const qsizetype at = waitFrom(m_cursor, text, ms);
        if (at < 0) {
            return false;
        }
        m_cursor = at + text.size();
        return true;
    }
    bool type(const QByteArray& bytes)
    {
        return ::write(m_master, bytes.constData(), size_t(bytes.size())) == bytes.size();
    }
    bool echoOn() const
    {
        struct termios t = {};
        return ::tcgetattr(m_slave, &t) == 0 && (t.c_lflag & ECHO) != 0;
    }
    /// Waits until the terminal's echo is `on` (a prompt turns it off just after printing:
    /// typed before, a secret would be echoed, or flushed by the prompt's TCSAFLUSH).
    bool waitForEcho(bool on, int ms = 20000) const
    {
        QElapsedTimer timer;
        timer.start();
        while (echoOn() != on) {
            if (timer.elapsed() > ms) {
                return false;
            }
            ::poll(nullptr, 0, 10);
        }
        return true;
    }
    pid_t job() const { return m_job; }
    const QByteArray& output() const { return m_output; }

private:
    /// Where `text` is in the output from `from` on, reading until it comes or `ms` passed; -1 if not.
    qsizetype waitFrom(qsizetype from, const QByteArray& text, int ms)
    {
        QElapsedTimer timer;
        timer.start();
        qsizetype at = m_output.indexOf(text, from);
        while (at < 0 && timer.elapsed() < ms) {
            struct pollfd p = {m_master, POLLIN, 0};
            if (::poll(&p, 1, 100) > 0) {
                char buffer[4096];
                const ssize_t n = ::read(m_master, buffer, sizeof buffer);
                if (n > 0) {
                    m_output.append(buffer, n);
                } else if (n < 0 && errno != EINTR && errno != EAGAIN) {
                    break; // EIO: the child has gone
                }
            }
            at = m_output.indexOf(text, from);
        }
        return at;
    }

    int m_master = -1;
    int m_slave = -1;
    int m_events = -1;
    pid_t m_shell = -1;
    pid_t m_job = -1;
    bool m_ended = false;
    QByteArray m_output;
    qsizetype m_cursor = 0;
};
