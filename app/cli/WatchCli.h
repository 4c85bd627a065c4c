#pragma once

#include "CliCommand.h"

namespace tokendesk {

/// `tokendesk watch`: see its line in CliRegistry.cpp.
class WatchCli : public CliCommand
{
public:
    QString name() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace tokendesk
