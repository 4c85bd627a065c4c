#pragma once

#include "Pkcs11Error.h"
#include "backend/common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <memory>
#include <optional>

namespace tokendesk {

class Pkcs11Module;

/// Attribute types and values without PKCS#11 types: (CKA_*, bytes as the
/// module stores them; a CK_ULONG or CK_BBOOL in the machine's layout).
using AttributeList = QList<QPair<quint64, QByteArray>>;
/// The attributes a module returned, by CKA_*. An attribute the module does
/// not have or will not show is absent; present ones may be empty.
using AttributeMap = QHash<quint64, QByteArray>;

/// A PKCS#11 session (RAII: C_OpenSession, C_CloseSession). Serial (no
/// parallel flag), read-only unless asked. Not for two threads at once: hold
/// the token's lock (Pkcs11Token does) while using one.
class Pkcs11Session
{
public:
    enum class Access
    {
        ReadOnly,
        ReadWrite
    };
    enum class User
    {
        User,            ///< CKU_USER
        SecurityOfficer, ///< CKU_SO
        ContextSpecific  ///< CKU_CONTEXT_SPECIFIC (a key with CKA_ALWAYS_AUTHENTICATE)
    };

    [[nodiscard]] static Result<Pkcs11Session, Pkcs11Error> open(std::shared_ptr<const Pkcs11Module> module,
                                                                 quint64 slotId, Access access = Access::ReadOnly);

    Pkcs11Session(Pkcs11Session&& other) noexcept;
    Pkcs11Session& operator=(Pkcs11Session&& other) noexcept;
    Pkcs11Session(const Pkcs11Session&) = delete;
    Pkcs11Session& operator=(const Pkcs11Session&) = delete;
    ~Pkcs11Session();

    quint64 handle() const { return m_handle; }
    quint64 slotId() const { return m_slotId; }
    const Pkcs11Module& module() const { return *m_module; }

    /// The objects matching `templ` (every object for an empty one):
    /// C_FindObjectsInit, C_FindObjects in batches, and always C_FindObjectsFinal.
    [[nodiscard]] Result<QList<quint64>, Pkcs11Error> findObjects(const AttributeList& templ) const;

    /// Reads `types` of one object: one C_GetAttributeValue with buffers that fit
    /// nearly every attribute; what did not fit, the careful way (attributesByLength).
    /// Fails only for what ends the session (removal, an invalid handle).
    [[nodiscard]] Result<AttributeMap, Pkcs11Error> attributes(quint64 object, const QList<quint64>& types) const;
    /// An object's class and attributes read in one C_GetAttributeValue, for objects a search for
    /// every class found.
    struct ClassRead
    {
        /// CKA_CLASS; absent when the module would not give it in the same call as `types`
        /// (read it alone then).
        std::optional<quint64> objectClass;
        /// `types`, as attributes() reads them, when the class is the one asked for; empty
        /// otherwise.
        AttributeMap attributes;
    };
    /// attributes() with CKA_CLASS in the same call: `types` are kept only when the object's class
    /// is `cls`. An object of another class gives only its class: what it returned for `types` is
    /// wiped (they are read for `cls`; another class' object may hold a value of its own under the
    /// same type, CKA_VALUE). Only for a public session (isPublic()): no object there is private.
    [[nodiscard]] Result<ClassRead, Pkcs11Error> attributesIfClass(quint64 object, quint64 cls,
                                                                   const QList<quint64>& types) const;
    /// Whether no one is logged in on the session's token (C_GetSessionInfo's state): its searches
    /// then find only objects anyone may read. False when the module will not say.
    [[nodiscard]] Result<bool, Pkcs11Error> isPublic() const;
    /// Reads `types` of one object: their lengths in one C_GetAttributeValue, their
    /// values in another; when a batch fails as a whole (CKR_ARGUMENTS_BAD, a module
    /// that stops at the first absent attribute, ...), one attribute at a time,
    /// keeping what can be read.
    [[nodiscard]] Result<AttributeMap, Pkcs11Error> attributesByLength(quint64 object,
                                                                       const QList<quint64>& types) const;

    /// C_Login. The PIN is copied into a buffer that is wiped after the call;
    /// the caller wipes its own. An empty PIN with a protected authentication
    /// path (PIN pad) logs in on the reader: C_Login with no PIN.
    [[nodiscard]] Status<Pkcs11Error> login(User user, const QByteArray& pin, bool protectedPath = false) const;
    [[nodiscard]] Status<Pkcs11Error> logout() const;
    /// C_SetPIN: the PIN of the user logged in (or, in a public session, the
    /// user PIN). Empty PINs with a protected authentication path: on the reader.
    /// Both buffers are copied into wiped ones; the caller wipes its own.
    [[nodiscard]] Status<Pkcs11Error> setPin(const QByteArray& oldPin, const QByteArray& newPin,
                                             bool protectedPath = false) const;
    /// C_InitPIN (after an SO login): sets a new user PIN and unblocks it.
    [[nodiscard]] Status<Pkcs11Error> initPin(const QByteArray& newPin, bool protectedPath = false) const;

    /// C_CreateObject (a read-write session; private objects after a user login). The values are
    /// passed to the module as they are, not copied: a caller with key material wipes its own list.
    [[nodiscard]] Result<quint64, Pkcs11Error> createObject(const AttributeList& attributes) const;
    /// C_DestroyObject.
    [[nodiscard]] Status<Pkcs11Error> destroyObject(quint64 object) const;

    /// Attribute encodings: CK_ULONG and CK_BBOOL as the module expects them, and back.
    static QByteArray ulongValue(quint64 value);
    static QByteArray boolValue(bool value);
    static std::optional<quint64> toUlong(const std::optional<QByteArray>& value);
    static std::optional<bool> toBool(const std::optional<QByteArray>& value);

private:
    Pkcs11Session(std::shared_ptr<const Pkcs11Module> module, quint64 slotId, quint64 handle)
        : m_module(std::move(module)), m_slotId(slotId), m_handle(handle), m_valid(true)
    {}
    void close();
    /// attributes(), and attributesIfClass() when `cls` is set (CKA_CLASS asked first).
    Result<ClassRead, Pkcs11Error> firstTry(quint64 object, std::optional<quint64> cls,
                                            const QList<quint64>& types) const;
    /// One attribute alone: absent (nullopt) when the module will not give it.
    Result<std::optional<QByteArray>, Pkcs11Error> attribute(quint64 object, quint64 type) const;

    std::shared_ptr<const Pkcs11Module> m_module;
    quint64 m_slotId = 0;
    quint64 m_handle = 0;
    bool m_valid = false;
};

} // namespace tokendesk
