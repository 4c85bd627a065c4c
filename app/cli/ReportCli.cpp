#include "ReportCli.h"

#include "PairingCliSupport.h"
#include "app/ReportCommand.h"

#include <QCoreApplication>

namespace tokendesk {

namespace {
QCommandLineOption allTokensOption()
{
    return QCommandLineOption(
        QStringLiteral("all-tokens"),
        QCoreApplication::translate("CommandLine",
                                    "Also the trust store's and the keyring's tokens, and uninitialized ones."));
}
} // namespace

QString ReportCli::name() const
{
    return QStringLiteral("report");
}

QString ReportCli::description() const
{
    return QCoreApplication::translate("CommandLine", "readers, cards, PKCS#11 modules, tokens and certificates");
}

void ReportCli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(allTokensOption());
    parser.addOption(moduleOption());
    parser.addOption(smartcardListOption());
    PairingCliSupport::addStoreOptions(parser);
}

int ReportCli::run(const QCommandLineParser& parser, CliContext& context)
{
    if (const int refused = refuseArguments(parser, context)) {
        return refused;
    }
    int exit = 0;
    const SmartcardList* list = cardList(parser, context, &exit);
    if (!list) {
        return exit;
    }
    ReportCommand report(*list);
    ModuleRegistry::Options modules;
    modules.paths = parser.values(moduleOption());
    report.setModuleOptions(modules);
    report.setAllTokens(parser.isSet(allTokensOption()));
    const auto sources = PairingCliSupport::choiceWithDirectory(parser, context, &exit);
    if (!sources) {
        return exit;
    }
    report.setPairingSources(*sources);
    return report.run(context.json, context.out, context.err);
}

} // namespace tokendesk
