#include "PairingCliSupport.h"

#include "app/CommandLine.h"
#include "backend/pairing/PairingSources.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/x509/CertificateBundle.h"
#include "backend/x509/CertificateParser.h"
#include "models/CertificateText.h"
#include "models/PairingText.h"

#include <QCoreApplication>

namespace tokendesk {

QCommandLineOption PairingCliSupport::storeOption()
{
    return QCommandLineOption(
        QStringLiteral("store"),
        QCoreApplication::translate("CommandLine",
                                    "The pairing store KIND:PATH (pam-digest:FILE, pam-subject:FILE, pam-eid, ssh) "
                                    "instead of pam_pkcs11's mappers (repeatable)."),
        QStringLiteral("KIND:PATH"));
}

QCommandLineOption PairingCliSupport::pamConfigOption()
{
    return QCommandLineOption(QStringLiteral("pam-config"),
                              QCoreApplication::translate("CommandLine",
                                                          "Read pam_pkcs11's mappers and files from FILE (default "
                                                          "/etc/pam_pkcs11/pam_pkcs11.conf)."),
                              QStringLiteral("FILE"));
}

QCommandLineOption PairingCliSupport::userOption()
{
    return QCommandLineOption(QStringLiteral("user"),
                              QCoreApplication::translate("CommandLine", "The account's login name."),
                              QStringLiteral("LOGIN"));
}

QCommandLineOption PairingCliSupport::certOption()
{
    return QCommandLineOption(
        QStringLiteral("cert"),
        QCoreApplication::translate("CommandLine", "The certificate: a PEM or DER file, or a pkcs11: URI naming one."),
        QStringLiteral("URI|FILE"));
}

QCommandLineOption PairingCliSupport::forceOption()
{
    return QCommandLineOption(
        QStringLiteral("force"),
        QCoreApplication::translate(
            "CommandLine", "Pair even though the certificate is not fit for login (expired, untrusted, ...)."));
}

PairingSources::Choice PairingCliSupport::choice(const QCommandLineParser& parser)
{
    PairingSources::Choice choice = PairingSources::fromSettings();
    if (parser.isSet(storeOption())) {
        choice.stores = parser.values(storeOption());
    }
    if (parser.isSet(pamConfigOption())) {
        choice.pamConfigPath = parser.value(pamConfigOption());
        if (!parser.isSet(storeOption())) {
            choice.stores.clear(); // an explicit configuration wins over the settings' stores
        }
    }
    return choice;
}

std::optional<std::vector<ConfiguredMapper>> PairingCliSupport::mappers(const QCommandLineParser& parser,
                                                                        CliContext& context, int* exit)
{
    auto opened = PairingSources::open(choice(parser));
    if (!opened) {
        *exit = fail(context, opened.error());
        return std::nullopt;
    }
    return std::move(opened.value());
}

std::optional<PairingCliSupport::NamedCertificate>
PairingCliSupport::certificate(const QString& source, const QStringList& modules, CliContext& context, int* exit)
{
    if (UriResolver::isUri(source)) {
        const auto uri = Pkcs11Uri::parse(source);
        if (!uri) {
            *exit = CommandLine::fail(context.json, uri.error(), context.out, context.err);
            return std::nullopt;
        }
        ModuleRegistry::Options options;
        options.paths = modules;
        const ModuleRegistry registry(options);
        QList<Pkcs11Token> tokens;
        const auto found = UriResolver(registry).certificates(uri.value(), &tokens);
        if (!found) {
            *exit = CommandLine::fail(context.json, found.error(), context.out, context.err);
            return std::nullopt;
        }
        if (found.value().size() != 1) {
            *exit = CommandLine::fail(
                context.json, QStringLiteral("ambiguous_uri"),
                QCoreApplication::translate("CommandLine",
                                            "The URI names %n certificates; name one, e.g. with its id= or object=.",
                                            nullptr, int(found.value().size())),
                context.out, context.err);
            return std::nullopt;
        }
        const FoundCertificate& one = found.value().constFirst();
        if (!one.entry.info) {
            *exit = CommandLine::fail(context.json, QStringLiteral("not_a_certificate"),
                                      CertificateText::error(one.entry.parseError.value_or(X509Error{})), context.out,
                                      context.err);
            return std::nullopt;
        }
        return NamedCertificate{*one.entry.info, {}, tokens};
    }
    const auto data = CertificateParser::readFile(source);
    auto bundle = data ? CertificateBundle::read(data.value()) : Result<CertificateBundle, X509Error>(data.error());
    auto parsed = bundle ? bundle.value().parse(0) : Result<CertificateInfo, X509Error>(bundle.error());
    if (!parsed) {
        X509Error error = parsed.error();
        error.path = source;
        *exit =
            CommandLine::fail(context.json, error.codeName(), CertificateText::error(error), context.out, context.err);
        return std::nullopt;
    }
    return NamedCertificate{parsed.value(), bundle.value().issuersOf(parsed.value()), {}};
}

QList<CertificateInfo> PairingCliSupport::presentCertificates(const QStringList& modules)
{
    QList<CertificateInfo> certificates;
    const auto uri = Pkcs11Uri::parse(QStringLiteral("pkcs11:type=cert"));
    if (!uri) {
        return certificates;
    }
    ModuleRegistry::Options options;
    options.paths = modules;
    const ModuleRegistry registry(options);
    const auto found = UriResolver(registry).certificates(uri.value());
    if (found) {
        for (const FoundCertificate& f : found.value()) {
            if (f.entry.info) {
                certificates.append(*f.entry.info);
            }
        }
    }
    return certificates;
}

int PairingCliSupport::fail(CliContext& context, const PairingError& error)
{
    return CommandLine::fail(context.json, error.codeName(), PairingText::error(error), context.out, context.err);
}

} // namespace tokendesk
