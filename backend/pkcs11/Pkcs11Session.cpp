#include "Pkcs11Session.h"

#include "Pkcs11Module.h"
#include "backend/common/Logging.h"

#include <QScopeGuard>
#include <QVarLengthArray>
#include <cstring>
#include <openssl/crypto.h>
#include <p11-kit/pkcs11.h>
#include <vector>

namespace tokendesk {

namespace {

/// What a module leaves in ulValueLen when it did not look at an attribute.
constexpr CK_ULONG kUntouched = CK_UNAVAILABLE_INFORMATION - 1;
/// Longer than any attribute TokenDesk reads: a module's garbage, not a length.
constexpr CK_ULONG kMaxLength = 16UL * 1024 * 1024;
/// A module that keeps returning handles is broken; stop there.
constexpr int kMaxObjects = 100000;

/// A PIN typed on the reader's PIN pad is a person's time, not the module's.
Pkcs11Module::Wait waitFor(bool onReader)
{
    return onReader ? Pkcs11Module::Wait::Person : Pkcs11Module::Wait::Module;
}

/// The call's error, as the module sees it (an isolated module's child gone says so).
Pkcs11Error error(const Pkcs11Module& module, CK_RV rv, const char* function)
{
    return module.error(rv, QString::fromLatin1(function));
}

/// Errors that end the session or say the token is gone: no point in
/// retrying attribute by attribute. Anything else only concerns attributes.
bool endsSession(CK_RV rv)
{
    switch (Pkcs11Error::kindOf(rv)) {
    case Pkcs11Error::Kind::TokenNotPresent:
    case Pkcs11Error::Kind::SessionClosed:
    case Pkcs11Error::Kind::DeviceError:
    case Pkcs11Error::Kind::ObjectNotFound:
        return true;
    default:
        return rv == CKR_CRYPTOKI_NOT_INITIALIZED || rv == CKR_HOST_MEMORY;
    }
}

bool usableLength(CK_ULONG length)
{
    return length != CK_UNAVAILABLE_INFORMATION && length != kUntouched && length <= kMaxLength;
}

CK_USER_TYPE userType(Pkcs11Session::User user)
{
    switch (user) {
    case Pkcs11Session::User::SecurityOfficer:
        return CKU_SO;
    case Pkcs11Session::User::ContextSpecific:
        return CKU_CONTEXT_SPECIFIC;
    case Pkcs11Session::User::User:
        break;
    }
    return CKU_USER;
}

} // namespace

Result<Pkcs11Session, Pkcs11Error> Pkcs11Session::open(std::shared_ptr<const Pkcs11Module> module, quint64 slotId,
                                                       Access access)
{
    CK_FLAGS flags = CKF_SERIAL_SESSION;
    if (access == Access::ReadWrite) {
        flags |= CKF_RW_SESSION;
    }
    CK_SESSION_HANDLE handle = CK_INVALID_HANDLE;
    const CK_RV rv = module->functions()->C_OpenSession(slotId, flags, nullptr, nullptr, &handle);
    if (rv != CKR_OK) {
        return error(*module, rv, "C_OpenSession");
    }
    return Pkcs11Session(std::move(module), slotId, handle);
}

Pkcs11Session::Pkcs11Session(Pkcs11Session&& other) noexcept
    : m_module(std::move(other.m_module)), m_slotId(other.m_slotId), m_handle(other.m_handle), m_valid(other.m_valid)
{
    other.m_valid = false;
}

Pkcs11Session& Pkcs11Session::operator=(Pkcs11Session&& other) noexcept
{
    if (this != &other) {
        close();
        m_module = std::move(other.m_module);
        m_slotId = other.m_slotId;
        m_handle = other.m_handle;
        m_valid = other.m_valid;
        other.m_valid = false;
    }
    return *this;
}

Pkcs11Session::~Pkcs11Session()
{
    close();
}

void Pkcs11Session::close()
{
    if (m_valid) {
        // Fails when the token was removed (the module closed it already): nothing to do then.
        const CK_RV rv = m_module->functions()->C_CloseSession(m_handle);
        if (rv != CKR_OK) {
            qCDebug(lcPkcs11) << "C_CloseSession:" << Pkcs11Error::codeName(rv);
        }
        m_valid = false;
    }
}

Result<QList<quint64>, Pkcs11Error> Pkcs11Session::findObjects(const AttributeList& templ) const
{
    std::vector<CK_ATTRIBUTE> attributes;
    attributes.reserve(static_cast<size_t>(templ.size()));
    for (const auto& [type, value] : templ) {
        attributes.push_back({type, const_cast<char*>(value.constData()), static_cast<CK_ULONG>(value.size())});
    }
    CK_RV rv =
        m_module->functions()->C_FindObjectsInit(m_handle, attributes.data(), static_cast<CK_ULONG>(attributes.size()));
    if (rv != CKR_OK) {
        return error(*m_module, rv, "C_FindObjectsInit");
    }
    // A search left open blocks the next one in this session: always end it.
    const auto finish = qScopeGuard([&] {
        const CK_RV finalRv = m_module->functions()->C_FindObjectsFinal(m_handle);
        if (finalRv != CKR_OK) {
            qCDebug(lcPkcs11) << "C_FindObjectsFinal:" << Pkcs11Error::codeName(finalRv);
        }
    });
    QList<quint64> handles;
    CK_OBJECT_HANDLE batch[64];
    while (handles.size() < kMaxObjects) {
        CK_ULONG found = 0;
        rv = m_module->functions()->C_FindObjects(m_handle, batch, 64, &found);
        if (rv != CKR_OK) {
            return error(*m_module, rv, "C_FindObjects");
        }
        if (found == 0) {
            break;
        }
        for (CK_ULONG i = 0; i < found && i < 64; ++i) {
            handles.append(batch[i]);
        }
    }
    return handles;
}

Result<std::optional<QByteArray>, Pkcs11Error> Pkcs11Session::attribute(quint64 object, quint64 type) const
{
    CK_ATTRIBUTE a{type, nullptr, kUntouched};
    CK_RV rv = m_module->functions()->C_GetAttributeValue(m_handle, object, &a, 1);
    if (endsSession(rv)) {
        return error(*m_module, rv, "C_GetAttributeValue");
    }
    if (rv != CKR_OK || !usableLength(a.ulValueLen)) {
        return std::optional<QByteArray>();
    }
    QByteArray value(static_cast<qsizetype>(a.ulValueLen), Qt::Uninitialized);
    a.pValue = value.data();
    rv = m_module->functions()->C_GetAttributeValue(m_handle, object, &a, 1);
    if (endsSession(rv)) {
        return error(*m_module, rv, "C_GetAttributeValue");
    }
    if (rv != CKR_OK || !usableLength(a.ulValueLen) || a.ulValueLen > static_cast<CK_ULONG>(value.size())) {
        return std::optional<QByteArray>();
    }
    value.truncate(static_cast<qsizetype>(a.ulValueLen));
    return std::optional<QByteArray>(value);
}

Result<AttributeMap, Pkcs11Error> Pkcs11Session::attributes(quint64 object, const QList<quint64>& types) const
{
    auto read = firstTry(object, std::nullopt, types);
    if (!read) {
        return read.error();
    }
    return std::move(read.value().attributes);
}

Result<Pkcs11Session::ClassRead, Pkcs11Error> Pkcs11Session::attributesIfClass(quint64 object, quint64 cls,
                                                                               const QList<quint64>& types) const
{
    return firstTry(object, cls, types);
}

Result<Pkcs11Session::ClassRead, Pkcs11Error> Pkcs11Session::firstTry(quint64 object, std::optional<quint64> cls,
                                                                      const QList<quint64>& types) const
{
    // 0. One call with room enough for what nearly every object has: most objects are then read
    //    in this one call instead of two (lengths, values), and a token of 1,000 certificates
    //    costs 1,000 calls less (SoftHSM checks the object's file for every call). The standard
    //    says a call that returns CKR_ATTRIBUTE_SENSITIVE, _TYPE_INVALID or CKR_BUFFER_TOO_SMALL
    //    still processed every attribute: those with a length are read; the others (absent,
    //    sensitive or too long: ulValueLen says only CK_UNAVAILABLE_INFORMATION) go the long way
    //    unless the call returned CKR_OK.
    //    The room is one buffer for all (a token's thousand objects: one allocation each, not one
    //    per attribute), each value copied out of it. With `cls`, CKA_CLASS comes first.
    const auto roomFor = [](quint64 type) -> qsizetype {
        return type == CKA_VALUE ? 4096 : 512;
    };
    qsizetype total = 0;
    for (const quint64 type : types) {
        total += roomFor(type);
    }
    QByteArray buffer(total, Qt::Uninitialized);
    const auto wipe = [&buffer] {
        OPENSSL_cleanse(buffer.data(), static_cast<size_t>(buffer.size()));
    };
    QVarLengthArray<CK_ATTRIBUTE, 16> guess;
    CK_OBJECT_CLASS objectClass = 0;
    const qsizetype first = cls ? 1 : 0; // types.at(i) is guess[first + i]
    if (cls) {
        guess.append({CKA_CLASS, &objectClass, sizeof objectClass});
    }
    char* room = buffer.data();
    for (const quint64 type : types) {
        guess.append({type, room, static_cast<CK_ULONG>(roomFor(type))});
        room += roomFor(type);
    }
    CK_RV rv =
        m_module->functions()->C_GetAttributeValue(m_handle, object, guess.data(), static_cast<CK_ULONG>(guess.size()));
    if (endsSession(rv)) {
        wipe();
        return error(*m_module, rv, "C_GetAttributeValue");
    }
    const bool processed =
        rv == CKR_OK || rv == CKR_ATTRIBUTE_SENSITIVE || rv == CKR_ATTRIBUTE_TYPE_INVALID || rv == CKR_BUFFER_TOO_SMALL;
    ClassRead result;
    if (cls) {
        if (processed && guess[0].ulValueLen == sizeof objectClass) {
            result.objectClass = objectClass;
        }
        if (result.objectClass != cls) {
            wipe(); // another class' values, or a module that would not say which
            return result;
        }
    }
    if (!processed) {
        // A module that refuses the whole batch (CKR_ARGUMENTS_BAD, ...): the careful way.
        auto careful = attributesByLength(object, types);
        if (!careful) {
            return careful.error();
        }
        result.attributes = std::move(careful.value());
        return result;
    }
    QList<quint64> rest;
    qsizetype at = 0; // the value's place in the buffer, by our count (not the template's pointer)
    for (qsizetype i = 0; i < types.size(); at += roomFor(types.at(i)), ++i) {
        const CK_ULONG length = guess[first + i].ulValueLen;
        const auto roomLength = static_cast<CK_ULONG>(roomFor(types.at(i)));
        if (usableLength(length) && length < roomLength) {
            result.attributes.insert(types.at(i), buffer.mid(at, static_cast<qsizetype>(length)));
        } else if (rv != CKR_OK || length != CK_UNAVAILABLE_INFORMATION) {
            // Maybe too long for the guess: a module may answer CKR_ATTRIBUTE_TYPE_INVALID
            // for a call where another attribute was too long (the standard lets it pick
            // any of the codes; OpenSC ranks CKR_BUFFER_TOO_SMALL last). Or left as it was
            // (ulValueLen still the room: a module that stopped early), or garbage.
            rest.append(types.at(i));
        }
    }
    if (rest.isEmpty()) {
        return result;
    }
    auto more = attributesByLength(object, rest);
    if (!more) {
        return more.error();
    }
    result.attributes.insert(more.value());
    return result;
}

Result<bool, Pkcs11Error> Pkcs11Session::isPublic() const
{
    CK_SESSION_INFO info{};
    const CK_RV rv = m_module->functions()->C_GetSessionInfo(m_handle, &info);
    if (endsSession(rv)) {
        return error(*m_module, rv, "C_GetSessionInfo");
    }
    return rv == CKR_OK && (info.state == CKS_RO_PUBLIC_SESSION || info.state == CKS_RW_PUBLIC_SESSION);
}

Result<AttributeMap, Pkcs11Error> Pkcs11Session::attributesByLength(quint64 object, const QList<quint64>& types) const
{
    AttributeMap result;
    // 1. All lengths in one call. A module that follows the standard sets each
    //    length (CK_UNAVAILABLE_INFORMATION for what it will not give) even
    //    when it returns CKR_ATTRIBUTE_SENSITIVE or _TYPE_INVALID; others stop
    //    at the first bad one (left kUntouched) or fail with CKR_ARGUMENTS_BAD.
    std::vector<CK_ATTRIBUTE> lengths;
    for (const quint64 type : types) {
        lengths.push_back({type, nullptr, kUntouched});
    }
    CK_RV rv = m_module->functions()->C_GetAttributeValue(m_handle, object, lengths.data(),
                                                          static_cast<CK_ULONG>(lengths.size()));
    if (endsSession(rv)) {
        return error(*m_module, rv, "C_GetAttributeValue");
    }
    QList<quint64> oneByOne;
    std::vector<CK_ATTRIBUTE> values;
    std::vector<QByteArray> buffers;
    for (const CK_ATTRIBUTE& a : lengths) {
        if (rv == CKR_ARGUMENTS_BAD) {
            oneByOne.append(a.type);
        } else if (a.ulValueLen == CK_UNAVAILABLE_INFORMATION) {
            continue; // absent: not an error
        } else if (usableLength(a.ulValueLen)) {
            buffers.emplace_back(static_cast<qsizetype>(a.ulValueLen), Qt::Uninitialized);
            values.push_back({a.type, nullptr, a.ulValueLen});
        } else {
            oneByOne.append(a.type); // left untouched, or garbage
        }
    }
    // 2. The values that have a length, in one call.
    if (!values.empty()) {
        for (size_t i = 0; i < values.size(); ++i) {
            values[i].pValue = buffers[i].data();
        }
        rv = m_module->functions()->C_GetAttributeValue(m_handle, object, values.data(),
                                                        static_cast<CK_ULONG>(values.size()));
        if (endsSession(rv)) {
            return error(*m_module, rv, "C_GetAttributeValue");
        }
        for (size_t i = 0; i < values.size(); ++i) {
            const CK_ULONG length = values[i].ulValueLen;
            if (rv != CKR_OK) {
                oneByOne.append(values[i].type);
            } else if (usableLength(length) && length <= static_cast<CK_ULONG>(buffers[i].size())) {
                result.insert(values[i].type, buffers[i].left(static_cast<qsizetype>(length)));
            }
        }
    }
    // 3. What the batches did not give: one at a time, keeping what works.
    if (!oneByOne.isEmpty()) {
        qCDebug(lcPkcs11) << "attribute batch:" << Pkcs11Error::codeName(rv) << "- reading" << oneByOne.size() << "of"
                          << types.size() << "one by one";
    }
    for (const quint64 type : std::as_const(oneByOne)) {
        auto value = attribute(object, type);
        if (!value) {
            return value.error();
        }
        if (value.value()) {
            result.insert(type, *value.value());
        }
    }
    return result;
}

Status<Pkcs11Error> Pkcs11Session::login(User user, const QByteArray& pin, bool protectedPath) const
{
    std::vector<CK_UTF8CHAR> buffer(pin.begin(), pin.end());
    const auto wipe = qScopeGuard([&buffer] {
        if (!buffer.empty()) {
            OPENSSL_cleanse(buffer.data(), buffer.size());
        }
    });
    const bool onReader = protectedPath && pin.isEmpty();
    const CK_RV rv = m_module->functions(waitFor(onReader))
                         ->C_Login(m_handle, userType(user), onReader ? nullptr : buffer.data(),
                                   onReader ? 0 : static_cast<CK_ULONG>(buffer.size()));
    if (rv != CKR_OK && rv != CKR_USER_ALREADY_LOGGED_IN) {
        return error(*m_module, rv, "C_Login");
    }
    return Done{};
}

namespace {
/// A PIN in a buffer PKCS#11 can take, wiped when it goes.
class PinBuffer
{
public:
    explicit PinBuffer(const QByteArray& pin) : m_bytes(pin.begin(), pin.end()) {}
    ~PinBuffer()
    {
        if (!m_bytes.empty()) {
            OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
        }
    }
    PinBuffer(const PinBuffer&) = delete;
    PinBuffer& operator=(const PinBuffer&) = delete;
    CK_UTF8CHAR* data(bool onReader) { return onReader || m_bytes.empty() ? nullptr : m_bytes.data(); }
    CK_ULONG size(bool onReader) const { return onReader ? 0 : static_cast<CK_ULONG>(m_bytes.size()); }

private:
    std::vector<CK_UTF8CHAR> m_bytes;
};
} // namespace

Status<Pkcs11Error> Pkcs11Session::setPin(const QByteArray& oldPin, const QByteArray& newPin, bool protectedPath) const
{
    PinBuffer oldBuffer(oldPin);
    PinBuffer newBuffer(newPin);
    const bool onReader = protectedPath && oldPin.isEmpty() && newPin.isEmpty();
    const CK_RV rv = m_module->functions(waitFor(onReader))
                         ->C_SetPIN(m_handle, oldBuffer.data(onReader), oldBuffer.size(onReader),
                                    newBuffer.data(onReader), newBuffer.size(onReader));
    if (rv != CKR_OK) {
        return error(*m_module, rv, "C_SetPIN");
    }
    return Done{};
}

Status<Pkcs11Error> Pkcs11Session::initPin(const QByteArray& newPin, bool protectedPath) const
{
    PinBuffer buffer(newPin);
    const bool onReader = protectedPath && newPin.isEmpty();
    const CK_RV rv =
        m_module->functions(waitFor(onReader))->C_InitPIN(m_handle, buffer.data(onReader), buffer.size(onReader));
    if (rv != CKR_OK) {
        return error(*m_module, rv, "C_InitPIN");
    }
    return Done{};
}

Result<quint64, Pkcs11Error> Pkcs11Session::createObject(const AttributeList& attributes) const
{
    std::vector<CK_ATTRIBUTE> list;
    list.reserve(static_cast<size_t>(attributes.size()));
    for (const auto& [type, value] : attributes) {
        list.push_back({type, const_cast<char*>(value.constData()), static_cast<CK_ULONG>(value.size())});
    }
    CK_OBJECT_HANDLE object = CK_INVALID_HANDLE;
    const CK_RV rv =
        m_module->functions()->C_CreateObject(m_handle, list.data(), static_cast<CK_ULONG>(list.size()), &object);
    if (rv != CKR_OK) {
        return error(*m_module, rv, "C_CreateObject");
    }
    return quint64(object);
}

Status<Pkcs11Error> Pkcs11Session::destroyObject(quint64 object) const
{
    const CK_RV rv = m_module->functions()->C_DestroyObject(m_handle, object);
    if (rv != CKR_OK) {
        return error(*m_module, rv, "C_DestroyObject");
    }
    return Done{};
}

Status<Pkcs11Error> Pkcs11Session::logout() const
{
    const CK_RV rv = m_module->functions()->C_Logout(m_handle);
    if (rv != CKR_OK && rv != CKR_USER_NOT_LOGGED_IN) {
        return error(*m_module, rv, "C_Logout");
    }
    return Done{};
}

QByteArray Pkcs11Session::ulongValue(quint64 value)
{
    const CK_ULONG v = value;
    return QByteArray(reinterpret_cast<const char*>(&v), sizeof v);
}

QByteArray Pkcs11Session::boolValue(bool value)
{
    const CK_BBOOL v = value ? CK_TRUE : CK_FALSE;
    return QByteArray(reinterpret_cast<const char*>(&v), sizeof v);
}

std::optional<quint64> Pkcs11Session::toUlong(const std::optional<QByteArray>& value)
{
    if (!value || value->size() != static_cast<qsizetype>(sizeof(CK_ULONG))) {
        return std::nullopt;
    }
    CK_ULONG v = 0;
    std::memcpy(&v, value->constData(), sizeof v);
    return v;
}

std::optional<bool> Pkcs11Session::toBool(const std::optional<QByteArray>& value)
{
    if (!value || value->isEmpty()) {
        return std::nullopt;
    }
    return value->at(0) != 0;
}

} // namespace tokendesk
