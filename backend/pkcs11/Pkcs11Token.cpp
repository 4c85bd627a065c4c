#include "Pkcs11Token.h"

#include "backend/common/Logging.h"

#include <p11-kit/pkcs11.h>

namespace tokendesk {

Pkcs11Error Pkcs11Token::decorate(Pkcs11Error error) const
{
    if (error.kind == Pkcs11Error::Kind::TokenNotPresent || error.kind == Pkcs11Error::Kind::SessionClosed) {
        error.tokenLabel = m_info.label;
        error.tokenSerial = m_info.serial;
    }
    return error;
}

Result<TokenInfo, Pkcs11Error> Pkcs11Token::current() const
{
    auto now = m_module->tokenInfo(m_info.slot.slotId);
    if (!now) {
        // An empty slot answers CKR_TOKEN_NOT_PRESENT; a reader that went away, CKR_SLOT_ID_INVALID.
        if (now.error().code == CKR_SLOT_ID_INVALID) {
            return Pkcs11Error::tokenNotPresent(m_info.label, m_info.serial, now.error().function);
        }
        return decorate(now.error());
    }
    if (now.value().serialRaw != m_info.serialRaw || now.value().labelRaw != m_info.labelRaw) {
        qCDebug(lcPkcs11) << "slot" << m_info.slot.slotId << "now holds" << now.value().serial << "not"
                          << m_info.serial;
        return Pkcs11Error::tokenNotPresent(m_info.label, m_info.serial, QStringLiteral("C_GetTokenInfo"));
    }
    return now;
}

Status<Pkcs11Error> Pkcs11Token::checkPresent() const
{
    // In a reader, only C_GetSlotInfo: the module checks the reader (OpenSC asks
    // pcscd, and notices a swapped card by pcscd's event counter) without
    // talking to the card. C_GetTokenInfo talks to a PIV card (PIN state), and
    // OpenSC 0.23 can deadlock for good when the card goes in the middle of that
    // (sc_lock() succeeds although the applet re-select failed, the next
    // sc_unlock() leaves card->mutex locked). A token in a fixed slot is
    // compared by serial: that costs nothing.
    if (!m_info.slot.removable) {
        if (auto now = current(); !now) {
            return now.error();
        }
        return Done{};
    }
    auto slot = m_module->slotInfo(m_info.slot.slotId);
    if (!slot) {
        if (slot.error().code == CKR_SLOT_ID_INVALID) {
            return Pkcs11Error::tokenNotPresent(m_info.label, m_info.serial, slot.error().function);
        }
        return decorate(slot.error());
    }
    if (!slot.value().tokenPresent) {
        return Pkcs11Error::tokenNotPresent(m_info.label, m_info.serial, QStringLiteral("C_GetSlotInfo"));
    }
    return Done{};
}

Result<TokenInfo, Pkcs11Error> Pkcs11Token::refresh() const
{
    const std::lock_guard<std::mutex> lock(m_module->slotMutex(m_info.slot.slotId));
    return current();
}

Result<Pkcs11Session, Pkcs11Error> Pkcs11Token::openChecked(Pkcs11Session::Access access) const
{
    if (auto present = checkPresent(); !present) {
        return present.error();
    }
    auto session = Pkcs11Session::open(m_module, m_info.slot.slotId, access);
    if (!session) {
        return decorate(session.error());
    }
    return session;
}

Result<ObjectList, Pkcs11Error> Pkcs11Token::objects(const ObjectQuery& query) const
{
    return withSession<ObjectList>([&](Pkcs11Session& session) { return ObjectReader::read(session, m_info, query); });
}

} // namespace tokendesk
