#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk {

/// `tokendesk pair`: see its line in CliRegistry.cpp.
class PairCli : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(PairCli)
public:
    QString name() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace tokendesk
