#pragma once

#include "CliCommand.h"

namespace tokendesk {

/// `tokendesk report`: see its line in CliRegistry.cpp.
class ReportCli : public CliCommand
{
public:
    QString name() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace tokendesk
