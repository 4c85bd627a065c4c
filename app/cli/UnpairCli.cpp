#include "UnpairCli.h"

#include "PairingCliSupport.h"
#include "app/CommandLine.h"
#include "backend/pairing/PairingAudit.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tokendesk {

QString UnpairCli::name() const
{
    return QStringLiteral("unpair");
}

void UnpairCli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(PairingCliSupport::userOption());
    parser.addOption(PairingCliSupport::certOption());
    PairingCliSupport::addStoreOptions(parser);
    parser.addOption(moduleOption());
}

int UnpairCli::run(const QCommandLineParser& parser, CliContext& context)
{
    if (const int rc = refuseArguments(parser, context)) {
        return rc;
    }
    const QString login = parser.value(PairingCliSupport::userOption());
    if (login.isEmpty()) {
        return usage(context, tr("unpair needs --user LOGIN (and --cert URI|FILE for one certificate)."));
    }
    int exit = 0;
    const auto mappers = PairingCliSupport::mappers(parser, context, &exit);
    if (!mappers) {
        return exit;
    }
    std::optional<PairingCliSupport::NamedCertificate> named;
    if (parser.isSet(PairingCliSupport::certOption())) {
        named = PairingCliSupport::certificate(parser.value(PairingCliSupport::certOption()),
                                               parser.values(moduleOption()), context, &exit);
        if (!named) {
            return exit;
        }
    }
    const CertificateInfo* certificate = named ? &named->info : nullptr;
    const QString sha256 = certificate ? QString::fromLatin1(certificate->sha256.toHex()) : QString();
    // Every store the login stack reads (or those named): the account loses the certificate everywhere.
    int removed = 0;
    QJsonArray stores;
    std::optional<PairingError> failure;
    for (const ConfiguredMapper& mapper : *mappers) {
        if (!mapper.store) {
            continue;
        }
        const auto result = mapper.store->unpair(login, certificate);
        QJsonObject s{{QStringLiteral("store"), mapper.store->spec()}};
        if (result) {
            removed += result.value();
            s.insert(QStringLiteral("removed"), result.value());
            if (!PairingAudit::record(
                    {PairingAudit::Action::Unpair, login, mapper.store->spec(), sha256, result.value()},
                    PairingCliSupport::choice(parser).auditLog)) {
                context.err << tr("Warning: the audit log file could not be written (syslog has the line).") << '\n';
            }
            if (!context.json) {
                context.out << tr("Unpaired \"%1\" in %2: %n entries removed.", nullptr, result.value())
                                   .arg(PrintableText::escape(login), PrintableText::escape(mapper.store->spec()))
                            << '\n';
            }
        } else if (result.error().code == PairingError::Code::NotPaired ||
                   (mapper.store->kind() != QLatin1String("ldap") &&
                    (result.error().code == PairingError::Code::NoSuchAccount ||
                     result.error().code == PairingError::Code::BadLogin))) {
            // Nothing there: an account already deleted has no home, and a login no file holds.
            // (A directory without the account is an error: the helpdesk typed a wrong name.)
            s.insert(QStringLiteral("removed"), 0);
        } else {
            s.insert(QStringLiteral("error"),
                     CommandLine::errorJson(result.error().codeName(), PairingText::error(result.error())));
            context.err << PairingText::error(result.error()) << '\n';
            failure = result.error();
        }
        stores.append(s);
    }
    if (failure) {
        if (context.json) {
            context.out << QJsonDocument(
                               QJsonObject{{QStringLiteral("removed"), removed},
                                           {QStringLiteral("stores"), stores},
                                           {QStringLiteral("error"),
                                            CommandLine::errorJson(failure->codeName(), PairingText::error(*failure))}})
                               .toJson(QJsonDocument::Indented);
        }
        return 1;
    }
    if (removed == 0) {
        const QString message = certificate ? tr("Nothing to unpair: no store pairs this certificate with \"%1\".")
                                                  .arg(PrintableText::escape(login))
                                            : tr("Nothing to unpair: no store pairs any certificate with \"%1\".")
                                                  .arg(PrintableText::escape(login));
        return CommandLine::fail(context.json, QStringLiteral("not_paired"), message, context.out, context.err);
    }
    if (context.json) {
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("removed"), removed},
                                                 {QStringLiteral("login"), login},
                                                 {QStringLiteral("stores"), stores}})
                           .toJson(QJsonDocument::Indented);
    }
    return 0;
}

} // namespace tokendesk
