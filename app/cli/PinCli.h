#pragma once

#include "CliCommand.h"

namespace tokendesk {

/// `tokendesk pin`: see description().
class PinCli : public CliCommand
{
public:
    QString name() const override;
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace tokendesk
