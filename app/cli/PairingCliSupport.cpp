#include "PairingCliSupport.h"

#include "app/CommandLine.h"
#include "app/TerminalPinPrompter.h"
#include "backend/pairing/PairingSources.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/TokenReader.h"
#include "backend/x509/CertificateBundle.h"
#include "backend/x509/CertificateParser.h"
#include "models/CertificateText.h"
#include "models/PairingText.h"

#include <QCoreApplication>

namespace tokendesk {

QCommandLineOption PairingCliSupport::storeOption()
{
    return QCommandLineOption(QStringLiteral("store"),
                              QCoreApplication::translate(
                                  "CommandLine",
                                  "The pairing store KIND:PATH (pam-digest:FILE, pam-subject:FILE, pam-eid, ssh) or a "
                                  "directory's URL (ldap://HOST[:PORT]/BASE, ldaps://...) instead of "
                                  "pam_pkcs11's mappers (repeatable)."),
                              QStringLiteral("KIND:PATH|URL"));
}

namespace {
QCommandLineOption bindDnOption()
{
    return QCommandLineOption(
        QStringLiteral("bind-dn"),
        QCoreApplication::translate("CommandLine",
                                    "A directory store: bind as DN (the password is read from the terminal, or the "
                                    "first line of stdin); without it the bind is anonymous."),
        QStringLiteral("DN"));
}

QCommandLineOption caFileOption()
{
    return QCommandLineOption(
        QStringLiteral("ca-file"),
        QCoreApplication::translate("CommandLine",
                                    "A directory store: trust the CA certificates of FILE (PEM) for ldaps:// and "
                                    "StartTLS instead of the system's."),
        QStringLiteral("FILE"));
}

QCommandLineOption startTlsOption()
{
    return QCommandLineOption(
        QStringLiteral("starttls"),
        QCoreApplication::translate("CommandLine",
                                    "A directory store: upgrade ldap:// with StartTLS (required: no plain-text "
                                    "fallback)."));
}

QCommandLineOption sssdConfOption()
{
    return QCommandLineOption(
        QStringLiteral("sssd-conf"),
        QCoreApplication::translate("CommandLine",
                                    "A directory store: read SSSD's certificate mapping rules from FILE (default "
                                    "/etc/sssd/sssd.conf when readable, else SSSD's default rule)."),
        QStringLiteral("FILE"));
}
} // namespace

void PairingCliSupport::addStoreOptions(QCommandLineParser& parser)
{
    parser.addOption(storeOption());
    parser.addOption(pamConfigOption());
    parser.addOption(bindDnOption());
    parser.addOption(caFileOption());
    parser.addOption(startTlsOption());
    parser.addOption(sssdConfOption());
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

std::optional<PairingSources::Choice> PairingCliSupport::choiceWithDirectory(const QCommandLineParser& parser,
                                                                             CliContext& context, int* exit)
{
    PairingSources::Choice chosen = choice(parser);
    auto access = std::make_shared<DirectoryAccess>();
    access->options = DirectoryOptions::fromSettings();
    access->options.bindDn = parser.value(bindDnOption());
    if (parser.isSet(caFileOption())) {
        access->options.caFile = parser.value(caFileOption());
    }
    if (parser.isSet(startTlsOption())) {
        access->options.startTls = true;
    }
    if (parser.isSet(sssdConfOption())) {
        access->options.sssdConf = parser.value(sssdConfOption());
    }
    if (!access->options.bindDn.isEmpty()) {
        TerminalPinPrompter prompter(0, context.err);
        auto password = prompter.askSecret(
            QCoreApplication::translate("CommandLine", "Password for %1").arg(access->options.bindDn), false);
        if (!password) {
            *exit = CommandLine::fail(context.json, QStringLiteral("no_password"),
                                      QCoreApplication::translate("CommandLine",
                                                                  "No password was given for the bind DN: nothing "
                                                                  "was asked of the directory."),
                                      context.out, context.err);
            return std::nullopt;
        }
        access->password = std::move(*password);
    }
    chosen.directory = std::move(access);
    return chosen;
}

std::optional<std::vector<ConfiguredMapper>> PairingCliSupport::mappers(const QCommandLineParser& parser,
                                                                        CliContext& context, int* exit)
{
    const auto chosen = choiceWithDirectory(parser, context, exit);
    if (!chosen) {
        return std::nullopt;
    }
    auto opened = PairingSources::open(*chosen);
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
    ModuleRegistry::Options options;
    options.paths = modules;
    const ModuleRegistry registry(options);
    // Cards and tokens, not the system's trust stores and keyrings (p11-kit-trust's 140 CAs are
    // paired with nobody): as `report` lists them.
    QSet<QString> system;
    for (const ModuleInfo& module : registry.modules()) {
        if (module.system) {
            system.insert(module.path);
        }
    }
    for (const TokenInfo& token : registry.scan().tokens) {
        const auto module = registry.module(token.modulePath);
        if (system.contains(token.modulePath) || !token.tokenInitialized || !module) {
            continue;
        }
        for (const CertificateEntry& entry : TokenReader::read(Pkcs11Token(module, token)).certificates) {
            if (entry.info) {
                certificates.append(*entry.info);
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
