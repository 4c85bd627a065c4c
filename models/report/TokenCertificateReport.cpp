#include "TokenCertificateReport.h"

#include "CertificateReport.h"
#include "backend/x509/CertificateParser.h"
#include "models/CertificateText.h"

#include <QJsonArray>

namespace tokendesk {

namespace {
QString key(const char* name)
{
    return QString::fromLatin1(name);
}

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

/// CertificateReport::isoOrNull's value without a QJsonValue for the text.
void insertTime(JsonFields& o, const QString& key, const QDateTime& time)
{
    if (time.isValid()) {
        o.insertText(key, CertificateReport::isoText(time));
    } else {
        o.insert(key, QJsonValue());
    }
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

QString TokenCertificateReport::keyStateCode(CertificateEntry::KeyState state)
{
    switch (state) {
    case CertificateEntry::KeyState::Present:
        return key("present");
    case CertificateEntry::KeyState::Expected:
        return key("expected");
    case CertificateEntry::KeyState::None:
        break;
    }
    return key("none");
}

void TokenCertificateReport::addTokenFields(QJsonObject& o, const TokenInfo& token, const CertificateEntry& entry,
                                            const SerialMask& mask)
{
    JsonFields fields;
    addTokenFields(fields, token, entry, mask);
    const QJsonObject added = fields.toObject();
    for (auto it = added.begin(); it != added.end(); ++it) {
        o.insert(it.key(), it.value());
    }
}

void TokenCertificateReport::addTokenFields(JsonFields& o, const TokenInfo& token, const CertificateEntry& entry,
                                            const SerialMask& mask)
{
    o.insertText(QStringLiteral("uri"), mask.uri(entry.uri()));
    o.insertText(QStringLiteral("label"), entry.object.label);
    o.insertText(QStringLiteral("id"), QString::fromLatin1(entry.object.id.toHex()));
    o.insertText(QStringLiteral("token_label"), token.label);
    o.insertText(QStringLiteral("token_serial"), mask.serial(token.serial));
    o.insertText(QStringLiteral("token_uri"), mask.uri(token.uri));
    o.insertText(QStringLiteral("module"), token.moduleName);
    o.insertText(QStringLiteral("module_path"), token.modulePath);
    o.insert(QStringLiteral("has_private_key"), entry.isIdentity());
    o.insertText(QStringLiteral("key_state"), keyStateCode(entry.keyState));
    if (entry.privateKey) {
        o.insertText(QStringLiteral("private_key_uri"), mask.uri(entry.privateKey->uri));
    } else {
        o.insert(QStringLiteral("private_key_uri"), QJsonValue());
    }
}

QJsonObject TokenCertificateReport::json(const TokenInfo& token, const CertificateEntry& entry, const QDateTime& now,
                                         const SerialMask& mask)
{
    return fields(token, entry, now, mask).toObject();
}

JsonFields TokenCertificateReport::fields(const TokenInfo& token, const CertificateEntry& entry, const QDateTime& now,
                                          const SerialMask& mask)
{
    JsonFields o;
    if (entry.info) {
        const CertificateInfo& info = *entry.info;
        o.insertText(QStringLiteral("subject"), mask.distinguishedName(info.subject));
        o.insertText(QStringLiteral("issuer"), mask.distinguishedName(info.issuer));
        o.insertText(QStringLiteral("friendly_name"), info.friendlyName);
        o.insertText(QStringLiteral("serial"), mask.serial(info.serial));
        insertTime(o, QStringLiteral("not_before"), info.notBefore);
        insertTime(o, QStringLiteral("not_after"), info.notAfter);
        o.insertText(QStringLiteral("validity"), CertificateReport::validityCode(info.validityAt(now)));
        o.insert(QStringLiteral("key"), CertificateReport::keySummaryJson(info.key));
        o.insert(QStringLiteral("key_usage"), CertificateReport::keyUsageJson(info));
        o.insert(QStringLiteral("extended_key_usage"), CertificateReport::extendedKeyUsageJson(info));
        o.insertTextOrNull(QStringLiteral("sha1"), CertificateReport::hexText(info.sha1));
        o.insertTextOrNull(QStringLiteral("public_key_sha1"), CertificateReport::hexText(info.publicKeySha1));
        o.insert(QStringLiteral("parse_error"), QJsonValue());
    } else {
        // Kept, with what the token says of it: a broken certificate is worth a line in a report.
        for (const char* name : {"subject", "issuer", "friendly_name", "serial", "not_before", "not_after", "validity",
                                 "key", "sha1", "public_key_sha1"}) {
            o.insert(key(name), QJsonValue());
        }
        o.insert(QStringLiteral("key_usage"), QJsonArray());
        o.insert(QStringLiteral("extended_key_usage"), QJsonArray());
        const X509Error& error = entry.parseError.value_or(X509Error{});
        o.insert(QStringLiteral("parse_error"), QJsonObject{{QStringLiteral("code"), error.codeName()},
                                                            {QStringLiteral("message"), CertificateText::error(error)},
                                                            {QStringLiteral("detail"), error.detail}});
    }
    o.insertTextOrNull(QStringLiteral("sha256"), CertificateReport::hexText(entry.sha256()));
    addTokenFields(o, token, entry, mask);
    o.insert(QStringLiteral("pairings"), QJsonArray());
    return o;
}

void TokenCertificateReport::addText(const CertificateEntry& entry, const QDateTime& now, const SerialMask& mask,
                                     ReportOutline& out)
{
    if (!entry.info) {
        out.add(2, tr("certificate %1: unreadable (%2)")
                       .arg(entry.object.label, CertificateText::error(entry.parseError.value_or(X509Error{}))));
    } else {
        const CertificateInfo& info = *entry.info;
        const QString subject = mask.distinguishedName(info.subject);
        out.add(2, textOrNull(info.friendlyName).toString(subject));
        out.add(3, tr("subject: %1").arg(subject));
        out.add(3, tr("issuer: %1").arg(mask.distinguishedName(info.issuer)));
        out.add(3, tr("valid until: %1 (%2)")
                       .arg(CertificateText::dateTime(info.notAfter), CertificateText::validity(info.validityAt(now))));
        out.add(3, tr("key: %1").arg(CertificateText::key(info.key)));
        out.add(3, tr("SHA-256: %1").arg(CertificateInfo::colonHex(info.sha256)));
    }
    QString keyState;
    switch (entry.keyState) {
    case CertificateEntry::KeyState::Present:
        keyState = tr("present (identity)", "private key");
        break;
    case CertificateEntry::KeyState::Expected:
        keyState = tr("expected after login", "private key");
        break;
    case CertificateEntry::KeyState::None:
        keyState = tr("none", "private key");
        break;
    }
    out.add(3, tr("private key: %1").arg(keyState));
    out.add(3, QStringLiteral("URI: ") + mask.uri(entry.uri()));
}

ChainResult TokenCertificateReport::verifyOnTokens(const CertificateInfo& info, const QList<Pkcs11Token>& tokens,
                                                   const QDateTime& now)
{
    ChainVerifier verifier;
    verifier.setIntermediates(tokenIntermediates(tokens, info.der));
    verifier.setTime(now);
    return verifier.verify(info);
}

QJsonObject TokenCertificateReport::showJson(const FoundCertificate& found, const ChainResult& chain,
                                             const QDateTime& now)
{
    QJsonObject o = CertificateReport::toJson(*found.entry.info, chain, now);
    addTokenFields(o, found.token, found.entry);
    o.insert(key("pairings"), QJsonArray());
    return o;
}

void TokenCertificateReport::printShowText(const FoundCertificate& found, const ChainResult& chain,
                                           const QDateTime& now, QTextStream& out)
{
    CertificateReport::printText(*found.entry.info, chain, now, out);
    out << QString(CertificateReport::tr("Token") + QLatin1Char(':')).leftJustified(26)
        << QStringLiteral("%1 (%2)").arg(found.token.label, found.token.serial) << '\n';
    out << QString(CertificateReport::tr("Private key") + QLatin1Char(':')).leftJustified(26)
        << keyStateCode(found.entry.keyState) << '\n';
    out << QString(QStringLiteral("URI:")).leftJustified(26) << found.entry.uri() << '\n';
}

} // namespace tokendesk
