#pragma once

#include "ObjectInfo.h"
#include "ObjectReader.h"
#include "Pkcs11Error.h"
#include "Pkcs11Module.h"
#include "Pkcs11Session.h"
#include "TokenInfo.h"
#include "backend/common/Result.h"

#include <functional>
#include <memory>
#include <mutex>

namespace tokendesk {

/// A token to work on: its snapshot and the module that serves it. Cheap to
/// copy; keeps the module initialized while it lives.
///
/// Serialized per token: every operation here holds the module's lock for the
/// token's slot from the first call to the last (session opened, used,
/// closed), so two workers never interleave sessions, logins or searches on
/// one token. Operations on two different tokens, or anything on two modules,
/// run in parallel; the modules make their own locks (CKF_OS_LOCKING_OK).
///
/// Each operation first checks that the slot still holds a token: a removed
/// token gives TokenNotPresent with this token's label and serial, so the UI
/// can ask for it by name. In a fixed slot (SoftHSM) the serial is compared
/// too; in a reader only the slot is asked (C_GetSlotInfo), because
/// C_GetTokenInfo talks to the card (see checkPresent()): a card swapped
/// since the snapshot is for the reader events and refresh() to notice.
class Pkcs11Token
{
public:
    Pkcs11Token(std::shared_ptr<const Pkcs11Module> module, TokenInfo info)
        : m_module(std::move(module)), m_info(std::move(info))
    {}

    const TokenInfo& info() const { return m_info; }
    const std::shared_ptr<const Pkcs11Module>& module() const { return m_module; }

    /// The token's info now (PIN flags change with every wrong PIN);
    /// TokenNotPresent when the slot is empty or holds another token. Talks
    /// to the card (PIN state), unlike objects().
    [[nodiscard]] Result<TokenInfo, Pkcs11Error> refresh() const;
    /// The objects the query asks for, read in one read-only session.
    [[nodiscard]] Result<ObjectList, Pkcs11Error> objects(const ObjectQuery& query = {}) const;

    /// Runs `work` with the token's lock held and a new session, checked to be
    /// on this token; the session is closed after it. For the operations built
    /// on this class (PIN, signing).
    template<typename T>
    [[nodiscard]] Result<T, Pkcs11Error>
    withSession(const std::function<Result<T, Pkcs11Error>(Pkcs11Session&)>& work,
                Pkcs11Session::Access access = Pkcs11Session::Access::ReadOnly) const
    {
        const std::lock_guard<std::mutex> lock(m_module->slotMutex(m_info.slot.slotId));
        auto session = openChecked(access);
        if (!session) {
            return session.error();
        }
        Result<T, Pkcs11Error> result = work(session.value());
        if (!result) {
            return decorate(result.error());
        }
        return result;
    }

private:
    /// Call with the lock held.
    Result<Pkcs11Session, Pkcs11Error> openChecked(Pkcs11Session::Access access) const;
    Result<TokenInfo, Pkcs11Error> current() const;
    /// Call with the lock held.
    Status<Pkcs11Error> checkPresent() const;
    /// A removal error, told with this token's label and serial.
    Pkcs11Error decorate(Pkcs11Error error) const;

    std::shared_ptr<const Pkcs11Module> m_module;
    TokenInfo m_info;
};

} // namespace tokendesk
