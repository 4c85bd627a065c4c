#pragma once

#include "ImportError.h"
#include "backend/common/Result.h"
#include "backend/common/SecureBytes.h"
#include "backend/pkcs11/Pkcs11Session.h"

namespace tokendesk {

/// The PKCS#11 objects for one key of a .p12: the private key (on the token, private,
/// sensitive, never extractable) and its public key, both with the certificate's CKA_ID and
/// CKA_LABEL. RSA (CKK_RSA with its CRT parts) and EC on named curves (CKK_EC).
///
/// The private key's attribute values are key material: they are wiped when this object goes.
class KeyTemplate
{
public:
    [[nodiscard]] static Result<KeyTemplate, ImportError> fromPkcs8(const SecureBytes& pkcs8, const QByteArray& id,
                                                                    const QByteArray& label, const QByteArray& subject);
    KeyTemplate(KeyTemplate&& other) noexcept = default;
    KeyTemplate& operator=(KeyTemplate&& other) noexcept = default;
    KeyTemplate(const KeyTemplate&) = delete;
    KeyTemplate& operator=(const KeyTemplate&) = delete;
    ~KeyTemplate();

    const AttributeList& privateKey() const { return m_private; }
    const AttributeList& publicKey() const { return m_public; }

private:
    KeyTemplate() = default;
    AttributeList m_private;
    AttributeList m_public;
};

} // namespace tokendesk
