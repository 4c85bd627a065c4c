#include "CertCommand.h"

#include "CommandLine.h"
#include "TokenCertificates.h"
#include "backend/common/AtomicFile.h"
#include "backend/x509/CertificateBundle.h"
#include "backend/x509/CertificateExport.h"
#include "backend/x509/CertificateParser.h"
#include "models/CertificateText.h"
#include "models/ErrorText.h"

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

QJsonValue hexOrNull(const QByteArray& bytes)
{
    return CertCommand::hexOrNull(bytes);
}

QJsonValue isoOrNull(const QDateTime& time)
{
    return CertCommand::isoOrNull(time);
}

QString keyAlgorithmCode(KeyAlgorithm algorithm)
{
    static const char* const codes[] = {"rsa", "ec", "ed25519", "ed448", "dsa", "other"};
    return key(codes[static_cast<int>(algorithm)]);
}

QString generalNameCode(GeneralName::Type type)
{
    static const char* const codes[] = {"dns", "email", "uri", "ip", "upn", "directory_name", "registered_id", "other"};
    return key(codes[static_cast<int>(type)]);
}

QString keyUsageCode(KeyUsage usage)
{
    static const char* const codes[] = {"digitalSignature", "nonRepudiation", "keyEncipherment",
                                        "dataEncipherment", "keyAgreement",   "keyCertSign",
                                        "cRLSign",          "encipherOnly",   "decipherOnly"};
    return key(codes[static_cast<int>(usage)]);
}

QJsonArray stringArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QJsonArray namesJson(const QList<NameEntry>& entries)
{
    QJsonArray array;
    for (const NameEntry& e : entries) {
        array.append(QJsonObject{{key("name"), e.shortName}, {key("oid"), e.oid}, {key("value"), e.value}});
    }
    return array;
}

QJsonObject chainJson(const ChainResult& chain)
{
    QJsonArray certificates;
    for (const CertificateInfo& c : chain.chain) {
        certificates.append(QJsonObject{{key("subject"), c.subject},
                                        {key("issuer"), c.issuer},
                                        {key("sha256"), hexOrNull(c.sha256)},
                                        {key("not_after"), isoOrNull(c.notAfter)},
                                        {key("self_signed"), c.isSelfSigned()}});
    }
    return {{key("status"), CertCommand::chainStatusCode(chain.status)},
            {key("message"), CertificateText::chainStatus(chain.status)},
            {key("verify_error"), chain.verifyError},
            {key("verify_error_text"), chain.verifyErrorText},
            {key("error_depth"), chain.errorDepth < 0 ? QJsonValue() : QJsonValue(chain.errorDepth)},
            {key("certificates"), certificates}};
}

} // namespace

QJsonValue CertCommand::hexOrNull(const QByteArray& bytes)
{
    return bytes.isEmpty() ? QJsonValue() : QJsonValue(QString::fromLatin1(bytes.toHex()));
}

