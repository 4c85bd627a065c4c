#include "SimCardRunner.h"

#include "ControlServer.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace simcard {

namespace {

constexpr int reconnectIntervalMs = 100;

int signalPipe[2] = {-1, -1};

extern "C" void onSignal(int signo)
{
    const int saved = errno;
    const char byte = static_cast<char>(signo);
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
    errno = saved;
}

bool installSignalHandlers()
{
    if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction action
    {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signo : {SIGUSR1, SIGUSR2, SIGTERM, SIGINT, SIGHUP}) {
        if (::sigaction(signo, &action, nullptr) != 0)
            return false;
    }
    std::signal(SIGPIPE, SIG_IGN);
    return true;
}

} // namespace

SimCardRunner::SimCardRunner(SimCardOptions options, PivCardState& state)
    : m_options(std::move(options)), m_state(state), m_applet(state, [this] { return persist(); }),
      m_link(m_options.host, m_options.port)
{}

SimCardRunner::~SimCardRunner() = default;

void SimCardRunner::log(const std::string& line) const
{
    if (m_options.verbose)
        std::fprintf(stderr, "tokendesk-simcard[%u]: %s\n", unsigned{m_options.port}, line.c_str());
}

bool SimCardRunner::persist()
{
    bool ok = true;
    if (!m_options.statePath.empty()) {
        std::string error;
        ok = m_state.save(m_options.statePath, &error);
        if (!ok)
            std::fprintf(stderr, "tokendesk-simcard: %s\n", error.c_str());
    }
    writeInfo();
    return ok;
}

void SimCardRunner::writeInfo()
{
    if (m_options.infoPath.empty())
        return;
    QJsonArray slots;
    for (const auto& [id, key] : m_state.slots()) {
        const Bytes der = SimCardKeys::certDer(key.cert.get());
        QJsonObject o;
        o[QStringLiteral("slot")] = QString::fromStdString(Tlv::toHex({id}));
        o[QStringLiteral("key")] = QString::fromLatin1(SimCardKeys::typeName(key.type));
        o[QStringLiteral("cert_sha256")] = QString::fromStdString(Tlv::toHex(SimCardKeys::sha256(der)));
        o[QStringLiteral("cert_pem")] = QString::fromStdString(SimCardKeys::certToPem(key.cert.get()));
        slots.append(o);
    }
    QJsonObject root;
    root[QStringLiteral("atr")] = QString::fromStdString(Tlv::toHex(m_options.atr));
    root[QStringLiteral("guid")] = QString::fromStdString(Tlv::toHex(m_state.guid()));
    root[QStringLiteral("port")] = int{m_options.port};
    root[QStringLiteral("pid")] = static_cast<qint64>(::getpid());
    root[QStringLiteral("inserted")] = m_link.isConnected();
    root[QStringLiteral("pin_tries_left")] = m_state.pinTriesLeft();
    root[QStringLiteral("puk_tries_left")] = m_state.pukTriesLeft();
    root[QStringLiteral("slots")] = slots;
    const QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    std::string error;
    if (!PivCardState::writeFileAtomically(m_options.infoPath, json.toStdString(), &error))
        std::fprintf(stderr, "tokendesk-simcard: %s\n", error.c_str());
}

void SimCardRunner::tryConnect()
{
    if (!m_link.connect()) {
        if (!m_connectFailureLogged)
            log("waiting for vpcd: " + m_link.errorText());
        m_connectFailureLogged = true;
        return;
    }
    m_connectFailureLogged = false;
    m_applet.reset();
    log("inserted");
    writeInfo();
}

void SimCardRunner::setInserted(bool inserted)
{
    m_wantInserted = inserted;
    if (inserted && !m_link.isConnected()) {
        tryConnect();
    } else if (!inserted && m_link.isConnected()) {
        m_link.close();
        m_applet.reset();
        log("removed");
        writeInfo();
    }
}

void SimCardRunner::handleVpcd()
{
    const auto message = m_link.receive();
    if (!message) {
        log("link lost: " + m_link.errorText());
        m_applet.reset();
        writeInfo();
        return;
    }
    if (message->size() == 1) {
        switch ((*message)[0]) {
        case 0x00: // power off
        case 0x01: // power on
        case 0x02: // reset
            m_applet.reset();
            return;
        case 0x04:
            m_link.send(m_options.atr);
            return;
        default:
            log("unknown control byte " + Tlv::toHex(*message));
            return;
        }
    }
    if (message->size() >= 4)
        ++m_insCount[(*message)[1]];
    if (m_removeOnIns >= 0 && message->size() >= 4 && (*message)[1] == m_removeOnIns) {
        // A user pulling the card while it works: the command is never answered.
        log("removing at INS " + Tlv::toHex({(*message)[1]}) + " as armed");
        m_removeOnIns = -1;
        m_removeAfter = -1;
        setInserted(false);
        return;
    }
    const Bytes response = m_applet.process(*message);
    if (m_options.verbose && message->size() >= 4) {
        // The header and the status only: the data may be a PIN or a PUK.
        const Bytes header(message->begin(), message->begin() + 4);
        const Bytes status(response.end() - 2, response.end());
        log("apdu " + Tlv::toHex(header) + " (" + std::to_string(message->size()) + " bytes)" + " -> " +
            std::to_string(response.size() - 2) + " bytes " + Tlv::toHex(status));
    }
    m_link.send(response);
    if (m_removeAfter > 0 && --m_removeAfter == 0) {
        log("removing after the armed number of answers");
        m_removeAfter = -1;
        m_removeOnIns = -1;
        setInserted(false);
    }
}

