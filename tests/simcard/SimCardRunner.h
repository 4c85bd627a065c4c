// The simulator's main loop: the card's link to vpcd, its control socket, the signals that
// remove and insert it, and the info file that tells tests what the card holds.
#pragma once

#include "PivApplet.h"
#include "VpcdLink.h"

#include <array>
#include <memory>
#include <string>

namespace simcard {

class ControlServer;

struct SimCardOptions
{
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    Bytes atr;
    std::string statePath;   // empty: the state lives in memory only
    std::string infoPath;    // empty: no info file
    std::string controlPath; // empty: no control socket
    bool verbose = false;
};

class SimCardRunner
{
public:
    SimCardRunner(SimCardOptions options, PivCardState& state);
    ~SimCardRunner();
    SimCardRunner(const SimCardRunner&) = delete;
    SimCardRunner& operator=(const SimCardRunner&) = delete;

    // Runs until SIGTERM, SIGINT or "quit"; the exit code.
    int run();

private:
    void setInserted(bool inserted);
    void tryConnect();
    void handleVpcd();
    void handleSignals();
    std::string handleControl(const std::string& command);
    std::string armRemoval(const std::string& command);
    bool persist();
    void writeInfo();
    void log(const std::string& line) const;

    SimCardOptions m_options;
    PivCardState& m_state;
    PivApplet m_applet;
    VpcdLink m_link;
    std::unique_ptr<ControlServer> m_control;
    bool m_wantInserted = true; // removed by SIGUSR1 / "remove" until SIGUSR2 / "insert"
    // Removal armed by the control socket, to pull the card in the middle of an operation:
    // at the next command APDU with this INS (unanswered), or after answering this many more APDUs.
    int m_removeOnIns = -1;
    long m_removeAfter = -1;
    // Command APDUs received per INS since the simulator started ("count INS"): lets a test
    // prove that no VERIFY was sent, or exactly one.
    std::array<long, 256> m_insCount{};
    bool m_quit = false;
    bool m_connectFailureLogged = false;
};

} // namespace simcard
