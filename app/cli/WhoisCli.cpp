#include "WhoisCli.h"

#include "PairingCliSupport.h"
#include "app/CommandLine.h"
#include "backend/pairing/LoginFinder.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "models/PairingText.h"

#include <QJsonDocument>

namespace tokendesk {

QString WhoisCli::name() const
{
    return QStringLiteral("whois");
}

void WhoisCli::addOptions(QCommandLineParser& parser)
{
    PairingCliSupport::addStoreOptions(parser);
    parser.addOption(moduleOption());
    parser.addPositionalArgument(QStringLiteral("URI"),
                                 QCoreApplication::translate("CommandLine", "The card's token, as a pkcs11: URI."));
}

int WhoisCli::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 1 || !UriResolver::isUri(arguments.first())) {
        return usage(context, tr("whois takes one pkcs11: URI, e.g. tokendesk whois 'pkcs11:token=PIV_II'."));
    }
    const auto uri = Pkcs11Uri::parse(arguments.first());
    if (!uri) {
        return CommandLine::fail(context.json, uri.error(), context.out, context.err);
    }
    int exit = 0;
    auto mappers = PairingCliSupport::mappers(parser, context, &exit);
    if (!mappers) {
        return exit;
    }
    ModuleRegistry::Options options;
    options.paths = parser.values(moduleOption());
    const ModuleRegistry registry(options);
    const UriResolver resolver(registry);
    const auto token = resolver.token(uri.value());
    if (!token && token.error().ambiguous()) {
        return CommandLine::fail(
            context.json, QStringLiteral("ambiguous_uri"),
            tr("The URI names %n tokens; name one card, e.g. with its serial=.", nullptr, token.error().count),
            context.out, context.err);
    }
    if (!token) {
        return CommandLine::fail(context.json, *token.error().pkcs11, context.out, context.err);
    }
    const TokenInfo& info = token.value().info();
    // The token's certificates in the order the card lists them: pam_pkcs11 tries them in that order.
    const auto tokenUri = Pkcs11Uri::parse(info.uri);
    if (!tokenUri) {
        return CommandLine::fail(context.json, tokenUri.error(), context.out, context.err);
    }
    QList<CertificateInfo> certificates;
    const auto found = resolver.certificates(tokenUri.value());
    // A token without certificates answers "nobody"; a card that fails to answer is an error.
    if (!found && found.error().kind != Pkcs11Error::Kind::ObjectNotFound) {
        return CommandLine::fail(context.json, found.error(), context.out, context.err);
    }
    if (found) {
        for (const FoundCertificate& f : found.value()) {
            if (f.entry.info) {
                certificates.append(*f.entry.info);
            }
        }
    }
    const LoginAnswer answer = LoginFinder(std::move(*mappers)).find(certificates);
    if (context.json) {
        QJsonObject o = PairingText::json(answer);
        o.insert(QStringLiteral("token"), QJsonObject{{QStringLiteral("label"), info.label},
                                                      {QStringLiteral("serial"), info.serial},
                                                      {QStringLiteral("uri"), info.uri}});
        o.insert(QStringLiteral("certificates"), int(certificates.size()));
        context.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        context.out << PairingText::answer(answer) << '\n';
    }
    return 0;
}

} // namespace tokendesk
