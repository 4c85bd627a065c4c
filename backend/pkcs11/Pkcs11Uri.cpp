#include "Pkcs11Uri.h"

#include "Pkcs11Text.h"
#include "backend/common/CFree.h"

#include <QFileInfo>
#include <cstdlib>
#include <cstring>
#include <p11-kit/pkcs11.h>
#include <p11-kit/uri.h>

namespace tokendesk {

namespace {

template<typename T> int sizeOf(const T& field)
{
    return static_cast<int>(sizeof field);
}

/// A fixed field for p11-kit: zeros (left out of the URI, matches anything) when unknown.
template<typename T> void fill(const QByteArray& raw, T& field)
{
    if (raw.isEmpty()) {
        std::memset(field, 0, sizeof field);
    } else {
        Pkcs11Text::copyTo(raw, field, sizeOf(field));
    }
}

CK_INFO moduleStruct(const ModuleInfo& module)
{
    CK_INFO info;
    std::memset(&info, 0, sizeof info);
    fill(module.descriptionRaw, info.libraryDescription);
    fill(module.manufacturerRaw, info.manufacturerID);
    info.libraryVersion.major = static_cast<CK_BYTE>(module.libraryVersion.major);
    info.libraryVersion.minor = static_cast<CK_BYTE>(module.libraryVersion.minor);
    info.cryptokiVersion.major = static_cast<CK_BYTE>(module.cryptokiVersion.major);
    info.cryptokiVersion.minor = static_cast<CK_BYTE>(module.cryptokiVersion.minor);
    return info;
}

CK_TOKEN_INFO tokenStruct(const TokenInfo& token)
{
    CK_TOKEN_INFO info;
    std::memset(&info, 0, sizeof info);
    fill(token.labelRaw, info.label);
    fill(token.manufacturerRaw, info.manufacturerID);
    fill(token.modelRaw, info.model);
    fill(token.serialRaw, info.serialNumber);
    return info;
}

CK_SLOT_INFO slotStruct(const SlotInfo& slot)
{
    CK_SLOT_INFO info;
    std::memset(&info, 0, sizeof info);
    fill(slot.descriptionRaw, info.slotDescription);
    fill(slot.manufacturerRaw, info.manufacturerID);
    return info;
}

using UriPtr = std::shared_ptr<p11_kit_uri>;

UriPtr newUri()
{
    return UriPtr(p11_kit_uri_new(), p11_kit_uri_free);
}

QString format(p11_kit_uri* uri, P11KitUriType type)
{
    char* text = nullptr;
    if (p11_kit_uri_format(uri, type, &text) != P11_KIT_URI_OK) {
        return {};
    }
    const CPtr<char, std::free> owned(text);
    return QString::fromUtf8(text);
}

void setAttribute(p11_kit_uri* uri, CK_ATTRIBUTE_TYPE type, const QByteArray& value)
{
    CK_ATTRIBUTE attribute{type, const_cast<char*>(value.constData()), static_cast<CK_ULONG>(value.size())};
    p11_kit_uri_set_attribute(uri, &attribute);
}

std::optional<QByteArray> attribute(p11_kit_uri* uri, CK_ATTRIBUTE_TYPE type)
{
    const CK_ATTRIBUTE* a = p11_kit_uri_get_attribute(uri, type);
    if (!a) {
        return std::nullopt;
    }
    return QByteArray(static_cast<const char*>(a->pValue), static_cast<qsizetype>(a->ulValueLen));
}

bool isSet(const unsigned char* field)
{
    return field[0] != 0;
}

/// RFC 7512's module-name: the library's name without "lib" and the suffix.
QString libraryName(const QString& path)
{
    QString base = QFileInfo(path).completeBaseName();
    if (base.endsWith(QLatin1String(".so"))) {
        base.chop(3);
    }
    return base.startsWith(QLatin1String("lib")) ? base.mid(3) : base;
}

/// RFC 7512, 2.3: an attribute appears at most once in the path ("token=a;token=b" means nothing);
/// p11-kit takes the last. The path is what comes between "pkcs11:" and "?".
bool repeatsAnAttribute(const QByteArray& uri)
{
    const qsizetype query = uri.indexOf('?');
    const QByteArray path = uri.mid(7, query < 0 ? -1 : query - 7);
    QList<QByteArray> names;
    for (const QByteArray& attribute : path.split(';')) {
        const QByteArray name = attribute.left(attribute.indexOf('=')).toLower();
        if (!name.isEmpty() && names.contains(name)) {
            return true;
        }
        names.append(name);
    }
    return false;
}

} // namespace

Result<Pkcs11Uri, Pkcs11Error> Pkcs11Uri::parse(const QString& text)
{
    UriPtr uri = newUri();
    const QByteArray bytes = text.trimmed().toUtf8();
    const int rc = p11_kit_uri_parse(bytes.constData(), P11_KIT_URI_FOR_ANY, uri.get());
    if (rc != P11_KIT_URI_OK || repeatsAnAttribute(bytes)) {
        Pkcs11Error error;
        error.kind = Pkcs11Error::Kind::InvalidUri;
        error.function = QStringLiteral("p11_kit_uri_parse");
        error.detail = text;
        return error;
    }
    return Pkcs11Uri(std::move(uri));
}

QString Pkcs11Uri::forModule(const ModuleInfo& module)
{
    const UriPtr uri = newUri();
    *p11_kit_uri_get_module_info(uri.get()) = moduleStruct(module);
    return format(uri.get(), P11_KIT_URI_FOR_MODULE_WITH_VERSION);
}

QString Pkcs11Uri::forToken(const TokenInfo& token)
{
    const UriPtr uri = newUri();
    *p11_kit_uri_get_token_info(uri.get()) = tokenStruct(token);
    return format(uri.get(), P11_KIT_URI_FOR_TOKEN);
}

namespace {
/// id= and object= (when not empty) and type=.
void setObjectParts(p11_kit_uri* uri, const ObjectInfo& object)
{
    // Like GnuTLS (p11tool): no empty id= or object= part.
    if (!object.id.isEmpty()) {
        setAttribute(uri, CKA_ID, object.id);
    }
    if (!object.labelRaw.isEmpty()) {
        setAttribute(uri, CKA_LABEL, object.labelRaw);
    }
    if (object.objectClass != ObjectInfo::Class::Other) {
        const CK_OBJECT_CLASS cls = Pkcs11Uri::classCode(object.objectClass);
        setAttribute(uri, CKA_CLASS, QByteArray(reinterpret_cast<const char*>(&cls), sizeof cls));
    }
}

/// The object's own parts alone: pkcs11:id=...;object=...;type=...
QString objectPart(const ObjectInfo& object)
{
    const UriPtr uri = newUri();
    setObjectParts(uri.get(), object);
    return format(uri.get(), P11_KIT_URI_FOR_OBJECT);
}

/// Two URIs' parts one after the other: "pkcs11:A" and "pkcs11:B" make "pkcs11:A;B".
QString joined(const QString& first, const QString& second)
{
    static const QString scheme = QStringLiteral("pkcs11:");
    if (!first.startsWith(scheme) || !second.startsWith(scheme)) {
        return {};
    }
    if (first.size() == scheme.size()) {
        return second;
    }
    if (second.size() == scheme.size()) {
        return first;
    }
    return first + QLatin1Char(';') + QStringView(second).mid(scheme.size());
}
} // namespace

QString Pkcs11Uri::forObject(const TokenInfo& token, const ObjectInfo& object)
{
    // p11-kit writes a token's parts before an object's. A token's objects are read one after
    // another on one thread: its part is formatted once there, and each object's URI is that
    // part and the object's own (1,000 certificates: 1.5 ms less of the read, docs/BENCHMARKS.md).
    // Whether joining gives what p11-kit writes for the whole URI is checked on the token's first
    // object; when it does not (another p11-kit), every URI of the token is formatted whole.
    struct TokenPart
    {
        QByteArray label, manufacturer, model, serial;
        QString text;
        bool joins = false;
        bool set = false;
    };
    thread_local TokenPart last;
    const bool sameToken = last.set && last.label == token.labelRaw && last.manufacturer == token.manufacturerRaw &&
                           last.model == token.modelRaw && last.serial == token.serialRaw;
    if (sameToken && last.joins) {
        const QString uri = joined(last.text, objectPart(object));
        if (!uri.isEmpty()) {
            return uri;
        }
    }
    const UriPtr uri = newUri();
    *p11_kit_uri_get_token_info(uri.get()) = tokenStruct(token);
    setObjectParts(uri.get(), object);
    const QString whole = format(uri.get(), P11_KIT_URI_FOR_OBJECT_ON_TOKEN);
    if (!sameToken) {
        TokenPart part;
        part.label = token.labelRaw;
        part.manufacturer = token.manufacturerRaw;
        part.model = token.modelRaw;
        part.serial = token.serialRaw;
        part.text = forToken(token);
        part.joins = !whole.isEmpty() && joined(part.text, objectPart(object)) == whole;
        part.set = true;
        last = std::move(part);
    }
    return whole;
}

bool Pkcs11Uri::matchesModule(const ModuleInfo& module) const
{
    CK_INFO info = moduleStruct(module);
    if (!p11_kit_uri_match_module_info(m_uri.get(), &info)) {
        return false;
    }
    if (const char* name = p11_kit_uri_get_module_name(m_uri.get())) {
        const QString wanted = QString::fromUtf8(name);
        if (wanted != module.name && wanted != libraryName(module.path)) {
            return false;
        }
    }
    if (const char* path = p11_kit_uri_get_module_path(m_uri.get())) {
        const QString wanted = QString::fromUtf8(path);
        const QString canonical = QFileInfo(wanted).canonicalFilePath();
        if (wanted != module.path && canonical != module.path) {
            return false;
        }
    }
    return true;
}

bool Pkcs11Uri::matchesToken(const TokenInfo& token) const
{
    CK_TOKEN_INFO info = tokenStruct(token);
    CK_SLOT_INFO slot = slotStruct(token.slot);
    const CK_SLOT_ID slotId = p11_kit_uri_get_slot_id(m_uri.get());
    return p11_kit_uri_match_token_info(m_uri.get(), &info) && p11_kit_uri_match_slot_info(m_uri.get(), &slot) &&
           (slotId == static_cast<CK_SLOT_ID>(-1) || slotId == token.slot.slotId);
}

bool Pkcs11Uri::matchesObject(const ObjectInfo& object) const
{
    const CK_OBJECT_CLASS cls = classCode(object.objectClass);
    CK_ATTRIBUTE attributes[] = {
        {CKA_CLASS, const_cast<CK_OBJECT_CLASS*>(&cls), sizeof cls},
        {CKA_ID, const_cast<char*>(object.id.constData()), static_cast<CK_ULONG>(object.id.size())},
        {CKA_LABEL, const_cast<char*>(object.labelRaw.constData()), static_cast<CK_ULONG>(object.labelRaw.size())},
    };
    return p11_kit_uri_match_attributes(m_uri.get(), attributes, 3);
}

bool Pkcs11Uri::hasTokenParts() const
{
    const CK_TOKEN_INFO* t = p11_kit_uri_get_token_info(m_uri.get());
    const CK_SLOT_INFO* s = p11_kit_uri_get_slot_info(m_uri.get());
    return isSet(t->label) || isSet(t->manufacturerID) || isSet(t->model) || isSet(t->serialNumber) ||
           isSet(s->slotDescription) || isSet(s->manufacturerID) ||
           p11_kit_uri_get_slot_id(m_uri.get()) != static_cast<CK_SLOT_ID>(-1);
}

bool Pkcs11Uri::hasObjectParts() const
{
    CK_ULONG count = 0;
    p11_kit_uri_get_attributes(m_uri.get(), &count);
    return count > 0;
}

QString Pkcs11Uri::tokenLabel() const
{
    const CK_TOKEN_INFO* t = p11_kit_uri_get_token_info(m_uri.get());
    return isSet(t->label) ? Pkcs11Text::decodeField(Pkcs11Text::field(t->label, sizeOf(t->label))) : QString();
}

QString Pkcs11Uri::tokenSerial() const
{
    const CK_TOKEN_INFO* t = p11_kit_uri_get_token_info(m_uri.get());
    return isSet(t->serialNumber) ? Pkcs11Text::decodeField(Pkcs11Text::field(t->serialNumber, sizeOf(t->serialNumber)))
                                  : QString();
}

std::optional<ObjectInfo::Class> Pkcs11Uri::objectClass() const
{
    const std::optional<QByteArray> value = attribute(m_uri.get(), CKA_CLASS);
    if (!value || value->size() != sizeof(CK_OBJECT_CLASS)) {
        return std::nullopt;
    }
    CK_OBJECT_CLASS cls = 0;
    std::memcpy(&cls, value->constData(), sizeof cls);
    return classFromCode(cls);
}

std::optional<QByteArray> Pkcs11Uri::id() const
{
    return attribute(m_uri.get(), CKA_ID);
}

std::optional<QByteArray> Pkcs11Uri::label() const
{
    return attribute(m_uri.get(), CKA_LABEL);
}

QString Pkcs11Uri::toString() const
{
    return format(m_uri.get(), P11_KIT_URI_FOR_ANY);
}

quint64 Pkcs11Uri::classCode(ObjectInfo::Class c)
{
    switch (c) {
    case ObjectInfo::Class::Certificate:
        return CKO_CERTIFICATE;
    case ObjectInfo::Class::PublicKey:
        return CKO_PUBLIC_KEY;
    case ObjectInfo::Class::PrivateKey:
        return CKO_PRIVATE_KEY;
    case ObjectInfo::Class::SecretKey:
        return CKO_SECRET_KEY;
    case ObjectInfo::Class::Data:
        return CKO_DATA;
    case ObjectInfo::Class::Other:
        break;
    }
    return CKO_VENDOR_DEFINED;
}

ObjectInfo::Class Pkcs11Uri::classFromCode(quint64 code)
{
    switch (code) {
    case CKO_CERTIFICATE:
        return ObjectInfo::Class::Certificate;
    case CKO_PUBLIC_KEY:
        return ObjectInfo::Class::PublicKey;
    case CKO_PRIVATE_KEY:
        return ObjectInfo::Class::PrivateKey;
    case CKO_SECRET_KEY:
        return ObjectInfo::Class::SecretKey;
    case CKO_DATA:
        return ObjectInfo::Class::Data;
    default:
        return ObjectInfo::Class::Other;
    }
}

} // namespace tokendesk
