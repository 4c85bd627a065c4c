#pragma once

#include "SoftHsmConfig.h"
#include "VirtualTokenError.h"
#include "backend/common/Result.h"
#include "backend/common/SecureBytes.h"
#include "backend/pkcs11/Pkcs11Module.h"
#include "backend/pkcs11/Pkcs11Token.h"

#include <QList>
#include <memory>

namespace tokendesk {

/// One virtual token: a SoftHSM2 token in the configuration libsofthsm2 reads.
struct VirtualToken
{
    TokenInfo token;
    /// Its SO PIN is in the Secret Service: TokenDesk made it and can reset its user PIN.
    bool soPinStored = false;

    bool operator==(const VirtualToken& o) const { return token == o.token && soPinStored == o.soPinStored; }
};

/// Virtual tokens on SoftHSM2: make (label, user PIN, a random SO PIN kept in the Secret
/// Service), list, find, remove, and reset a forgotten user PIN with the stored SO PIN.
///
/// Blocking (PKCS#11, D-Bus, softhsm2-util): use it on a worker. The module must have been
/// loaded after SoftHsmConfig::ensure(), since libsofthsm2 reads its configuration once, in
/// C_Initialize; open() does both.
class VirtualTokens
{
public:
    /// Makes sure of the configuration and loads libsofthsm2.
    [[nodiscard]] static Result<VirtualTokens, VirtualTokenError> open();
    /// Uses a module loaded elsewhere (the token watcher's), after SoftHsmConfig::ensure().
    explicit VirtualTokens(std::shared_ptr<const Pkcs11Module> module) : m_module(std::move(module)) {}

    const std::shared_ptr<const Pkcs11Module>& module() const { return m_module; }

    /// Every initialized token, with whether its SO PIN is in the Secret Service
    /// (withSoPinState false: not asked, and false).
    [[nodiscard]] Result<QList<VirtualToken>, VirtualTokenError> list(bool withSoPinState = true) const;
    /// The token with this label (or serial, when no label matches); NotFound when none.
    [[nodiscard]] Result<Pkcs11Token, VirtualTokenError> find(const QString& labelOrSerial) const;
    /// A new token in SoftHSM's free slot: C_InitToken with a random SO PIN, that SO PIN in the
    /// Secret Service, then C_InitPIN with `userPin`. All or nothing: when a step after
    /// C_InitToken fails, the token is removed again.
    [[nodiscard]] Result<Pkcs11Token, VirtualTokenError> create(const QString& label, const SecureBytes& userPin) const;
    /// Removes the token and all its objects (softhsm2-util --delete-token) and its SO PIN from
    /// the Secret Service.
    [[nodiscard]] Status<VirtualTokenError> remove(const TokenInfo& token) const;
    /// A new user PIN, set with the SO PIN from the Secret Service (which also unblocks it).
    [[nodiscard]] Status<VirtualTokenError> resetUserPin(const TokenInfo& token, const SecureBytes& newPin) const;

    /// A label can name a token: 1 to 32 bytes of UTF-8, no control characters.
    static bool validLabel(const QString& label);

private:
    /// The serial SoftHSM gave the token now labelled `label` (after C_InitToken).
    Result<Pkcs11Token, VirtualTokenError> findExact(const QString& label) const;

    std::shared_ptr<const Pkcs11Module> m_module;
};

} // namespace tokendesk
