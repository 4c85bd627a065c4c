#include "ReportCli.h"

#include "PairingCliSupport.h"
#include "app/CommandLine.h"
#include "app/ReportCommand.h"
#include "backend/ldap/LdapUrl.h"
#include "backend/pairing/StoreFactory.h"

#include <QCoreApplication>
#include <algorithm>

namespace tokendesk {

namespace {
QCommandLineOption allTokensOption()
{
    return QCommandLineOption(
        QStringLiteral("all-tokens"),
        QCoreApplication::translate("CommandLine",
                                    "Also the trust store's and the keyring's tokens, and uninitialized ones."));
}

QCommandLineOption htmlOption()
{
    return QCommandLineOption(QStringLiteral("html"),
                              QCoreApplication::translate("CommandLine", "An HTML document instead of text."));
}

QCommandLineOption noRegisteredOption()
{
    return QCommandLineOption(
        QStringLiteral("no-registered"),
        QCoreApplication::translate("CommandLine",
                                    "Only the modules of --module and TOKENDESK_MODULES: not those p11-kit "
                                    "registers, nor the browser's NSS database."));
}

QCommandLineOption maskSerialsOption()
{
    return QCommandLineOption(
        QStringLiteral("mask-serials"),
        QCoreApplication::translate(
            "CommandLine", "Card, token and certificate serial numbers masked but their last four characters."));
}
} // namespace

QString ReportCli::name() const
{
    return QStringLiteral("report");
}

void ReportCli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(allTokensOption());
    parser.addOption(htmlOption());
    parser.addOption(maskSerialsOption());
    parser.addOption(moduleOption());
    parser.addOption(noRegisteredOption());
    parser.addOption(smartcardListOption());
    PairingCliSupport::addStoreOptions(parser);
}

int ReportCli::run(const QCommandLineParser& parser, CliContext& context)
{
    if (const int refused = refuseArguments(parser, context)) {
        return refused;
    }
    const bool html = parser.isSet(htmlOption());
    if (html && context.json) {
        return usage(context, QCoreApplication::translate("CommandLine", "--html and --json exclude each other."));
    }
    // A directory among the pairing stores: the program that links libldap reads it.
    if (!StoreFactory::readsDirectories()) {
        const QStringList stores = PairingCliSupport::choice(parser).stores;
        if (std::any_of(stores.cbegin(), stores.cend(), LdapUrl::isDirectory)) {
            return CommandLine::execAccounts();
        }
    }
    int exit = 0;
    const SmartcardList* list = cardList(parser, context, &exit);
    if (!list) {
        return exit;
    }
    ReportCommand report(*list);
    ModuleRegistry::Options modules;
    modules.paths = parser.values(moduleOption());
    if (parser.isSet(noRegisteredOption())) {
        modules.registered = false;
        modules.nssDatabase.clear();
    }
    report.setModuleOptions(modules);
    report.setAllTokens(parser.isSet(allTokensOption()));
    report.setMaskSerials(parser.isSet(maskSerialsOption()));
    const auto sources = PairingCliSupport::choiceWithDirectory(parser, context, &exit);
    if (!sources) {
        return exit;
    }
    report.setPairingSources(*sources);
    using Format = ReportDocument::Format;
    return report.run(html ? Format::Html : context.json ? Format::Json : Format::Text, context.out, context.err);
}

} // namespace tokendesk
