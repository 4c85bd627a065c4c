#include "PinCli.h"

#include "app/PinCommand.h"

#include <QCoreApplication>

namespace tokendesk {

namespace {
QCommandLineOption soOption()
{
    return QCommandLineOption(QStringLiteral("so"), QCoreApplication::translate(
                                                        "CommandLine", "change: the SO PIN / PUK instead of the PIN."));
}

QCommandLineOption finalTryOption()
{
    return QCommandLineOption(
        QStringLiteral("final-try"),
        QCoreApplication::translate("CommandLine", "Allow the last try of a PIN or PUK that comes from stdin."));
}
} // namespace

QString PinCli::name() const
{
    return QStringLiteral("pin");
}

void PinCli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(soOption());
    parser.addOption(finalTryOption());
    parser.addOption(moduleOption());
    parser.addPositionalArgument(
        QStringLiteral("status|change|unblock"),
        QCoreApplication::translate("CommandLine",
                                    "status: PIN and PUK / SO PIN state with tries left; change: current, then new; "
                                    "unblock: PUK / SO PIN, then a new PIN. Secrets from the terminal, or one per line "
                                    "on stdin."));
    parser.addPositionalArgument(QStringLiteral("URI"),
                                 QCoreApplication::translate("CommandLine", "The token's PKCS#11 URI."));
}

int PinCli::run(const QCommandLineParser& parser, CliContext& context)
{
    if (parser.positionalArguments().size() != 2) {
        return usage(context,
                     QCoreApplication::translate("CommandLine", "Usage: tokendesk pin status|change|unblock URI"));
    }
    PinCommand::Options options;
    options.action = parser.positionalArguments().at(0);
    options.uri = parser.positionalArguments().at(1);
    options.modules = parser.values(moduleOption());
    options.so = parser.isSet(soOption());
    options.json = context.json;
    options.allowFinalTry = parser.isSet(finalTryOption());
    return PinCommand::run(options, context.out, context.err);
}

} // namespace tokendesk
