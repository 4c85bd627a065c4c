#include "TerminalPinPrompter.h"

#include <array>
#include <cerrno>
#include <csignal>
#include <openssl/crypto.h>
#include <termios.h>
#include <unistd.h>

namespace tokendesk {

namespace {

constexpr std::size_t kMaxLine = 256; // longer than any PIN, PUK or password a token takes

/// The terminal's settings while echo is off, for the signal handlers: they put them back
/// and let the signal do what it would have done.
struct termios g_saved;
struct termios g_quiet;
volatile sig_atomic_t g_savedFd = -1;
constexpr std::array<int, 4> kSignals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
struct sigaction g_stopAction;

extern "C" void restoreTerminalAndRaise(int signo)
{
    if (g_savedFd >= 0) {
        ::tcsetattr(g_savedFd, TCSAFLUSH, &g_saved); // async-signal-safe
        g_savedFd = -1;
    }
    ::signal(signo, SIG_DFL);
    ::raise(signo);
}

/// Ctrl-Z at the prompt: the shell gets its terminal back with echo on; `fg` turns echo off
/// again and the prompt goes on where it was.
extern "C" void restoreTerminalAndStop(int signo)
{
    const int savedErrno = errno;
    if (g_savedFd >= 0) {
        ::tcsetattr(g_savedFd, TCSAFLUSH, &g_saved);
    }
    struct sigaction stop = {};
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    ::sigaction(signo, &stop, nullptr);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, signo);
    ::sigprocmask(SIG_UNBLOCK, &unblock, nullptr);
    ::raise(signo); // stopped here until SIGCONT
    ::sigaction(signo, &g_stopAction, nullptr);
    if (g_savedFd >= 0) {
        ::tcsetattr(g_savedFd, TCSAFLUSH, &g_quiet);
    }
    errno = savedErrno;
}

/// Echo off for its lifetime; the terminal restored by the destructor or by a signal.
class EchoOff
{
public:
    explicit EchoOff(int fd) : m_fd(fd)
    {
        if (::tcgetattr(fd, &g_saved) != 0) {
            return;
        }
        struct sigaction action
        {};
        action.sa_handler = restoreTerminalAndRaise;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < kSignals.size(); ++i) {
            ::sigaction(kSignals[i], &action, &m_previous[i]);
            if (m_previous[i].sa_handler == SIG_IGN) {
                ::sigaction(kSignals[i], &m_previous[i], nullptr); // ignored stays ignored (nohup)
            }
        }
        g_quiet = g_saved;
        g_quiet.c_lflag &= ~tcflag_t(ECHO);
        g_quiet.c_lflag |= ECHONL; // the user's Enter still ends the line on screen
        g_stopAction = {};
        g_stopAction.sa_handler = restoreTerminalAndStop;
        sigemptyset(&g_stopAction.sa_mask);
        ::sigaction(SIGTSTP, &g_stopAction, &m_previousStop);
        if (m_previousStop.sa_handler == SIG_IGN) {
            ::sigaction(SIGTSTP, &m_previousStop, nullptr);
        }
        g_savedFd = fd;
        m_active = ::tcsetattr(fd, TCSAFLUSH, &g_quiet) == 0;
    }
    ~EchoOff()
    {
        if (g_savedFd >= 0) {
            ::tcsetattr(m_fd, TCSAFLUSH, &g_saved);
            g_savedFd = -1;
        }
        for (std::size_t i = 0; i < kSignals.size(); ++i) {
            ::sigaction(kSignals[i], &m_previous[i], nullptr);
        }
        ::sigaction(SIGTSTP, &m_previousStop, nullptr);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;
    bool active() const { return m_active; }

private:
    int m_fd;
    bool m_active = false;
    std::array<struct sigaction, kSignals.size()> m_previous{};
    struct sigaction m_previousStop = {};
};

} // namespace

TerminalPinPrompter::TerminalPinPrompter(int inputFd, QTextStream& err, bool allowFinalTry)
    : m_fd(inputFd), m_err(err), m_allowFinalTry(allowFinalTry), m_interactive(::isatty(inputFd) == 1)
{}

