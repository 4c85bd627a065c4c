#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk {

/// `tokendesk whois`: see its line in CliRegistry.cpp.
class WhoisCli : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(WhoisCli)
public:
    QString name() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace tokendesk