QJsonValue CertCommand::isoOrNull(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject CertCommand::keyJson(const PublicKeyInfo& k)
{
    return QJsonObject{{key("algorithm"), keyAlgorithmCode(k.algorithm)},
                       {key("oid"), k.oid},
                       {key("bits"), k.bits ? QJsonValue(k.bits) : QJsonValue()},
                       {key("curve"), k.curve.isEmpty() ? QJsonValue() : QJsonValue(k.curve)},
                       {key("nist_curve"), k.nistCurve.isEmpty() ? QJsonValue() : QJsonValue(k.nistCurve)}};
}

QJsonArray CertCommand::keyUsageJson(const CertificateInfo& info)
{
    QJsonArray keyUsage;
    for (KeyUsage u : info.keyUsage) {
        keyUsage.append(keyUsageCode(u));
    }
    return keyUsage;
}

QJsonArray CertCommand::extendedKeyUsageJson(const CertificateInfo& info)
{
    QJsonArray ekus;
    for (const ExtendedKeyUsage& e : info.extendedKeyUsage) {
        ekus.append(QJsonObject{{key("oid"), e.oid}, {key("name"), e.name}});
    }
    return ekus;
}

QString CertCommand::validityCode(CertificateValidity validity)
{
    static const char* const codes[] = {"valid", "expired", "not_yet_valid", "expires_soon"};
    return key(codes[static_cast<int>(validity)]);
}

QString CertCommand::chainStatusCode(ChainStatus status)
{
    static const char* const codes[] = {"trusted",       "untrusted_root", "missing_issuer",    "expired",
                                        "not_yet_valid", "revoked",        "signature_failure", "other"};
    return key(codes[static_cast<int>(status)]);
}

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
    const bool isUri = source.startsWith(QLatin1String("pkcs11:"));
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
        QJsonObject document = toJson(info, chain, now);
        document.insert(key("file"), QJsonObject{{key("certificates"), file.count()},
                                                 {key("skipped_bytes"), file.skippedBytes()},
                                                 {key("other_blocks"), file.otherBlocks()},
                                                 {key("broken_blocks"), file.brokenBlocks()},
                                                 {key("truncated"), file.truncated()}});
        out << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else {
        printText(info, chain, now, out);
        if (file.count() > 1) {
            out << QString(tr("File") + QLatin1Char(':')).leftJustified(26)
                << tr("%n certificate(s); the first is shown", nullptr, int(file.count())) << '\n';
        }
    }
    return 0;
}

