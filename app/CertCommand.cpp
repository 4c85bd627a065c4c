#include "CertCommand.h"

#include "CommandLine.h"
#include "backend/common/AtomicFile.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/UriResolver.h"
#include "backend/x509/CertificateBundle.h"
#include "backend/x509/CertificateExport.h"
#include "backend/x509/CertificateParser.h"
#include "models/CertificateText.h"
#include "models/ErrorText.h"
#include "models/report/CertificateReport.h"
#include "models/report/TokenCertificateReport.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

namespace tokendesk {

namespace {
constexpr int kUsageError = 2;

QString key(const char* name)
{
    return QString::fromLatin1(name);
}
} // namespace

int CertCommand::run(const Options& options, QTextStream& out, QTextStream& err)
{
    const QString action = options.arguments.value(0);
    const auto usage = [&err](const QString& message) {
        err << message << '\n';
        return kUsageError;
    };
    if (action != QLatin1String("show") && action != QLatin1String("export")) {
        return usage(action.isEmpty() ? tr("Missing argument: show or export, e.g. tokendesk cert show FILE")
                                      : tr("Unknown cert command: %1 (show or export).").arg(action));
    }
    if (options.arguments.size() < 2) {
        return usage(
            tr("Missing argument: the certificate file or PKCS#11 URI, e.g. tokendesk cert %1 FILE").arg(action));
    }
    if (options.arguments.size() > 2) {
        return usage(tr("Unexpected argument: %1").arg(options.arguments.at(2)));
    }
    const QString source = options.arguments.at(1);
    const bool isUri = UriResolver::isUri(source);
    if (action == QLatin1String("show")) {
        if (!options.output.isEmpty() || options.der) {
            return usage(tr("-o and --der are options of cert export."));
        }
        return isUri ? showUri(source, options, out, err) : show(source, options.json, out, err);
    }
    if (options.output.isEmpty()) {
        return usage(tr("Missing option: -o FILE, where to write the certificate (- for standard output)."));
    }
    if (options.output == QLatin1String("-") && options.json) {
        return usage(tr("-o - writes the certificate to standard output, where --json would write too."));
    }
    return isUri ? exportUri(source, options, out, err)
                 : exportTo(source, options.output, options.der, options.json, out, err);
}

int CertCommand::show(const QString& path, bool json, QTextStream& out, QTextStream& err)
{
    // The first certificate of the file is shown; of the others only those its chain may use are parsed.
    const auto data = CertificateParser::readFile(path);
    auto bundle = data ? CertificateBundle::read(data.value()) : Result<CertificateBundle, X509Error>(data.error());
    auto parsed = bundle ? bundle.value().parse(0) : Result<CertificateInfo, X509Error>(bundle.error());
    if (!parsed) {
        X509Error error = parsed.error();
        error.path = path;
        return CommandLine::fail(json, error.codeName(), CertificateText::error(error), out, err);
    }
    const CertificateInfo& info = parsed.value();
    const CertificateBundle& file = bundle.value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ChainVerifier verifier;
    verifier.setIntermediates(file.issuersOf(info));
    verifier.setTime(now);
    const ChainResult chain = verifier.verify(info);
    if (file.skippedAnything() || file.truncated()) {
        err << tr("Warning: %1").arg(CertificateText::bundleSkipped(file)) << '\n';
    }
    if (json) {
        QJsonObject document = CertificateReport::toJson(info, chain, now);
        document.insert(key("file"), CertificateReport::fileJson(file));
        out << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else {
        CertificateReport::printText(info, chain, now, out);
        CertificateReport::printFileText(file, out);
    }
    return 0;
}

namespace {
/// The certificates a URI names, or the error already reported (the exit code).
Result<QList<FoundCertificate>, int> findOnTokens(const QString& text, const CertCommand::Options& options,
                                                  QList<Pkcs11Token>* tokens, QTextStream& out, QTextStream& err)
{
    const auto uri = Pkcs11Uri::parse(text);
    if (!uri) {
        return CommandLine::fail(options.json, uri.error(), out, err);
    }
    ModuleRegistry::Options moduleOptions;
    moduleOptions.paths = options.modules;
    const ModuleRegistry registry(moduleOptions);
    auto found = UriResolver(registry).certificates(uri.value(), tokens);
    if (!found) {
        // Scripts read the kind ("token_not_present", "object_not_found"), people the sentence,
        // which names the token to insert by label and serial.
        return CommandLine::fail(options.json, found.error(), out, err);
    }
    return std::move(found).value();
}

} // namespace

int CertCommand::showUri(const QString& uri, const Options& options, QTextStream& out, QTextStream& err)
{
    QList<Pkcs11Token> tokens;
    auto found = findOnTokens(uri, options, &tokens, out, err);
    if (!found) {
        return found.error();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray array;
    int status = 0;
    for (const FoundCertificate& f : std::as_const(found.value())) {
        if (!f.entry.info) {
            // Shown with what the token says of it; the exit code tells a script it is broken.
            status = 1;
            const X509Error error = f.entry.parseError.value_or(X509Error{});
            err << tr("The certificate %1 cannot be read: %2").arg(f.entry.uri(), CertificateText::error(error))
                << '\n';
            if (options.json) {
                array.append(TokenCertificateReport::json(f.token, f.entry, now));
            }
            continue;
        }
        const ChainResult chain = TokenCertificateReport::verifyOnTokens(*f.entry.info, tokens, now);
        if (options.json) {
            array.append(TokenCertificateReport::showJson(f, chain, now));
        } else {
            if (found.value().size() > 1) {
                out << "# " << f.entry.uri() << '\n';
            }
            TokenCertificateReport::printShowText(f, chain, now, out);
            if (found.value().size() > 1) {
                out << '\n';
            }
        }
    }
    if (options.json) {
        // One certificate: the document of `cert show FILE --json` with the token instead of "file";
        // several: all of them.
        const QJsonObject document =
            array.size() == 1 ? array.first().toObject() : QJsonObject{{key("certificates"), array}};
        out << QJsonDocument(document).toJson(QJsonDocument::Indented);
    }
    return status;
}

int CertCommand::exportUri(const QString& uri, const Options& options, QTextStream& out, QTextStream& err)
{
    auto found = findOnTokens(uri, options, nullptr, out, err);
    if (!found) {
        return found.error();
    }
    if (found.value().size() > 1) {
        QStringList uris;
        for (const FoundCertificate& f : std::as_const(found.value())) {
            uris << f.entry.uri();
        }
        return CommandLine::fail(
            options.json, key("several_objects"),
            tr("The URI names %n certificates; name one (add id= or object=): %1", nullptr, int(uris.size()))
                .arg(uris.join(QStringLiteral(", "))),
            out, err);
    }
    const CertificateEntry& entry = found.value().constFirst().entry;
    if (!entry.info) {
        const X509Error error = entry.parseError.value_or(X509Error{});
        return CommandLine::fail(options.json, error.codeName(), CertificateText::error(error), out, err);
    }
    return writeCertificate(*entry.info, options.output, options.der, options.json, out, err);
}

int CertCommand::exportTo(const QString& path, const QString& output, bool der, bool json, QTextStream& out,
                          QTextStream& err)
{
    const auto parsed = CertificateParser::parseFile(path);
    if (!parsed) {
        return CommandLine::fail(json, parsed.error().codeName(), CertificateText::error(parsed.error()), out, err);
    }
    return writeCertificate(parsed.value(), output, der, json, out, err);
}

int CertCommand::writeCertificate(const CertificateInfo& info, const QString& output, bool der, bool json,
                                  QTextStream& out, QTextStream& err)
{
    const QByteArray bytes = CertificateExport::encode(info, der ? CertificateFormat::Der : CertificateFormat::Pem);
    if (bytes.isEmpty()) {
        return CommandLine::fail(json, key("encode_failed"), tr("The certificate cannot be encoded."), out, err);
    }
    if (output == QLatin1String("-")) {
        // Raw bytes (DER is binary): past the text stream, on the same descriptor.
        out.flush();
        QFile standardOutput;
        if (!standardOutput.open(stdout, QIODevice::WriteOnly, QFileDevice::DontCloseHandle) ||
            standardOutput.write(bytes) != bytes.size() || !standardOutput.flush()) {
            return CommandLine::fail(json, key("write_failed"), tr("Cannot write to standard output."), out, err);
        }
        return 0;
    }
    // Written whole or not at all, only over a regular file, keeping its owner and mode.
    const auto written = AtomicFile::write(output, bytes);
    if (!written) {
        return CommandLine::fail(json, written.error().codeName(), ErrorText::file(written.error()), out, err);
    }
    if (json) {
        out << QJsonDocument(QJsonObject{{key("output"), output},
                                         {key("format"), der ? key("der") : key("pem")},
                                         {key("subject"), info.subject},
                                         {key("sha256"), CertificateReport::hexOrNull(info.sha256)}})
                   .toJson(QJsonDocument::Indented);
    }
    return 0;
}

} // namespace tokendesk
