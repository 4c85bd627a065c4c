#include "CertCommand.h"

#include "CommandLine.h"
#include "backend/x509/CertificateExport.h"
#include "backend/x509/CertificateParser.h"
#include "models/CertificateText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace tokendesk {

namespace {
constexpr int kUsageError = 2;

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

/// Digests and key identifiers: lower-case hex without separators, as sha256sum prints them.
QJsonValue hexOrNull(const QByteArray& bytes)
{
    return bytes.isEmpty() ? QJsonValue() : QJsonValue(QString::fromLatin1(bytes.toHex()));
}

QJsonValue isoOrNull(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
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

/// The certificates of the file after the first: intermediates the chain may use.
QList<CertificateInfo> companions(const QString& path)
{
    auto all = CertificateParser::parseAllFromFile(path);
    return all && all.value().size() > 1 ? all.value().mid(1) : QList<CertificateInfo>();
}
} // namespace

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
        return usage(tr("Missing argument: the certificate file, e.g. tokendesk cert %1 FILE").arg(action));
    }
    if (options.arguments.size() > 2) {
        return usage(tr("Unexpected argument: %1").arg(options.arguments.at(2)));
    }
    if (action == QLatin1String("show")) {
        if (!options.output.isEmpty() || options.der) {
            return usage(tr("-o and --der are options of cert export."));
        }
        return show(options.arguments.at(1), options.json, out, err);
    }
    if (options.output.isEmpty()) {
        return usage(tr("Missing option: -o FILE, where to write the certificate."));
    }
    return exportTo(options.arguments.at(1), options.output, options.der, options.json, out, err);
}

int CertCommand::show(const QString& path, bool json, QTextStream& out, QTextStream& err)
{
    const auto parsed = CertificateParser::parseFile(path);
    if (!parsed) {
        return CommandLine::fail(json, parsed.error().codeName(), CertificateText::error(parsed.error()), out, err);
    }
    const CertificateInfo& info = parsed.value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ChainVerifier verifier;
    verifier.setIntermediates(companions(path));
    verifier.setTime(now);
    const ChainResult chain = verifier.verify(info);
    if (json) {
        out << QJsonDocument(toJson(info, chain, now)).toJson(QJsonDocument::Indented);
    } else {
        printText(info, chain, now, out);
    }
    return 0;
}

int CertCommand::exportTo(const QString& path, const QString& output, bool der, bool json, QTextStream& out,
                          QTextStream& err)
{
    const auto parsed = CertificateParser::parseFile(path);
    if (!parsed) {
        return CommandLine::fail(json, parsed.error().codeName(), CertificateText::error(parsed.error()), out, err);
    }
    const QByteArray bytes =
        CertificateExport::encode(parsed.value(), der ? CertificateFormat::Der : CertificateFormat::Pem);
    // Written whole or not at all: a half-written certificate is worse than none.
    QSaveFile file(output);
    if (bytes.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return CommandLine::fail(json, key("write_failed"), tr("Cannot write %1 (%2).").arg(output, file.errorString()),
                                 out, err);
    }
    if (json) {
        out << QJsonDocument(QJsonObject{{key("output"), output},
                                         {key("format"), der ? key("der") : key("pem")},
                                         {key("subject"), parsed.value().subject},
                                         {key("sha256"), hexOrNull(parsed.value().sha256)}})
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
    QJsonArray keyUsage;
    for (KeyUsage u : info.keyUsage) {
        keyUsage.append(keyUsageCode(u));
    }
    QJsonArray ekus;
    for (const ExtendedKeyUsage& e : info.extendedKeyUsage) {
        ekus.append(QJsonObject{{key("oid"), e.oid}, {key("name"), e.name}});
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
        {key("key"), QJsonObject{{key("algorithm"), keyAlgorithmCode(k.algorithm)},
                                 {key("oid"), k.oid},
                                 {key("bits"), k.bits ? QJsonValue(k.bits) : QJsonValue()},
                                 {key("curve"), k.curve.isEmpty() ? QJsonValue() : QJsonValue(k.curve)},
                                 {key("nist_curve"), k.nistCurve.isEmpty() ? QJsonValue() : QJsonValue(k.nistCurve)}}},
        {key("signature_algorithm"), info.signatureAlgorithm},
        {key("signature_algorithm_oid"), info.signatureAlgorithmOid},
        {key("san"), san},
        {key("key_usage"), keyUsage},
        {key("extended_key_usage"), ekus},
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
