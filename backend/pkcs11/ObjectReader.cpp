#include "ObjectReader.h"

#include "Pkcs11Session.h"
#include "Pkcs11Text.h"
#include "Pkcs11Uri.h"

#include <p11-kit/pkcs11.h>
#include <vector>

namespace tokendesk {

namespace {

ObjectInfo::KeyType keyType(quint64 code)
{
    switch (code) {
    case CKK_RSA:
        return ObjectInfo::KeyType::Rsa;
    case CKK_EC:
        return ObjectInfo::KeyType::Ec;
    case CKK_EC_EDWARDS:
        return ObjectInfo::KeyType::EdDsa;
    case CKK_DSA:
        return ObjectInfo::KeyType::Dsa;
    case CKK_AES:
        return ObjectInfo::KeyType::Aes;
    default:
        return ObjectInfo::KeyType::Other;
    }
}

std::optional<QByteArray> get(const AttributeMap& a, quint64 type)
{
    const auto it = a.constFind(type);
    return it == a.constEnd() ? std::nullopt : std::optional<QByteArray>(*it);
}

std::optional<bool> flag(const AttributeMap& a, quint64 type)
{
    return Pkcs11Session::toBool(get(a, type));
}

/// The modulus' size in bits, leading zero bytes aside.
int bitsOf(const QByteArray& modulus)
{
    qsizetype start = 0;
    while (start < modulus.size() && modulus.at(start) == 0) {
        ++start;
    }
    if (start == modulus.size()) {
        return 0;
    }
    int bits = static_cast<int>(modulus.size() - start - 1) * 8;
    for (auto top = static_cast<unsigned char>(modulus.at(start)); top != 0; top >>= 1) {
        ++bits;
    }
    return bits;
}

void fillKey(ObjectInfo& o, const AttributeMap& a)
{
    o.keyTypeCode = Pkcs11Session::toUlong(get(a, CKA_KEY_TYPE));
    o.keyType = o.keyTypeCode ? keyType(*o.keyTypeCode) : ObjectInfo::KeyType::None;
    o.sign = flag(a, CKA_SIGN);
    o.verify = flag(a, CKA_VERIFY);
    o.decrypt = flag(a, CKA_DECRYPT);
    o.encrypt = flag(a, CKA_ENCRYPT);
    o.derive = flag(a, CKA_DERIVE);
    o.alwaysAuthenticate = flag(a, CKA_ALWAYS_AUTHENTICATE);
    o.sensitive = flag(a, CKA_SENSITIVE);
    o.extractable = flag(a, CKA_EXTRACTABLE);
    o.subject = a.value(CKA_SUBJECT);
    o.ecParams = a.value(CKA_EC_PARAMS);
    o.modulus = a.value(CKA_MODULUS);
    o.publicExponent = a.value(CKA_PUBLIC_EXPONENT);
    o.ecPoint = a.value(CKA_EC_POINT);
    if (const auto bits = Pkcs11Session::toUlong(get(a, CKA_MODULUS_BITS))) {
        o.modulusBits = static_cast<int>(*bits);
    } else if (a.contains(CKA_MODULUS)) {
        o.modulusBits = bitsOf(a.value(CKA_MODULUS));
    }
}

} // namespace

ObjectQuery ObjectQuery::fromUri(const Pkcs11Uri& uri)
{
    ObjectQuery query;
    if (const auto cls = uri.objectClass()) {
        query.classes = {*cls};
    }
    query.id = uri.id();
    query.label = uri.label();
    return query;
}

QList<quint64> ObjectReader::attributeTypes(ObjectInfo::Class cls)
{
    QList<quint64> types{CKA_ID, CKA_LABEL, CKA_PRIVATE, CKA_MODIFIABLE};
    switch (cls) {
    case ObjectInfo::Class::Certificate:
        types << CKA_CERTIFICATE_TYPE << CKA_VALUE << CKA_TRUSTED << CKA_CERTIFICATE_CATEGORY << CKA_SUBJECT;
        break;
    case ObjectInfo::Class::PublicKey:
        types << CKA_KEY_TYPE << CKA_VERIFY << CKA_ENCRYPT << CKA_DERIVE << CKA_MODULUS_BITS << CKA_MODULUS
              << CKA_PUBLIC_EXPONENT << CKA_EC_PARAMS << CKA_EC_POINT << CKA_SUBJECT;
        break;
    case ObjectInfo::Class::PrivateKey:
        // The public parts only (CKA_MODULUS, CKA_PUBLIC_EXPONENT, CKA_EC_PARAMS): never CKA_VALUE or a
        // private exponent.
        types << CKA_KEY_TYPE << CKA_SIGN << CKA_DECRYPT << CKA_DERIVE << CKA_ALWAYS_AUTHENTICATE << CKA_SENSITIVE
              << CKA_EXTRACTABLE << CKA_MODULUS_BITS << CKA_MODULUS << CKA_PUBLIC_EXPONENT << CKA_EC_PARAMS
              << CKA_SUBJECT;
        break;
    case ObjectInfo::Class::SecretKey:
        types << CKA_KEY_TYPE << CKA_SIGN << CKA_VERIFY << CKA_ENCRYPT << CKA_DECRYPT << CKA_SENSITIVE
              << CKA_EXTRACTABLE;
        break;
    case ObjectInfo::Class::Data:
        types << CKA_APPLICATION << CKA_OBJECT_ID;
        break;
    case ObjectInfo::Class::Other:
        break;
    }
    return types;
}

Result<ObjectInfo, Pkcs11Error> ObjectReader::readObject(const Pkcs11Session& session, const TokenInfo& token,
                                                         ObjectInfo::Class cls, quint64 handle)
{
    auto read = session.attributes(handle, attributeTypes(cls));
    if (!read) {
        return read.error();
    }
    return fromAttributes(token, cls, read.value());
}

ObjectInfo ObjectReader::fromAttributes(const TokenInfo& token, ObjectInfo::Class cls, const AttributeMap& a)
{
    ObjectInfo o;
    o.modulePath = token.modulePath;
    o.tokenSerial = token.serial;
    o.objectClass = cls;
    o.id = a.value(CKA_ID);
    o.labelRaw = a.value(CKA_LABEL);
    o.label = Pkcs11Text::decode(o.labelRaw);
    o.isPrivate = flag(a, CKA_PRIVATE);
    o.modifiable = flag(a, CKA_MODIFIABLE);
    switch (cls) {
    case ObjectInfo::Class::Certificate:
        o.value = a.value(CKA_VALUE);
        o.certificateType = Pkcs11Session::toUlong(get(a, CKA_CERTIFICATE_TYPE));
        o.trusted = flag(a, CKA_TRUSTED);
        o.certificateCategory = Pkcs11Session::toUlong(get(a, CKA_CERTIFICATE_CATEGORY));
        o.subject = a.value(CKA_SUBJECT);
        break;
    case ObjectInfo::Class::PublicKey:
    case ObjectInfo::Class::PrivateKey:
    case ObjectInfo::Class::SecretKey:
        fillKey(o, a);
        break;
    case ObjectInfo::Class::Data:
        o.application = Pkcs11Text::decode(a.value(CKA_APPLICATION));
        o.objectId = a.value(CKA_OBJECT_ID);
        break;
    case ObjectInfo::Class::Other:
        break;
    }
    o.uri = Pkcs11Uri::forObject(token, o);
    return o;
}

namespace {
/// One object a search found, told to the query's onObject; empty when it was deleted
/// between the search and the read (another program).
Result<std::optional<ObjectInfo>, Pkcs11Error> readFound(const Pkcs11Session& session, const TokenInfo& token,
                                                         ObjectInfo::Class cls, quint64 handle,
                                                         const ObjectQuery& query)
{
    auto object = ObjectReader::readObject(session, token, cls, handle);
    if (!object) {
        if (object.error().kind == Pkcs11Error::Kind::ObjectNotFound) {
            return std::optional<ObjectInfo>();
        }
        return object.error();
    }
    if (query.onObject) {
        query.onObject(object.value());
    }
    return std::optional<ObjectInfo>(std::move(object).value());
}

/// One object of a search for every class, whose class is not known yet: a certificate (most of a
/// token's objects) in one call with its class when `oneCall`, anything else by its class first.
/// Empty when it was deleted meanwhile or is of a class the query does not ask for.
Result<std::optional<ObjectInfo>, Pkcs11Error> readAnyFound(const Pkcs11Session& session, const TokenInfo& token,
                                                            quint64 handle, bool oneCall, const ObjectQuery& query)
{
    std::optional<quint64> code;
    if (oneCall) {
        const quint64 certificate = Pkcs11Uri::classCode(ObjectInfo::Class::Certificate);
        auto read = session.attributesIfClass(handle, certificate,
                                              ObjectReader::attributeTypes(ObjectInfo::Class::Certificate));
        if (!read) {
            if (read.error().kind == Pkcs11Error::Kind::ObjectNotFound) {
                return std::optional<ObjectInfo>();
            }
            return read.error();
        }
        code = read.value().objectClass;
        if (code == certificate) {
            ObjectInfo object =
                ObjectReader::fromAttributes(token, ObjectInfo::Class::Certificate, read.value().attributes);
            if (query.onObject) {
                query.onObject(object);
            }
            return std::optional<ObjectInfo>(std::move(object));
        }
    }
    if (!code) {
        auto cls = session.attributes(handle, {CKA_CLASS});
        if (!cls) {
            if (cls.error().kind == Pkcs11Error::Kind::ObjectNotFound) {
                return std::optional<ObjectInfo>();
            }
            return cls.error();
        }
        code = Pkcs11Session::toUlong(get(cls.value(), CKA_CLASS));
        if (!code) {
            return std::optional<ObjectInfo>();
        }
    }
    const ObjectInfo::Class objectClass = Pkcs11Uri::classFromCode(*code);
    if (objectClass == ObjectInfo::Class::Other || !query.classes.contains(objectClass)) {
        return std::optional<ObjectInfo>();
    }
    return readFound(session, token, objectClass, handle, query);
}
} // namespace

Result<ObjectList, Pkcs11Error> ObjectReader::read(const Pkcs11Session& session, const TokenInfo& token,
                                                   const ObjectQuery& query)
{
    // Several classes and no other filter: one search for everything, each object's class read with
    // its handle. A search per class costs more on modules that look at every object for every
    // search (SoftHSM checks each object's file: a search of a token of 1,000 certificates took a
    // quarter of what reading them did, and 5 searches longer than the reads).
    // In a public session a certificate, usually most of a token's objects, is read in the same call
    // as its class: no object there is private, so what another class' object gives for the
    // certificate's types (a non-sensitive key's CKA_VALUE) is what the token shows anyone, and it
    // is wiped at once. Where someone is logged in, private keys are in the search too: their class
    // is asked alone, then only the attributes of that class (never a key's CKA_VALUE). The login
    // state cannot change during a read: TokenDesk logs in only with the slot's lock held
    // (Pkcs11Module::slotMutex, which Pkcs11Token::withSession takes), as every read holds it.
    if (query.classes.size() > 1 && !query.id && !query.label) {
        const auto isPublic = session.isPublic();
        if (!isPublic) {
            return isPublic.error();
        }
        const bool oneCall = isPublic.value() && query.classes.contains(ObjectInfo::Class::Certificate);
        auto handles = session.findObjects({});
        if (!handles) {
            return handles.error();
        }
        // By the class' place in the query, each in the search's order; each object read into the
        // list returned and never copied on the way (a token of 1,000 certificates held them three
        // times over once: 0.5 kB each, docs/BENCHMARKS.md).
        std::vector<ObjectList> byPlace(static_cast<size_t>(query.classes.size()));
        const qsizetype certificatePlace = query.classes.indexOf(ObjectInfo::Class::Certificate);
        if (certificatePlace >= 0) {
            byPlace[static_cast<size_t>(certificatePlace)].reserve(handles.value().size());
        }
        for (const quint64 handle : std::as_const(handles.value())) {
            auto object = readAnyFound(session, token, handle, oneCall, query);
            if (!object) {
                return object.error();
            }
            if (object.value()) {
                const qsizetype place = query.classes.indexOf(object.value()->objectClass);
                byPlace[static_cast<size_t>(place)].append(std::move(*object.value()));
            }
        }
        ObjectList objects;
        for (ObjectList& list : byPlace) {
            if (objects.isEmpty()) {
                objects = std::move(list); // the usual case: one class, most objects
            } else {
                objects.reserve(objects.size() + list.size());
                for (ObjectInfo& object : list) {
                    objects.append(std::move(object));
                }
            }
            list = ObjectList();
        }
        return objects;
    }

    ObjectList objects;
    for (const ObjectInfo::Class cls : query.classes) {
        AttributeList templ{{CKA_CLASS, Pkcs11Session::ulongValue(Pkcs11Uri::classCode(cls))}};
        if (query.id) {
            templ.append({CKA_ID, *query.id});
        }
        if (query.label) {
            templ.append({CKA_LABEL, *query.label});
        }
        // All handles first, the search ended, then the attributes: some modules
        // do not like other calls while a search is open.
        auto handles = session.findObjects(templ);
        if (!handles) {
            return handles.error();
        }
        for (const quint64 handle : std::as_const(handles.value())) {
            auto object = readFound(session, token, cls, handle, query);
            if (!object) {
                return object.error();
            }
            if (object.value()) {
                objects.append(std::move(*object.value()));
            }
        }
    }
    return objects;
}

} // namespace tokendesk
