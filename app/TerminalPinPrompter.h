#pragma once

#include "backend/pkcs11/PinPrompter.h"

#include <QCoreApplication>
#include <QTextStream>

namespace tokendesk {

/// PinPrompter for the command line.
///
/// On a terminal (stdin is a tty): the prompt goes to stderr and the secret is
/// read from the terminal without echo (termios); the terminal's settings are
/// restored afterwards, also when Ctrl-C (or SIGTERM, SIGHUP, SIGQUIT) ends
/// the program during the prompt. A final try (one more wrong PIN locks the
/// card) first asks to type YES.
///
/// Without a terminal: one secret per line on stdin (DESIGN.md), read byte by
/// byte so a later secret stays on stdin for the next askPin(). A final try is
/// refused (the operation is cancelled) unless the command allowed it with
/// --final-try (`allowFinalTry`): a script must not lock a card by default.
/// An empty line or the end of input is no PIN: cancelled. A line over 256 bytes is refused
/// with a sentence that says so (cancelled too), never cut. Ctrl-Z at a prompt (SIGTSTP) gives
/// the shell its terminal back as it was; `fg` resumes the prompt with echo off.
///
/// Nothing typed is echoed, logged or kept: the line buffer is wiped.
class TerminalPinPrompter : public PinPrompter
{
    Q_DECLARE_TR_FUNCTIONS(TerminalPinPrompter)
public:
    /// `inputFd`: where secrets come from (0); `err`: where prompts and notices go.
    TerminalPinPrompter(int inputFd, QTextStream& err, bool allowFinalTry = false);

    std::optional<SecureBytes> askPin(const PinRequest& request) override;
    /// A PIN pad's final try: YES at the terminal, or --final-try in scripts.
    bool confirmFinalTry(const PinRequest& request) override;
    void pinpadStarted(const PinRequest& request) override;
    void pinpadFinished() override;

    bool isInteractive() const { return m_interactive; }
    /// The last askPin() was cancelled because it was a final try that was not allowed or confirmed.
    bool refusedFinalTry() const { return m_refusedFinalTry; }
    /// A line was longer than the limit (said on `err`); what was asked was cancelled.
    bool inputTooLong() const { return m_inputTooLong; }

    /// A secret that is no token's PIN (a .p12's password): `prompt` at a terminal, then one line
    /// without echo; one line of stdin otherwise. An empty line is the empty secret when
    /// `allowEmpty`, else none; the end of input is none.
    std::optional<SecureBytes> askSecret(const QString& prompt, bool allowEmpty);

    /// "PIN for "LABEL" (serial S)": the words a prompt names a token with.
    static QString describe(const PinRequest& request);

private:
    /// One line from the input, without its end of line; nullopt at the end of input.
    std::optional<SecureBytes> readLine(bool echo);

    int m_fd;
    QTextStream& m_err;
    bool m_allowFinalTry;
    bool m_interactive;
    bool m_refusedFinalTry = false;
    bool m_inputTooLong = false;
};

} // namespace tokendesk
