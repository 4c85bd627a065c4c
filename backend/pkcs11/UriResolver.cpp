#include "UriResolver.h"

#include "IdentityMatcher.h"
#include "ModuleRegistry.h"

#include <algorithm>

namespace tokendesk {

namespace {
Pkcs11Error objectNotFound(const Pkcs11Uri& uri)
{
    Pkcs11Error error;
    error.kind = Pkcs11Error::Kind::ObjectNotFound;
    error.function = QStringLiteral("C_FindObjects");
    error.detail = uri.toString();
    return error;
}

ResolveError ambiguous(qsizetype count)
{
    ResolveError error;
    error.count = static_cast<int>(count);
    return error;
}
} // namespace

bool UriResolver::isUri(const QString& text)
{
    return text.startsWith(QLatin1String("pkcs11:"));
}

Result<QList<Pkcs11Token>, Pkcs11Error> UriResolver::tokens(const Pkcs11Uri& uri) const
{
    return m_registry.findTokens(uri);
}

Result<Pkcs11Token, ResolveError> UriResolver::token(const Pkcs11Uri& uri) const
{
    auto found = tokens(uri);
    if (!found) {
        return ResolveError{found.error(), 0};
    }
    if (found.value().size() != 1) {
        return ambiguous(found.value().size());
    }
    return found.value().constFirst();
}

Result<QList<FoundCertificate>, Pkcs11Error> UriResolver::certificates(const Pkcs11Uri& uri,
                                                                       QList<Pkcs11Token>* tokensOut) const
{
    auto tokens = m_registry.findTokens(uri);
    if (!tokens) {
        return tokens.error();
    }
    if (tokensOut) {
        *tokensOut = tokens.value();
    }
    if (const auto cls = uri.objectClass(); cls && *cls != ObjectInfo::Class::Certificate) {
        return objectNotFound(uri);
    }
    auto objects = m_registry.findObjects(uri);
    if (!objects) {
        return objects.error();
    }
    ObjectList certificates;
    for (const ObjectInfo& object : std::as_const(objects.value())) {
        if (object.objectClass == ObjectInfo::Class::Certificate) {
            certificates.append(object);
        }
    }
    if (certificates.isEmpty()) {
        return objectNotFound(uri);
    }
    QList<FoundCertificate> found;
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

Result<ResolvedCertificate, ResolveError> UriResolver::certificate(const Pkcs11Uri& uri) const
{
    QList<Pkcs11Token> tokens;
    auto found = certificates(uri, &tokens);
    if (!found) {
        return ResolveError{found.error(), 0};
    }
    if (found.value().size() != 1) {
        return ambiguous(found.value().size());
    }
    const FoundCertificate& one = found.value().constFirst();
    const auto token = std::find_if(tokens.cbegin(), tokens.cend(),
                                    [&](const Pkcs11Token& t) { return t.info().key() == one.token.key(); });
    if (token == tokens.cend()) {
        return ResolveError{Pkcs11Error::tokenNotPresent(one.token.label, one.token.serial, {}), 0};
    }
    return ResolvedCertificate{*token, one.entry};
}

} // namespace tokendesk
