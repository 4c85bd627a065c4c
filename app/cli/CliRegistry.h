#pragma once

#include "CliCommand.h"

#include <memory>
#include <vector>

namespace tokendesk {

/// Every `tokendesk COMMAND`, in the order `tokendesk --help` lists them.
class CliRegistry
{
public:
    static const std::vector<std::unique_ptr<CliCommand>>& commands();
    /// The command with this name; null when there is none.
    static CliCommand* find(const QString& name);
};

} // namespace tokendesk
