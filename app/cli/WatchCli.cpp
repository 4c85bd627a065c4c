#include "WatchCli.h"

#include "app/WatchCommand.h"

#include <QCoreApplication>

namespace tokendesk {

namespace {
QCommandLineOption countOption()
{
    return QCommandLineOption(QStringLiteral("count"),
                              QCoreApplication::translate("CommandLine", "Exit after N events."), QStringLiteral("N"));
}
} // namespace

QString WatchCli::name() const
{
    return QStringLiteral("watch");
}

void WatchCli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(countOption());
    parser.addOption(moduleOption());
    parser.addOption(smartcardListOption());
}

int WatchCli::run(const QCommandLineParser& parser, CliContext& context)
{
    if (const int refused = refuseArguments(parser, context)) {
        return refused;
    }
    bool ok = true;
    const int count = parser.isSet(countOption()) ? parser.value(countOption()).toInt(&ok) : 0;
    if (!ok || count < 0) {
        return usage(context, QCoreApplication::translate("CommandLine", "--count takes a number of events."));
    }
    int exit = 0;
    const SmartcardList* list = cardList(parser, context, &exit);
    if (!list) {
        return exit;
    }
    return WatchCommand(*list, context.json, count, context.out).run();
}

} // namespace tokendesk
