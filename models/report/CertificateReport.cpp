#include "CertificateReport.h"

#include "models/CertificateText.h"

#include <QJsonArray>
#include <cstdio>

namespace tokendesk {

namespace {
QString key(const char* name)
{
    return QString::fromLatin1(name);
}

QJsonValue hexOrNull(const QByteArray& bytes)
{
    return CertificateReport::hexOrNull(bytes);
}

QJsonValue isoOrNull(const QDateTime& time)
{
    return CertificateReport::isoOrNull(time);
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
    return {{key("status"), CertificateReport::chainStatusCode(chain.status)},
            {key("message"), CertificateText::chainStatus(chain.status)},
            {key("verify_error"), chain.verifyError},
            {key("verify_error_text"), chain.verifyErrorText},
            {key("error_depth"), chain.errorDepth < 0 ? QJsonValue() : QJsonValue(chain.errorDepth)},
            {key("certificates"), certificates}};
}

} // namespace

QJsonValue CertificateReport::hexOrNull(const QByteArray& bytes)
{
    return bytes.isEmpty() ? QJsonValue() : QJsonValue(hexText(bytes));
}

QString CertificateReport::hexText(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

QJsonValue CertificateReport::isoOrNull(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(isoText(time)) : QJsonValue();
}

QString CertificateReport::isoText(const QDateTime& time)
{
    if (!time.isValid()) {
        return {};
    }
    const QDateTime utc = time.toUTC();
    int year = 0;
    int month = 0;
    int day = 0;
    utc.date().getDate(&year, &month, &day);
    const QTime clock = utc.time();
    // What Qt::ISODate writes for a UTC time of years 1 to 9999 in whole seconds (a certificate's),
    // without its dozen allocations; anything else as Qt writes it.
    if (year < 1 || year > 9999 || clock.msec() != 0) {
        return utc.toString(Qt::ISODate);
    }
    char text[24];
    const int length = std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                                     clock.hour(), clock.minute(), clock.second());
    return QString::fromLatin1(text, length);
}

QJsonObject CertificateReport::keyJson(const PublicKeyInfo& k)
{
    return QJsonObject{{key("algorithm"), keyAlgorithmCode(k.algorithm)},
                       {key("oid"), k.oid},
                       {key("bits"), k.bits ? QJsonValue(k.bits) : QJsonValue()},
                       {key("curve"), k.curve.isEmpty() ? QJsonValue() : QJsonValue(k.curve)},
                       {key("nist_curve"), k.nistCurve.isEmpty() ? QJsonValue() : QJsonValue(k.nistCurve)}};
}

QJsonObject CertificateReport::keySummaryJson(const PublicKeyInfo& k)
{
    // A token's certificates mostly have keys of one kind (a thousand P-256 keys): the object
    // this thread made last is shared (implicitly, as Qt's containers are) when it is the same,
    // not made again (it was a quarter of the time a report certificate's members took).
    thread_local KeyAlgorithm lastAlgorithm = KeyAlgorithm::Other;
    thread_local int lastBits = 0;
    thread_local QString lastCurve;
    thread_local QJsonObject last;
    if (last.isEmpty() || lastAlgorithm != k.algorithm || lastBits != k.bits || lastCurve != k.curve) {
        last = QJsonObject{{key("algorithm"), keyAlgorithmCode(k.algorithm)},
                           {key("bits"), k.bits ? QJsonValue(k.bits) : QJsonValue()},
                           {key("curve"), k.curve.isEmpty() ? QJsonValue() : QJsonValue(k.curve)}};
        lastAlgorithm = k.algorithm;
        lastBits = k.bits;
        lastCurve = k.curve;
    }
    return last;
}

QJsonArray CertificateReport::keyUsageJson(const CertificateInfo& info)
{
    QJsonArray keyUsage;
    for (KeyUsage u : info.keyUsage) {
        keyUsage.append(keyUsageCode(u));
    }
    return keyUsage;
}

QJsonArray CertificateReport::extendedKeyUsageJson(const CertificateInfo& info)
{
    QJsonArray ekus;
    for (const ExtendedKeyUsage& e : info.extendedKeyUsage) {
        ekus.append(QJsonObject{{key("oid"), e.oid}, {key("name"), e.name}});
    }
    return ekus;
}

QString CertificateReport::validityCode(CertificateValidity validity)
{
    static const char* const codes[] = {"valid", "expired", "not_yet_valid", "expires_soon"};
    return key(codes[static_cast<int>(validity)]);
}

QString CertificateReport::chainStatusCode(ChainStatus status)
{
    static const char* const codes[] = {"trusted",       "untrusted_root", "missing_issuer",    "expired",
                                        "not_yet_valid", "revoked",        "signature_failure", "other"};
    return key(codes[static_cast<int>(status)]);
}

QJsonObject CertificateReport::toJson(const CertificateInfo& info, const ChainResult& chain, const QDateTime& now)
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
        const CertificateExtension::Text text = e.text();
        extensions.append(QJsonObject{{key("oid"), e.oid},
                                      {key("name"), e.shortName},
                                      {key("critical"), e.critical},
                                      {key("known"), text.known},
                                      {key("text"), text.text},
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

void CertificateReport::printText(const CertificateInfo& info, const ChainResult& chain, const QDateTime& now,
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
        const QStringList textLines = e.text().text.split(QLatin1Char('\n'));
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

QJsonObject CertificateReport::fileJson(const CertificateBundle& file)
{
    return QJsonObject{{key("certificates"), file.count()},
                       {key("skipped_bytes"), file.skippedBytes()},
                       {key("other_blocks"), file.otherBlocks()},
                       {key("broken_blocks"), file.brokenBlocks()},
                       {key("truncated"), file.truncated()}};
}

void CertificateReport::printFileText(const CertificateBundle& file, QTextStream& out)
{
    if (file.count() > 1) {
        out << QString(tr("File") + QLatin1Char(':')).leftJustified(26)
            << tr("%n certificate(s); the first is shown", nullptr, int(file.count())) << '\n';
    }
}

} // namespace tokendesk
