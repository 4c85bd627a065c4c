// Compiled into every program that links tokendesk_cli_accounts (its INTERFACE source): there
// CliRegistry runs pair, unpair, pairings, whois, import-p12 and vtoken itself. `tokendesk` links
// no tokendesk_cli_accounts and execs tokendesk-accounts for them (docs/ARCHITECTURE.md).

#include "CliRegistry.h"
#include "ImportP12Cli.h"
#include "PairCli.h"
#include "PairingsCli.h"
#include "UnpairCli.h"
#include "VtokenCli.h"
#include "WhoisCli.h"

namespace tokendesk {

namespace {

std::unique_ptr<CliCommand> makeAccountCommand(const QString& name)
{
    if (name == QLatin1String("pair")) {
        return std::make_unique<PairCli>();
    }
    if (name == QLatin1String("unpair")) {
        return std::make_unique<UnpairCli>();
    }
    if (name == QLatin1String("pairings")) {
        return std::make_unique<PairingsCli>();
    }
    if (name == QLatin1String("whois")) {
        return std::make_unique<WhoisCli>();
    }
    if (name == QLatin1String("import-p12")) {
        return std::make_unique<ImportP12Cli>();
    }
    if (name == QLatin1String("vtoken")) {
        return std::make_unique<VtokenCli>();
    }
    return nullptr;
}

struct AccountCommandsRegistration
{
    AccountCommandsRegistration() { CliRegistry::setAccountsFactory(&makeAccountCommand); }
};

const AccountCommandsRegistration registration;

} // namespace

} // namespace tokendesk
