#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk {

class VirtualTokens;

/// `tokendesk vtoken list|create|delete|reset-pin|browsers`: see its line in CliRegistry.cpp.
class VtokenCli : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(VtokenCli)
public:
    QString name() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;

private:
    int list(const VirtualTokens& tokens, CliContext& context);
    int create(const VirtualTokens& tokens, const QString& label, CliContext& context);
    int remove(const VirtualTokens& tokens, const QString& label, bool yes, CliContext& context);
    int resetPin(const VirtualTokens& tokens, const QString& label, CliContext& context);
};

} // namespace tokendesk