namespace {
/// The certificates a URI names, or the error already reported (the exit code).
Result<QList<TokenCertificates::Found>, int> findOnTokens(const QString& text, const CertCommand::Options& options,
                                                          QList<Pkcs11Token>* tokens, QTextStream& out,
                                                          QTextStream& err)
{
    const auto uri = Pkcs11Uri::parse(text);
    if (!uri) {
        return CommandLine::fail(options.json, uri.error(), out, err);
    }
    ModuleRegistry::Options moduleOptions;
    moduleOptions.paths = options.modules;
    const ModuleRegistry registry(moduleOptions);
    auto found = TokenCertificates::find(registry, uri.value(), tokens);
    if (!found) {
        // Scripts read the kind ("token_not_present", "object_not_found"), people the sentence,
        // which names the token to insert by label and serial.
        return CommandLine::fail(options.json, found.error(), out, err);
    }
    return std::move(found).value();
}

/// The other certificates on the tokens: intermediates the chain may use.
QList<CertificateInfo> tokenIntermediates(const QList<Pkcs11Token>& tokens, const QByteArray& self)
{
    QList<CertificateInfo> result;
    ObjectQuery query;
    query.classes = {ObjectInfo::Class::Certificate};
    for (const Pkcs11Token& token : tokens) {
        const ObjectList objects = token.objects(query).valueOr({});
        for (const ObjectInfo& object : objects) {
            if (object.value == self) {
                continue;
            }
            if (auto info = CertificateParser::parseDer(object.value); info && info.value().isCa()) {
                result.append(info.value());
            }
        }
    }
    return result;
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
    for (const TokenCertificates::Found& f : std::as_const(found.value())) {
        if (!f.entry.info) {
            // Shown with what the token says of it; the exit code tells a script it is broken.
            status = 1;
            const X509Error error = f.entry.parseError.value_or(X509Error{});
            err << tr("The certificate %1 cannot be read: %2").arg(f.entry.uri(), CertificateText::error(error))
                << '\n';
            if (options.json) {
                array.append(TokenCertificates::json(f.token, f.entry, now));
            }
            continue;
        }
        const CertificateInfo& info = *f.entry.info;
        ChainVerifier verifier;
        verifier.setIntermediates(tokenIntermediates(tokens, info.der));
        verifier.setTime(now);
        const ChainResult chain = verifier.verify(info);
        if (options.json) {
            QJsonObject o = toJson(info, chain, now);
            TokenCertificates::addTokenFields(o, f.token, f.entry);
            o.insert(key("pairings"), QJsonArray());
            array.append(o);
        } else {
            if (found.value().size() > 1) {
                out << "# " << f.entry.uri() << '\n';
            }
            printText(info, chain, now, out);
            out << QString(tr("Token") + QLatin1Char(':')).leftJustified(26)
                << QStringLiteral("%1 (%2)").arg(f.token.label, f.token.serial) << '\n';
            out << QString(tr("Private key") + QLatin1Char(':')).leftJustified(26)
                << TokenCertificates::keyStateCode(f.entry.keyState) << '\n';
            out << QString(QStringLiteral("URI:")).leftJustified(26) << f.entry.uri() << '\n';
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
        for (const TokenCertificates::Found& f : std::as_const(found.value())) {
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
                                         {key("sha256"), hexOrNull(info.sha256)}})
                   .toJson(QJsonDocument::Indented);
    }
    return 0;
}

QJsonObject CertCommand::toJson(const CertificateInfo& info, const ChainResult& chain, const QDateTime& now)
{
    QJsonArray san;
    for (const GeneralName& n : info.subjectAltNames) {
        QJsonObject o{{key("type"), generalNameCode(n.type)}, {key("value"), n.value}};
        if (!n.oid.isEmpty()) {
            o.insert(key("oid"), n.oid);
        }
        san.append(o);
    }
    QJsonArray extensions;
    for (const CertificateExtension& e : info.extensions) {
        extensions.append(QJsonObject{{key("oid"), e.oid},
                                      {key("name"), e.shortName},
                                      {key("critical"), e.critical},
                                      {key("known"), e.known},
                                      {key("text"), e.text},
                                      {key("value"), QString::fromLatin1(e.value.toHex())}});
    }
    const BasicConstraints& bc = info.basicConstraints;
    const QJsonValue basicConstraints =
        bc.present
            ? QJsonValue(QJsonObject{{key("ca"), bc.ca},
                                     {key("path_length"), bc.pathLength ? QJsonValue(*bc.pathLength) : QJsonValue()}})
            : QJsonValue();
    const PublicKeyInfo& k = info.key;
    return QJsonObject{
        {key("subject"), info.subject},
        {key("issuer"), info.issuer},
        {key("subject_entries"), namesJson(info.subjectEntries)},
        {key("issuer_entries"), namesJson(info.issuerEntries)},
        {key("friendly_name"), info.friendlyName},
        {key("version"), info.version},
        {key("serial"), info.serial},
        {key("not_before"), isoOrNull(info.notBefore)},
        {key("not_after"), isoOrNull(info.notAfter)},
        {key("validity"), validityCode(info.validityAt(now))},
        {key("key"), keyJson(k)},
        {key("signature_algorithm"), info.signatureAlgorithm},
        {key("signature_algorithm_oid"), info.signatureAlgorithmOid},
        {key("san"), san},
        {key("key_usage"), keyUsageJson(info)},
        {key("extended_key_usage"), extendedKeyUsageJson(info)},
        {key("basic_constraints"), basicConstraints},
        {key("policies"), stringArray(info.policies)},
        {key("aia"),
         QJsonObject{{key("ocsp"), stringArray(info.ocspUrls)}, {key("ca_issuers"), stringArray(info.caIssuersUrls)}}},
        {key("crl_distribution_points"), stringArray(info.crlDistributionPoints)},
        {key("ski"), hexOrNull(info.subjectKeyId)},
        {key("aki"), hexOrNull(info.authorityKeyId)},
        {key("sha1"), hexOrNull(info.sha1)},
        {key("sha256"), hexOrNull(info.sha256)},
        {key("public_key_sha1"), hexOrNull(info.publicKeySha1)},
        {key("spki_sha256"), hexOrNull(info.spkiSha256)},
        {key("self_signed"), info.isSelfSigned()},
        {key("ca"), info.isCa()},
        {key("names_repaired"), info.namesRepaired},
        {key("extensions"), extensions},
        {key("chain"), chainJson(chain)},
    };
}

void CertCommand::printText(const CertificateInfo& info, const ChainResult& chain, const QDateTime& now,
                            QTextStream& out)
{
    const auto line = [&out](const QString& label, const QString& value) {
        out << QString(label + QLatin1Char(':')).leftJustified(26) << value << '\n';
    };
    const auto list = [&out](const QString& label, const QStringList& values) {
        if (values.isEmpty()) {
            return;
        }
        out << label << ":\n";
        for (const QString& v : values) {
            out << "    " << v << '\n';
        }
    };
    line(tr("Subject"), info.subject);
    line(tr("Issuer"), info.issuer);
    line(tr("Name"), info.friendlyName);
    line(tr("Serial number"), info.serial);
    line(tr("Valid from"), CertificateText::dateTime(info.notBefore));
    line(tr("Valid until"), CertificateText::dateTime(info.notAfter));
    line(tr("Validity"), CertificateText::validity(info.validityAt(now)) % QStringLiteral(" \u2014 ") %
                             CertificateText::validityDetails(info, now));
    line(tr("Key"), CertificateText::key(info.key));
    line(tr("Signature algorithm"), info.signatureAlgorithm);
    if (info.namesRepaired) {
        out << tr("Note: names in this certificate hold invalid characters, shown as \uFFFD.") << '\n';
    }

    QStringList names;
    for (const GeneralName& n : info.subjectAltNames) {
        names << CertificateText::generalName(n);
    }
    list(tr("Subject alternative names"), names);
    QStringList usages;
    for (KeyUsage u : info.keyUsage) {
        usages << CertificateText::keyUsage(u);
    }
    if (info.hasKeyUsage) {
        line(tr("Key usage"), usages.join(QStringLiteral(", ")));
    }
    QStringList ekus;
    for (const ExtendedKeyUsage& e : info.extendedKeyUsage) {
        ekus << QStringLiteral("%1 (%2)").arg(CertificateText::extendedKeyUsage(e), e.oid);
    }
    list(tr("Extended key usage"), ekus);
    if (info.basicConstraints.present) {
        line(tr("Basic constraints"), CertificateText::basicConstraints(info.basicConstraints));
    }
    list(tr("Policies"), info.policies);
    list(tr("OCSP"), info.ocspUrls);
    list(tr("CA issuers"), info.caIssuersUrls);
    list(tr("CRL distribution points"), info.crlDistributionPoints);
    if (!info.subjectKeyId.isEmpty()) {
        line(tr("Subject key ID"), CertificateInfo::colonHex(info.subjectKeyId));
    }
    if (!info.authorityKeyId.isEmpty()) {
        line(tr("Authority key ID"), CertificateInfo::colonHex(info.authorityKeyId));
    }
    line(tr("SHA-1 fingerprint"), CertificateInfo::colonHex(info.sha1));
    line(tr("SHA-256 fingerprint"), CertificateInfo::colonHex(info.sha256));
    line(tr("Public key SHA-1"), QString::fromLatin1(info.publicKeySha1.toHex()));

    out << tr("Extensions") << ":\n";
    for (const CertificateExtension& e : info.extensions) {
        out << "    " << e.shortName;
        if (e.shortName != e.oid) {
            out << " (" << e.oid << ')';
        }
        out << (e.critical ? QStringLiteral(", ") + tr("critical") : QString()) << '\n';
        const QStringList textLines = e.text.split(QLatin1Char('\n'));
        for (const QString& t : textLines) {
            out << "        " << t.trimmed() << '\n';
        }
    }

    out << tr("Chain") << ": " << CertificateText::chainStatus(chain.status);
    if (!chain.trusted()) {
        out << " (" << chain.verifyErrorText << ')';
    }
    out << '\n';
    for (int i = 0; i < chain.chain.size(); ++i) {
        out << "    " << i << ": " << chain.chain.at(i).subject << '\n';
    }
}

} // namespace tokendesk
