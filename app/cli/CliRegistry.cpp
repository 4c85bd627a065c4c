#include "CliRegistry.h"

#include "AtrCli.h"
#include "CertCli.h"
#include "PinCli.h"
#include "ReportCli.h"
#include "WatchCli.h"

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
