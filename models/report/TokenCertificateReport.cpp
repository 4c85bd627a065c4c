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
    o.insert(key("uri"), mask.uri(entry.uri()));
    o.insert(key("label"), entry.object.label);
    o.insert(key("id"), QString::fromLatin1(entry.object.id.toHex()));
    o.insert(key("token_label"), token.label);
    o.insert(key("token_serial"), mask.serial(token.serial));
    o.insert(key("token_uri"), mask.uri(token.uri));
    o.insert(key("module"), token.moduleName);
    o.insert(key("module_path"), token.modulePath);
    o.insert(key("has_private_key"), entry.isIdentity());
    o.insert(key("key_state"), keyStateCode(entry.keyState));
    o.insert(key("private_key_uri"), entry.privateKey ? QJsonValue(mask.uri(entry.privateKey->uri)) : QJsonValue());
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
        o.insert(key("subject"), mask.distinguishedName(info.subject));
        o.insert(key("issuer"), mask.distinguishedName(info.issuer));
        o.insert(key("friendly_name"), info.friendlyName);
        o.insert(key("serial"), mask.serial(info.serial));
        o.insert(key("not_before"), CertificateReport::isoOrNull(info.notBefore));
        o.insert(key("not_after"), CertificateReport::isoOrNull(info.notAfter));
        o.insert(key("validity"), CertificateReport::validityCode(info.validityAt(now)));
        const QJsonObject k = CertificateReport::keyJson(info.key);
        o.insert(key("key"), QJsonObject{{key("algorithm"), k.value(key("algorithm"))},
                                         {key("bits"), k.value(key("bits"))},
                                         {key("curve"), k.value(key("curve"))}});
        o.insert(key("key_usage"), CertificateReport::keyUsageJson(info));
        o.insert(key("extended_key_usage"), CertificateReport::extendedKeyUsageJson(info));
        o.insert(key("sha1"), CertificateReport::hexOrNull(info.sha1));
        o.insert(key("public_key_sha1"), CertificateReport::hexOrNull(info.publicKeySha1));
        o.insert(key("parse_error"), QJsonValue());
    } else {
        // Kept, with what the token says of it: a broken certificate is worth a line in a report.
        for (const char* name : {"subject", "issuer", "friendly_name", "serial", "not_before", "not_after", "validity",
                                 "key", "sha1", "public_key_sha1"}) {
            o.insert(key(name), QJsonValue());
        }
        o.insert(key("key_usage"), QJsonArray());
        o.insert(key("extended_key_usage"), QJsonArray());
        const X509Error& error = entry.parseError.value_or(X509Error{});
        o.insert(key("parse_error"), QJsonObject{{key("code"), error.codeName()},
                                                 {key("message"), CertificateText::error(error)},
                                                 {key("detail"), error.detail}});
    }
    o.insert(key("sha256"), CertificateReport::hexOrNull(entry.sha256()));
    addTokenFields(o, token, entry, mask);
    o.insert(key("pairings"), QJsonArray());
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