void SimCardRunner::handleSignals()
{
    char signals[16];
    ssize_t n;
    while ((n = ::read(signalPipe[0], signals, sizeof signals)) > 0) {
        for (ssize_t i = 0; i < n; ++i) {
            const int signo = signals[i];
            if (signo == SIGUSR1)
                setInserted(false);
            else if (signo == SIGUSR2)
                setInserted(true);
            else
                m_quit = true;
        }
    }
}

std::string SimCardRunner::handleControl(const std::string& command)
{
    if (command == "remove") {
        setInserted(false);
        return "removed";
    }
    if (command == "insert") {
        setInserted(true);
        return m_link.isConnected() ? "inserted" : "pending";
    }
    if (command == "status")
        return m_link.isConnected() ? "inserted" : "removed";
    if (command.rfind("remove-on-ins ", 0) == 0 || command.rfind("remove-after ", 0) == 0 || command == "disarm")
        return armRemoval(command);
    if (command.rfind("count ", 0) == 0) {
        char* end = nullptr;
        const std::string argument = command.substr(6);
        const long ins = std::strtol(argument.c_str(), &end, 16);
        if (argument.empty() || *end != '\0' || ins < 0 || ins > 0xFF)
            return "error bad argument";
        return std::to_string(m_insCount[static_cast<std::size_t>(ins)]);
    }
    if (command == "quit") {
        m_quit = true;
        return "bye";
    }
    return "error unknown command";
}

std::string SimCardRunner::armRemoval(const std::string& command)
{
    if (command == "disarm") {
        m_removeOnIns = -1;
        m_removeAfter = -1;
        return "disarmed";
    }
    const std::size_t space = command.find(' ');
    const std::string word = command.substr(0, space);
    const std::string argument = command.substr(space + 1);
    char* end = nullptr;
    const bool hex = word == "remove-on-ins";
    errno = 0;
    const long value = std::strtol(argument.c_str(), &end, hex ? 16 : 10);
    if (argument.empty() || errno != 0 || end == nullptr || *end != '\0' || value < (hex ? 0 : 1) ||
        value > (hex ? 0xFF : 1000000))
        return "error bad argument";
    if (hex)
        m_removeOnIns = static_cast<int>(value);
    else
        m_removeAfter = value;
    return "armed";
}

int SimCardRunner::run()
{
    if (!installSignalHandlers()) {
        std::perror("tokendesk-simcard: signals");
        return 1;
    }
    if (!m_options.controlPath.empty()) {
        m_control = std::make_unique<ControlServer>(m_options.controlPath,
                                                    [this](const std::string& c) { return handleControl(c); });
        std::string error;
        if (!m_control->listen(&error)) {
            std::fprintf(stderr, "tokendesk-simcard: %s\n", error.c_str());
            return 1;
        }
    }
    writeInfo();
    tryConnect();
    while (!m_quit) {
        std::vector<pollfd> fds{{signalPipe[0], POLLIN, 0}};
        if (m_link.isConnected())
            fds.push_back({m_link.fd(), POLLIN, 0});
        if (m_control)
            m_control->addPollFds(fds);
        const bool retrying = m_wantInserted && !m_link.isConnected();
        const int rc = ::poll(fds.data(), fds.size(), retrying ? reconnectIntervalMs : -1);
        if (rc < 0 && errno != EINTR) {
            std::perror("tokendesk-simcard: poll");
            break;
        }
        for (const pollfd& p : fds) {
            if (p.revents == 0 || m_quit)
                continue;
            if (p.fd == signalPipe[0])
                handleSignals();
            else if (p.fd == m_link.fd())
                handleVpcd();
            else if (m_control)
                m_control->handle(p.fd, p.revents);
        }
        if (!m_quit && m_wantInserted && !m_link.isConnected())
            tryConnect();
    }
    m_link.close();
    log("stopping");
    const bool saved = persist();
    return saved ? 0 : 1;
}

} // namespace simcard
