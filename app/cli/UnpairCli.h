#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk {

/// `tokendesk unpair`: see its line in CliRegistry.cpp.
class UnpairCli : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(UnpairCli)
public:
    QString name() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace tokendesk
