#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk {

/// `tokendesk import-p12 FILE --token LABEL [--create]`: see its line in CliRegistry.cpp.
class ImportP12Cli : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportP12Cli)
public:
    QString name() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace tokendesk
