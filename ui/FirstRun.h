#pragma once

#include <QString>

namespace tokendesk {

/// What the window says when there is nothing to show yet: no pcscd, no reader. It offers the
/// demo environment (a simulated card and a virtual token, scripts/run.sh) where this TokenDesk
/// has one: built from a source tree with the card simulator; an installed package has none.
class FirstRun
{
public:
    /// The command that starts the demo, or empty where there is none.
    static QString demoCommand();
    /// The same for a given source tree and simulator (tests).
    static QString demoCommand(const QString& sourceDir, const QString& simulator);

    /// The empty page's words: pcscd absent, or no reader connected.
    static QString noReaders(bool serviceAbsent, const QString& demo = demoCommand());
};

} // namespace tokendesk
