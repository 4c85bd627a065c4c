#pragma once

#include "ModuleInfo.h"
#include "ObjectInfo.h"
#include "Pkcs11Error.h"
#include "TokenInfo.h"
#include "backend/common/Result.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

struct p11_kit_uri;

namespace tokendesk {

/// A PKCS#11 URI (RFC 7512), parsed, formatted and matched by p11-kit, so
/// that TokenDesk's URIs are the ones p11tool, GnuTLS and OpenSSL's pkcs11
/// providers print and accept. A parsed URI is immutable: copies share it,
/// and it may be matched from several threads at once.
class Pkcs11Uri
{
public:
    /// Parses any kind of PKCS#11 URI (module, slot, token or object).
    [[nodiscard]] static Result<Pkcs11Uri, Pkcs11Error> parse(const QString& text);

    /// pkcs11:library-description=...;library-manufacturer=...;library-version=...
    static QString forModule(const ModuleInfo& module);
    /// pkcs11:model=...;manufacturer=...;serial=...;token=...
    static QString forToken(const TokenInfo& token);
    /// The token's parts and the object's: id= and object= (when not empty) and type=.
    static QString forObject(const TokenInfo& token, const ObjectInfo& object);

    /// library-description/-manufacturer/-version, and the module-name and module-path query attributes.
    bool matchesModule(const ModuleInfo& module) const;
    /// token, manufacturer, model, serial, and the slot parts (slot-description, slot-manufacturer, slot-id).
    bool matchesToken(const TokenInfo& token) const;
    /// id, object and type. An object without CKA_ID does not match an id= with bytes.
    bool matchesObject(const ObjectInfo& object) const;

    /// Whether the URI names a token (any token or slot part): without one it matches every token.
    bool hasTokenParts() const;
    /// Whether the URI names objects (id, object or type).
    bool hasObjectParts() const;
    /// The token= part for people (UTF-8, else Latin-1); empty when absent.
    QString tokenLabel() const;
    /// The serial= part; empty when absent.
    QString tokenSerial() const;
    std::optional<ObjectInfo::Class> objectClass() const;
    std::optional<QByteArray> id() const;
    std::optional<QByteArray> label() const; ///< the object= bytes
    /// The URI formatted again by p11-kit (every part it knows, in p11-kit's order).
    QString toString() const;

    /// CKO_* of a class, and back (Other for anything else).
    static quint64 classCode(ObjectInfo::Class c);
    static ObjectInfo::Class classFromCode(quint64 code);

private:
    explicit Pkcs11Uri(std::shared_ptr<p11_kit_uri> uri) : m_uri(std::move(uri)) {}

    std::shared_ptr<p11_kit_uri> m_uri;
};

} // namespace tokendesk
