#include "CommandLine.h"

#include "HelperProgram.h"
#include "backend/pkcs11/ModuleHost.h"
#include "backend/pkcs11/Pkcs11Error.h"
#include "cli/CliRegistry.h"
#include "models/ErrorText.h"
#include "models/PrintableText.h"
#include "models/TerminalSafeDevice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <cstring>

namespace tokendesk {

namespace {
constexpr int kUsageError = 2;
QStringList runArguments; ///< what run() was given, for execAccounts()
} // namespace

bool CommandLine::isCommand(const QString& word)
{
    return CliRegistry::isCommand(word);
}

int CommandLine::execAccounts()
{
    return HelperProgram::exec("tokendesk-accounts", runArguments);
}

QString CommandLine::usage()
{
    QString text =
        QCoreApplication::translate("CommandLine", "Usage: tokendesk [--module PATH] [FILE]   the window\n"
                                                   "       tokendesk COMMAND [--help] ...      a command:\n");
    qsizetype width = 0;
    for (const CliRegistry::Entry& command : CliRegistry::entries()) {
        width = std::max(width, qsizetype(std::strlen(command.name)));
    }
    for (const CliRegistry::Entry& command : CliRegistry::entries()) {
        const QString name = QLatin1String(command.name);
        text += QStringLiteral("  %1 %2\n").arg(name.leftJustified(width), CliRegistry::description(name));
    }
    return text;
}

QJsonObject CommandLine::errorJson(const QString& code, const QString& message)
{
    return QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
}

int CommandLine::fail(bool json, const QString& code, const QString& message, QTextStream& out, QTextStream& err)
{
    // Whatever a sentence quotes from input was escaped where it was written; this is the last
    // guard: no control character (or name byte that is not UTF-8) reaches the terminal or the JSON.
    const QString safe = PrintableText::controls(message);
    err << safe << '\n';
    if (json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("error"), errorJson(code, safe)}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
    }
    return 1;
}

int CommandLine::fail(bool json, const Pkcs11Error& error, QTextStream& out, QTextStream& err)
{
    const int code = fail(json, Pkcs11Error::kindName(error.kind), ErrorText::pkcs11(error), out, err);
    // A URI that does not parse is a mistake in the command, like an unknown option.
    return error.kind == Pkcs11Error::Kind::InvalidUri ? kUsageError : code;
}

int CommandLine::run(const QStringList& arguments)
{
    // Whatever a command prints from a token or a file reaches the terminal without control bytes.
    TerminalSafeDevice standardOutput(stdout);
    TerminalSafeDevice standardError(stderr);
    QTextStream out(&standardOutput);
    QTextStream err(&standardError);
    runArguments = arguments;
    if (CliRegistry::runsElsewhere(arguments.value(1))) {
        return execAccounts();
    }
    CliCommand* command = CliRegistry::find(arguments.value(1));
    if (!command) {
        err << QCoreApplication::translate("CommandLine", "Unknown command: %1").arg(arguments.value(1)) << '\n'
            << usage();
        return kUsageError;
    }

    // --help shows this command's options only; --json every command takes.
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("tokendesk %1: %2").arg(command->name(), command->description()));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("CommandLine", "Print one JSON document."));
    parser.addOption(jsonOption);
    const QCommandLineOption inProcessOption(
        QStringLiteral("in-process"),
        QCoreApplication::translate("CommandLine", "Load PKCS#11 modules into this process instead of one child "
                                                   "process each (a crashing module then ends the command)."));
    parser.addOption(inProcessOption);
    command->addOptions(parser);

    QStringList args = arguments;
    args.removeAt(1); // the command word; the rest are its options and arguments
    if (!parser.parse(args)) {
        err << parser.errorText() << '\n';
        return kUsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // The synopsis names the command, which was taken out of the arguments parsed.
        QString help = parser.helpText();
        const qsizetype options = help.indexOf(QLatin1String(" [options]"));
        if (options >= 0) {
            help.insert(options, QLatin1Char(' ') + command->name());
        }
        out << help;
        return 0;
    }
    if (parser.isSet(inProcessOption)) {
        ModuleHost::setPolicy(ModuleHost::Policy::Off);
    }
    CliContext context(out, err, parser.isSet(jsonOption));
    return command->run(parser, context);
}

} // namespace tokendesk
