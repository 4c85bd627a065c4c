#include "TokenCertificates.h"

#include "CertCommand.h"
#include "backend/pkcs11/IdentityMatcher.h"
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
} // namespace

QString TokenCertificates::keyStateCode(CertificateEntry::KeyState state)
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

Result<QList<TokenCertificates::Found>, Pkcs11Error>
TokenCertificates::find(const ModuleRegistry& registry, const Pkcs11Uri& uri, QList<Pkcs11Token>* tokensOut)
{
    auto tokens = registry.findTokens(uri);
    if (!tokens) {
        return tokens.error();
    }
    if (tokensOut) {
        *tokensOut = tokens.value();
    }
    // Only the certificates the URI names are read (findObjects), and the keys
    // beside them to tell which are identities: a URI for one certificate costs
    // one certificate, not the whole token.
    if (const auto cls = uri.objectClass(); cls && *cls != ObjectInfo::Class::Certificate) {
        Pkcs11Error error;
        error.kind = Pkcs11Error::Kind::ObjectNotFound;
        error.function = QStringLiteral("C_FindObjects");
        error.detail = uri.toString();
        return error;
    }
    auto objects = registry.findObjects(uri);
    if (!objects) {
        return objects.error();
    }
    ObjectList certificates;
    for (const ObjectInfo& object : std::as_const(objects.value())) {
        if (object.objectClass == ObjectInfo::Class::Certificate) {
            certificates.append(object);
        }
    }
    QList<Found> found;
    if (certificates.isEmpty()) {
        Pkcs11Error error;
        error.kind = Pkcs11Error::Kind::ObjectNotFound;
        error.function = QStringLiteral("C_FindObjects");
        error.detail = uri.toString();
        return error;
    }
    ObjectQuery keyQuery;
    keyQuery.classes = {ObjectInfo::Class::PublicKey, ObjectInfo::Class::PrivateKey};
    for (const Pkcs11Token& token : std::as_const(tokens.value())) {
        ObjectList mine;
        for (const ObjectInfo& object : std::as_const(certificates)) {
            if (object.modulePath == token.info().modulePath && object.tokenSerial == token.info().serial) {
                mine.append(object);
            }
        }
        if (mine.isEmpty()) {
            continue;
        }
        auto keys = token.objects(keyQuery);
        if (!keys) {
            return keys.error();
        }
        const QList<CertificateEntry> entries = IdentityMatcher::match(token.info(), mine + keys.value(), false);
        for (const CertificateEntry& entry : entries) {
            found.append({token.info(), entry});
        }
    }
    return found;
}

void TokenCertificates::addTokenFields(QJsonObject& o, const TokenInfo& token, const CertificateEntry& entry)
{
    o.insert(key("uri"), entry.uri());
    o.insert(key("label"), entry.object.label);
    o.insert(key("id"), QString::fromLatin1(entry.object.id.toHex()));
    o.insert(key("token_label"), token.label);
    o.insert(key("token_serial"), token.serial);
    o.insert(key("token_uri"), token.uri);
    o.insert(key("module"), token.moduleName);
    o.insert(key("module_path"), token.modulePath);
    o.insert(key("has_private_key"), entry.isIdentity());
    o.insert(key("key_state"), keyStateCode(entry.keyState));
    o.insert(key("private_key_uri"), entry.privateKey ? QJsonValue(entry.privateKey->uri) : QJsonValue());
}

QJsonObject TokenCertificates::json(const TokenInfo& token, const CertificateEntry& entry, const QDateTime& now)
{
    QJsonObject o;
    if (entry.info) {
        const CertificateInfo& info = *entry.info;
        o.insert(key("subject"), info.subject);
        o.insert(key("issuer"), info.issuer);
        o.insert(key("friendly_name"), info.friendlyName);
        o.insert(key("serial"), info.serial);
        o.insert(key("not_before"), CertCommand::isoOrNull(info.notBefore));
        o.insert(key("not_after"), CertCommand::isoOrNull(info.notAfter));
        o.insert(key("validity"), CertCommand::validityCode(info.validityAt(now)));
        const QJsonObject k = CertCommand::keyJson(info.key);
        o.insert(key("key"), QJsonObject{{key("algorithm"), k.value(key("algorithm"))},
                                         {key("bits"), k.value(key("bits"))},
                                         {key("curve"), k.value(key("curve"))}});
        o.insert(key("key_usage"), CertCommand::keyUsageJson(info));
        o.insert(key("extended_key_usage"), CertCommand::extendedKeyUsageJson(info));
        o.insert(key("sha1"), CertCommand::hexOrNull(info.sha1));
        o.insert(key("public_key_sha1"), CertCommand::hexOrNull(info.publicKeySha1));
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
    o.insert(key("sha256"), CertCommand::hexOrNull(entry.sha256()));
    addTokenFields(o, token, entry);
    o.insert(key("pairings"), QJsonArray());
    return o;
}

void TokenCertificates::printText(const CertificateEntry& entry, const QDateTime& now, QTextStream& out)
{
    const QString indent = QStringLiteral("      ");
    if (!entry.info) {
        out << "    "
            << tr("certificate %1: unreadable (%2)")
                   .arg(entry.object.label, CertificateText::error(entry.parseError.value_or(X509Error{})))
            << '\n';
    } else {
        const CertificateInfo& info = *entry.info;
        out << "    " << textOrNull(info.friendlyName).toString(info.subject) << '\n';
        out << indent << tr("subject: %1").arg(info.subject) << '\n';
        out << indent << tr("issuer: %1").arg(info.issuer) << '\n';
        out << indent
            << tr("valid until: %1 (%2)")
                   .arg(CertificateText::dateTime(info.notAfter), CertificateText::validity(info.validityAt(now)))
            << '\n';
        out << indent << tr("key: %1").arg(CertificateText::key(info.key)) << '\n';
        out << indent << tr("SHA-256: %1").arg(CertificateInfo::colonHex(info.sha256)) << '\n';
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
    out << indent << tr("private key: %1").arg(keyState) << '\n';
    out << indent << "URI: " << entry.uri() << '\n';
}

} // namespace tokendesk
