#pragma once

#include "CliCommand.h"
#include "backend/pairing/StoreFactory.h"

#include <QCoreApplication>
#include <future>

namespace tokendesk {

/// `tokendesk pairings`: see its line in CliRegistry.cpp.
class PairingsCli : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(PairingsCli)
public:
    QString name() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;

private:
    /// Directories only: rows printed as each page arrives.
    static int stream(const std::vector<ConfiguredMapper>& mappers, std::future<QList<CertificateInfo>>& presentLater,
                      const QString& user, CliContext& context);
};

} // namespace tokendesk
