// TokenDesk: smart cards, tokens and certificates on Linux.
// `tokendesk COMMAND` runs a command for scripts, with Qt Core only (no widgets, no GUI plugins);
// `tokendesk` and `tokendesk FILE` exec the window, tokendesk-window (app/WindowMain.cpp).

#include "CommandLine.h"
#include "backend/common/FileName.h"
#include "models/Language.h"
#include "models/PrintableText.h"

#include <QCoreApplication>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

using namespace tokendesk;

namespace {

/// The window's program: beside this one (a build folder), else in libexec (installed).
std::string windowProgram()
{
    char self[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        return {};
    }
    self[n] = '\0';
    std::string dir(self);
    dir.erase(dir.find_last_of('/') + 1);
    for (const std::string& candidate :
         {dir + "tokendesk-window", dir + TOKENDESK_LIBEXEC_FROM_BIN "/tokendesk-window"}) {
        if (::access(candidate.c_str(), X_OK) == 0) {
            return candidate;
        }
    }
    return {};
}

int execWindow(char** argv)
{
    const std::string program = windowProgram();
    if (!program.empty()) {
        ::execv(program.c_str(), argv);
    }
    std::fprintf(stderr, "tokendesk: cannot start the window (tokendesk-window): %s\n",
                 program.empty() ? "not installed beside tokendesk" : std::strerror(errno));
    return 127;
}

} // namespace

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
    return execWindow(argv);
}
