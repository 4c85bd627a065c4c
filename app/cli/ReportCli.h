#pragma once

#include "CliCommand.h"

namespace tokendesk {

/// `tokendesk report`: see description().
class ReportCli : public CliCommand
{
public:
    QString name() const override;
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace tokendesk