QString TerminalPinPrompter::describe(const PinRequest& request)
{
    const QString label =
        request.token.label.isEmpty() ? tr("the token") : QLatin1Char('"') + request.token.label + QLatin1Char('"');
    QString secret;
    switch (request.secret) {
    case PinRequest::Secret::UserPin:
        secret = tr("PIN", "the noun");
        break;
    case PinRequest::Secret::SoPin:
        secret = tr("PUK / SO PIN");
        break;
    case PinRequest::Secret::NewUserPin:
        secret = tr("New PIN");
        break;
    case PinRequest::Secret::NewSoPin:
        secret = tr("New PUK / SO PIN");
        break;
    }
    QString text = request.token.serial.isEmpty()
                       ? tr("%1 for %2").arg(secret, label)
                       : tr("%1 for %2 (serial %3)").arg(secret, label, request.token.serial);
    if (request.purpose == PinRequest::Purpose::TestIdentity && !request.subject.isEmpty()) {
        text += tr(", to sign a test challenge with the key of %1").arg(request.subject);
    }
    return text;
}

std::optional<SecureBytes> TerminalPinPrompter::readLine(bool echo)
{
    std::optional<EchoOff> quiet;
    if (m_interactive && !echo) {
        quiet.emplace(m_fd);
    }
    std::array<char, kMaxLine> buffer{};
    std::size_t length = 0;
    bool sawAnything = false;
    bool tooLong = false;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(m_fd, &c, 1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        sawAnything = true;
        if (c == '\n') {
            break;
        }
        if (length < buffer.size()) {
            buffer[length++] = c;
        } else {
            tooLong = true; // read to the end of the line, keep nothing of it
        }
    }
    if (length > 0 && buffer[length - 1] == '\r' && !tooLong) {
        --length;
    }
    std::optional<SecureBytes> line;
    if (sawAnything && !tooLong) {
        line.emplace(buffer.data(), qsizetype(length));
    }
    OPENSSL_cleanse(buffer.data(), buffer.size());
    if (tooLong) {
        // Cut, a long new secret typed twice would be set shortened without a word.
        m_inputTooLong = true;
        m_err << tr("The input is longer than %1 bytes, more than any token takes: nothing was used.").arg(kMaxLine)
              << Qt::endl;
        return SecureBytes();
    }
    return line;
}

bool TerminalPinPrompter::confirmFinalTry(const PinRequest& request)
{
    m_refusedFinalTry = false;
    if (!m_interactive && !m_allowFinalTry) {
        m_refusedFinalTry = true;
        m_err << tr("One more wrong PIN locks %1: not trying without --final-try.").arg(describe(request)) << Qt::endl;
        return false;
    }
    if (m_interactive) {
        m_err << tr("Warning: this is the last try. A wrong PIN locks the card; only the PUK unblocks it.") << '\n'
              << tr("Type YES to continue: ") << Qt::flush;
        const auto answer = readLine(true);
        if (!answer || answer->bytes() != QByteArrayLiteral("YES")) {
            m_refusedFinalTry = true;
            return false;
        }
    }
    return true;
}

std::optional<SecureBytes> TerminalPinPrompter::askPin(const PinRequest& request)
{
    m_refusedFinalTry = false;
    if (request.finalTry && !confirmFinalTry(request)) {
        return std::nullopt;
    }
    if (m_interactive) {
        QString prompt = describe(request);
        if (request.triesLeft >= 0) {
            prompt += QLatin1Char(' ') +
                      (request.triesLeft == 1 ? tr("(1 try left)") : tr("(%n tries left)", nullptr, request.triesLeft));
        }
        if (request.retry) {
            m_err << tr("Wrong PIN.") << '\n';
        }
        m_err << prompt << QStringLiteral(": ") << Qt::flush;
    }
    auto line = readLine(false);
    if (!line || line->isEmpty()) {
        return std::nullopt;
    }
    return line;
}

std::optional<SecureBytes> TerminalPinPrompter::askSecret(const QString& prompt, bool allowEmpty)
{
    m_inputTooLong = false;
    if (m_interactive) {
        m_err << prompt << QStringLiteral(": ") << Qt::flush;
    }
    auto line = readLine(false);
    if (!line || (line->isEmpty() && (!allowEmpty || m_inputTooLong))) {
        return std::nullopt;
    }
    return line;
}

void TerminalPinPrompter::pinpadStarted(const PinRequest& request)
{
    m_err << tr("Enter the PIN on the reader's PIN pad (%1).").arg(describe(request)) << Qt::endl;
}

void TerminalPinPrompter::pinpadFinished() {}

} // namespace tokendesk
