#include "ObjectReader.h"

#include "Pkcs11Session.h"
#include "Pkcs11Text.h"
#include "Pkcs11Uri.h"

#include <QHash>
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
    const AttributeMap& a = read.value();
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
} // namespace

Result<ObjectList, Pkcs11Error> ObjectReader::read(const Pkcs11Session& session, const TokenInfo& token,
                                                   const ObjectQuery& query)
{
    // Several classes and no other filter: one search for everything and each object's class
    // read with its handle. A search per class costs more on modules that look at every object
    // for every search (SoftHSM checks each object's file: 5 searches of a token of 1,000
    // certificates took longer than reading them). Certificates, usually most of a token's
    // objects, have a search of their own first: their handles need no CKA_CLASS call, so each
    // is read in one call (SoftHSM: a search costs a quarter of what a C_GetAttributeValue of
    // every object does).
    if (query.classes.size() > 1 && !query.id && !query.label) {
        // Each object is read into the list returned and never copied on the way: a token of
        // 1,000 certificates held them three times over (0.5 kB each: 1.5 MB of the report's peak
        // memory, docs/BENCHMARKS.md).
        ObjectList certificates;
        QHash<quint64, qsizetype> certificateAt; // handle -> index in certificates
        if (query.classes.contains(ObjectInfo::Class::Certificate)) {
            const AttributeList templ{
                {CKA_CLASS, Pkcs11Session::ulongValue(Pkcs11Uri::classCode(ObjectInfo::Class::Certificate))}};
            auto handles = session.findObjects(templ);
            if (!handles) {
                return handles.error();
            }
            certificates.reserve(handles.value().size());
            for (const quint64 handle : std::as_const(handles.value())) {
                auto object = readFound(session, token, ObjectInfo::Class::Certificate, handle, query);
                if (!object) {
                    return object.error();
                }
                if (object.value()) {
                    certificateAt.insert(handle, certificates.size());
                    certificates.append(std::move(*object.value()));
                }
            }
        }
        auto handles = session.findObjects({});
        if (!handles) {
            return handles.error();
        }
        // By the class' place in the query, each in the order of this search (as before the
        // certificates had their own): the certificates' order in it, as indexes.
        std::vector<ObjectList> byPlace(static_cast<size_t>(query.classes.size()));
        const qsizetype certificatePlace = query.classes.indexOf(ObjectInfo::Class::Certificate);
        std::vector<qsizetype> certificateOrder;
        certificateOrder.reserve(static_cast<size_t>(certificates.size()));
        for (const quint64 handle : std::as_const(handles.value())) {
            if (const auto at = certificateAt.find(handle); at != certificateAt.end()) {
                certificateOrder.push_back(*at);
                certificateAt.erase(at); // a handle the module lists twice is read again below
                continue;
            }
            auto cls = session.attributes(handle, {CKA_CLASS});
            if (!cls) {
                if (cls.error().kind == Pkcs11Error::Kind::ObjectNotFound) {
                    continue;
                }
                return cls.error();
            }
            const auto code = Pkcs11Session::toUlong(get(cls.value(), CKA_CLASS));
            if (!code) {
                continue;
            }
            const ObjectInfo::Class objectClass = Pkcs11Uri::classFromCode(*code);
            const qsizetype place = query.classes.indexOf(objectClass);
            if (place < 0 || objectClass == ObjectInfo::Class::Other) {
                continue;
            }
            auto object = readFound(session, token, objectClass, handle, query);
            if (!object) {
                return object.error();
            }
            if (!object.value()) {
                continue;
            }
            if (place == certificatePlace) {
                // A certificate the first search did not list (another program added it), or a
                // handle listed twice: in this search's order with the others.
                certificateOrder.push_back(certificates.size());
                certificates.append(std::move(*object.value()));
            } else {
                byPlace[static_cast<size_t>(place)].append(std::move(*object.value()));
            }
        }
        if (certificatePlace >= 0) {
            // Usually both searches list the certificates in the same order, all of them.
            bool same = certificateOrder.size() == static_cast<size_t>(certificates.size());
            for (size_t i = 0; same && i < certificateOrder.size(); ++i) {
                same = certificateOrder[i] == static_cast<qsizetype>(i);
            }
            ObjectList& list = byPlace[static_cast<size_t>(certificatePlace)];
            if (same) {
                list = std::move(certificates);
            } else {
                list.reserve(static_cast<qsizetype>(certificateOrder.size()));
                for (const qsizetype at : certificateOrder) {
                    list.append(std::move(certificates[at]));
                }
                certificates = ObjectList();
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
