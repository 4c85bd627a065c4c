// tokendesk-accounts: the commands that need libldap, libsss_certmap or the Secret Service (pair,
// unpair, pairings, whois, import-p12, vtoken, and report with a directory among its pairing
// stores). `tokendesk` execs it with its own arguments, so it is never started by hand; it runs
// every command, so a report that reaches a directory runs here whole.

#include "CommandLine.h"
#include "backend/common/FileName.h"
#include "models/Language.h"

#include <QCoreApplication>

using namespace tokendesk;

int main(int argc, char** argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("tokendesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
    QCoreApplication app(argc, argv);
    Language::install(app);
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments << FileName::fromBytes(QByteArray(argv[i]));
    }
    return CommandLine::run(arguments);
}
