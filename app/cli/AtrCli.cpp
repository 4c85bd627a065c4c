#include "AtrCli.h"

#include "app/AtrCommand.h"

#include <QCoreApplication>

namespace tokendesk {

QString AtrCli::name() const
{
    return QStringLiteral("atr");
}

void AtrCli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(smartcardListOption());
    parser.addPositionalArgument(
        QStringLiteral("HEX"),
        QCoreApplication::translate("CommandLine", "The ATR in hex; spaces and colons are allowed."),
        QStringLiteral("HEX..."));
}

int AtrCli::run(const QCommandLineParser& parser, CliContext& context)
{
    // The ATR as arguments: "3B8F8001..." or, like ATR_analysis, "3B 8F 80 01 ...".
    if (parser.positionalArguments().isEmpty()) {
        return usage(context, QCoreApplication::translate("CommandLine", "Missing argument: the ATR in hex, e.g. %1")
                                  .arg(QStringLiteral("tokendesk atr 3B8F8001804F0CA000000306030001000000006A")));
    }
    int exit = 0;
    const SmartcardList* list = cardList(parser, context, &exit);
    if (!list) {
        return exit;
    }
    return AtrCommand(*list).run(parser.positionalArguments().join(QLatin1Char(' ')), context.json, context.out,
                                 context.err);
}

} // namespace tokendesk
