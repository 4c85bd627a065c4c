#include "CliRegistry.h"

#include "AtrCli.h"
#include "CertCli.h"
#include "ImportP12Cli.h"
#include "PairCli.h"
#include "PairingsCli.h"
#include "PinCli.h"
#include "ReportCli.h"
#include "UnpairCli.h"
#include "VtokenCli.h"
#include "WatchCli.h"
#include "WhoisCli.h"

namespace tokendesk {

const std::vector<std::unique_ptr<CliCommand>>& CliRegistry::commands()
{
    static const std::vector<std::unique_ptr<CliCommand>> all = [] {
        std::vector<std::unique_ptr<CliCommand>> list;
        list.push_back(std::make_unique<ReportCli>());
        list.push_back(std::make_unique<WatchCli>());
        list.push_back(std::make_unique<AtrCli>());
        list.push_back(std::make_unique<CertCli>());
        list.push_back(std::make_unique<PinCli>());
        list.push_back(std::make_unique<PairCli>());
        list.push_back(std::make_unique<UnpairCli>());
        list.push_back(std::make_unique<PairingsCli>());
        list.push_back(std::make_unique<WhoisCli>());
        list.push_back(std::make_unique<ImportP12Cli>());
        list.push_back(std::make_unique<VtokenCli>());
        return list;
    }();
    return all;
}

CliCommand* CliRegistry::find(const QString& name)
{
    for (const auto& command : commands()) {
        if (command->name() == name) {
            return command.get();
        }
    }
    return nullptr;
}

} // namespace tokendesk
