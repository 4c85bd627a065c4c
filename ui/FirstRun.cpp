#include "FirstRun.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace tokendesk {

QString FirstRun::demoCommand()
{
    // Looked up once: the empty page asks on every change of pcscd's state, on the GUI thread.
    static const QString command = demoCommand(QStringLiteral(TOKENDESK_SOURCE_DIR),
                                               QStringLiteral(TOKENDESK_BINARY_DIR "/tests/simcard/tokendesk-simcard"));
    return command;
}

QString FirstRun::demoCommand(const QString& sourceDir, const QString& simulator)
{
    const QString script = sourceDir + QStringLiteral("/scripts/run.sh");
    if (!QFileInfo(script).isExecutable() || !QFileInfo(simulator).isExecutable()) {
        return {};
    }
    return script;
}

QString FirstRun::noReaders(bool serviceAbsent, const QString& demo)
{
    QString text =
        serviceAbsent
            ? QCoreApplication::translate("FirstRun", "The smart card service (pcscd) is not running.\nStart it "
                                                      "with \u201Csudo systemctl start pcscd.socket\u201D.")
            : QCoreApplication::translate("FirstRun", "No smart card reader found.\nConnect a reader; its cards "
                                                      "show here as they are inserted.");
    if (!demo.isEmpty()) {
        text += QStringLiteral("\n\n") +
                QCoreApplication::translate("FirstRun",
                                            "To try TokenDesk without a reader, start the demo with a simulated "
                                            "card and a virtual token:\n%1")
                    .arg(demo);
    }
    return text;
}

} // namespace tokendesk
