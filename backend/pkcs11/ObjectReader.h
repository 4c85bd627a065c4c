#pragma once

#include "ObjectInfo.h"
#include "Pkcs11Error.h"
#include "Pkcs11Session.h"
#include "TokenInfo.h"
#include "backend/common/Result.h"

#include <QList>
#include <functional>
#include <optional>

namespace tokendesk {

class Pkcs11Uri;

/// Which objects to read: classes, and optionally one CKA_ID / CKA_LABEL,
/// which go into the C_FindObjectsInit template.
struct ObjectQuery
{
    QList<ObjectInfo::Class> classes = {ObjectInfo::Class::Certificate, ObjectInfo::Class::PublicKey,
                                        ObjectInfo::Class::PrivateKey, ObjectInfo::Class::SecretKey,
                                        ObjectInfo::Class::Data};
    std::optional<QByteArray> id;
    std::optional<QByteArray> label; ///< CKA_LABEL bytes
    /// Called with each object as soon as it is read, on the reading thread (to
    /// parse certificates while the rest is read: CertificateParseQueue).
    std::function<void(const ObjectInfo&)> onObject;

    /// The URI's type=, id= and object= parts (every class when it has no type=).
    static ObjectQuery fromUri(const Pkcs11Uri& uri);
};

/// Reads object snapshots from a token through an open session: a search for everything when
/// several classes and no CKA_ID or CKA_LABEL are asked for, else one per class (each always
/// finalized), then each object's attributes, in one batch when the module allows it
/// (Pkcs11Session::attributes).
class ObjectReader
{
public:
    [[nodiscard]] static Result<ObjectList, Pkcs11Error> read(const Pkcs11Session& session, const TokenInfo& token,
                                                              const ObjectQuery& query = {});
    /// One object whose class is known, by its handle in this session.
    [[nodiscard]] static Result<ObjectInfo, Pkcs11Error>
    readObject(const Pkcs11Session& session, const TokenInfo& token, ObjectInfo::Class cls, quint64 handle);
    /// The object made of the attributes read for its class (attributeTypes()).
    static ObjectInfo fromAttributes(const TokenInfo& token, ObjectInfo::Class cls, const AttributeMap& attributes);
    /// The CKA_* read for a class.
    static QList<quint64> attributeTypes(ObjectInfo::Class cls);
};

} // namespace tokendesk
