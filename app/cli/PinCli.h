#pragma once

#include "CliCommand.h"

namespace tokendesk {

/// `tokendesk pin`: see its line in CliRegistry.cpp.
class PinCli : public CliCommand
{
public:
    QString name() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace tokendesk
