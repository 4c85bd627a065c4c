#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk {

/// `tokendesk pairings`: see description().
class PairingsCli : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(PairingsCli)
public:
    QString name() const override;
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace tokendesk
