// TokenDesk: smart cards, tokens and certificates on Linux.
// `tokendesk COMMAND` runs a command for scripts, with Qt Core only (no widgets, no GUI plugins);
// `tokendesk` and `tokendesk FILE` exec the window, tokendesk-window (app/WindowMain.cpp); the
// commands that need libldap, libsss_certmap or the Secret Service exec tokendesk-accounts
// (app/AccountsMain.cpp).

#include "CommandLine.h"
#include "HelperProgram.h"
#include "backend/common/FileName.h"
#include "cli/CliRegistry.h"
#include "models/Language.h"
#include "models/PrintableText.h"

#include <QCoreApplication>
#include <cstdio>
#include <unistd.h>

using namespace tokendesk;

int main(int argc, char** argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("tokendesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));

    const QString first = argc > 1 ? FileName::fromBytes(QByteArray(argv[1])) : QString();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        std::printf("tokendesk %s\n", TOKENDESK_VERSION);
        return 0;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        QCoreApplication app(argc, argv);
        Language::install(app);
        std::fputs(CommandLine::usage().toLocal8Bit().constData(), stdout);
        return 0;
    }
    // Only a command, an option of the window's (Qt's own: -platform, -style) or a file to open
    // starts something; a typo is told, not answered with a window.
    if (argc > 1 && !CommandLine::isCommand(first) && !first.startsWith(QLatin1Char('-')) &&
        ::access(argv[1], F_OK) != 0) {
        QCoreApplication app(argc, argv);
        Language::install(app);
        std::fputs(QCoreApplication::translate("main", "tokendesk: unknown command \"%1\".\n")
                       .arg(PrintableText::escape(first))
                       .toLocal8Bit()
                       .constData(),
                   stderr);
        std::fputs(CommandLine::usage().toLocal8Bit().constData(), stderr);
        return 2;
    }
    // pair, unpair, pairings, whois, import-p12, vtoken: in the program that links libldap,
    // libsss_certmap and QtKeychain, so that the others start without them.
    if (argc > 1 && CliRegistry::runsElsewhere(first)) {
        return HelperProgram::exec("tokendesk-accounts", argv);
    }
    if (argc > 1 && CommandLine::isCommand(first)) {
        QCoreApplication app(argc, argv);
        Language::install(app);
        // Not QCoreApplication::arguments(): it decodes through the locale, and a file name that is
        // not UTF-8 would come back as another name. FileName keeps every byte.
        QStringList arguments;
        for (int i = 0; i < argc; ++i) {
            arguments << FileName::fromBytes(QByteArray(argv[i]));
        }
        return CommandLine::run(arguments);
    }
    return HelperProgram::exec("tokendesk-window", argv);
}
