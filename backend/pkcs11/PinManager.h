#pragma once

#include "PinPrompter.h"
#include "PinStatus.h"
#include "Pkcs11Token.h"
#include "backend/common/Result.h"

namespace tokendesk {

/// PIN status, change and unblock for one token, with the guards a helpdesk
/// needs: nothing is retried, a final try is only made after PinManager asked
/// PinPrompter::confirmFinalTry() and got yes (typed or PIN pad, before the
/// secret is asked for), a locked PIN is sent to the unblock
/// flow, a locked PUK is told plainly, and a new PIN is checked against the
/// token's rules before anything reaches the card.
///
/// PIV cards (OpenSC's PIV driver) get their exact tries left over PC/SC
/// (PivCard), and the PUK operations (unblock, change PUK) go to the card
/// directly, because OpenSC cannot log in as SO on PIV. Everything else goes
/// through PKCS#11: C_SetPIN, C_Login(CKU_SO) + C_InitPIN.
///
/// Blocking; run it on a worker. Secrets come from the prompter as SecureBytes
/// and are wiped when the operation ends.
class PinManager
{
public:
    explicit PinManager(Pkcs11Token token) : m_token(std::move(token)) {}

    [[nodiscard]] Result<TokenPinStatus, PinError> status() const;
    /// Asks the current PIN, then the new one; changes it.
    [[nodiscard]] Result<TokenPinStatus, PinError> changePin(PinPrompter& prompter) const;
    /// Asks the current SO PIN / PUK, then the new one; changes it.
    [[nodiscard]] Result<TokenPinStatus, PinError> changeSoPin(PinPrompter& prompter) const;
    /// Asks the SO PIN / PUK, then a new PIN; sets it, which unblocks the PIN.
    [[nodiscard]] Result<TokenPinStatus, PinError> unblockPin(PinPrompter& prompter) const;

    /// One of the three operations above, as `operation` says.
    [[nodiscard]] Result<TokenPinStatus, PinError> run(PinOperation operation, PinPrompter& prompter) const;

    /// Whether `pin` may become the new user PIN (soPin: the new SO PIN / PUK) of this token.
    static PinError::Rule checkNewPin(const SecureBytes& pin, const TokenPinStatus& status, bool soPin);
    /// OpenSC's PIV driver serves this token.
    static bool isPiv(const TokenInfo& token);

private:
    Result<TokenPinStatus, PinError> changeSecret(PinPrompter& prompter, bool soPin) const;
    PinError failure(const Pkcs11Error& error, bool soPin) const;

    Pkcs11Token m_token;
};

} // namespace tokendesk
