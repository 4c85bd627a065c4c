#include "PinManager.h"

#include "backend/common/Logging.h"
#include "backend/pcsc/PcscContext.h"
#include "backend/piv/PivCard.h"

namespace tokendesk {

namespace {
constexpr qint64 kPivPinMin = 6;
constexpr qint64 kPivPinMax = 8;
constexpr qint64 kPivPukLength = 8;

PinError cancelled(bool soPin)
{
    PinError error;
    error.kind = PinError::Kind::Cancelled;
    error.soPin = soPin;
    return error;
}

PinError tokenError(const Pkcs11Error& pkcs11, bool soPin)
{
    PinError error;
    error.kind = PinError::Kind::Token;
    error.soPin = soPin;
    error.pkcs11 = pkcs11;
    return error;
}

/// A direct PIV command's failure in PinManager's words.
PinError cardError(const PivError& piv, bool soPin)
{
    PinError error;
    error.soPin = soPin;
    error.piv = piv;
    switch (piv.kind) {
    case PivError::Kind::WrongSecret:
        error.kind = PinError::Kind::WrongSecret;
        error.triesLeft = piv.triesLeft;
        break;
    case PivError::Kind::Blocked:
        error.kind = soPin ? PinError::Kind::PukLocked : PinError::Kind::PinLocked;
        error.triesLeft = 0;
        break;
    case PivError::Kind::Rejected:
        error.kind = PinError::Kind::RuleViolation;
        break;
    default:
        error.kind = PinError::Kind::Card;
        break;
    }
    return error;
}

/// The request for one secret of this operation.
PinRequest request(const TokenPinStatus& status, PinRequest::Secret secret, PinRequest::Purpose purpose)
{
    PinRequest r;
    r.secret = secret;
    r.purpose = purpose;
    r.token = status.token;
    const bool isSo = secret == PinRequest::Secret::SoPin;
    const bool isCurrent = secret == PinRequest::Secret::UserPin || isSo;
    if (isCurrent) {
        const PinState& state = isSo ? status.so : status.user;
        r.triesLeft = state.triesLeft;
        r.finalTry = state.finalTry();
    }
    return r;
}
} // namespace

bool PinManager::isPiv(const TokenInfo& token)
{
    // OpenSC's PIV emulation names itself so in CK_TOKEN_INFO.manufacturerID.
    return token.manufacturer == QLatin1String("piv_II");
}

Result<TokenPinStatus, PinError> PinManager::status() const
{
    auto info = m_token.refresh();
    if (!info) {
        return tokenError(info.error(), false);
    }
    TokenPinStatus status;
    status.token = info.value();
    status.user.flags = status.token.userPin;
    status.so.flags = status.token.soPin;
    status.piv = isPiv(status.token);
    status.protectedPath = status.token.protectedAuthenticationPath;
    status.minLength = status.token.minPinLength;
    status.maxLength = status.token.maxPinLength;
    if (status.piv) {
        status.minLength = kPivPinMin;
        status.maxLength = kPivPinMax;
        // OpenSC's slot description is the PC/SC reader's name.
        auto context = PcscContext::establish();
        if (context) {
            const auto piv = PivCard::readPinStatus(context.value(), status.token.slot.description);
            if (piv) {
                status.user.triesLeft = piv.value().triesLeft;
                status.user.verified = piv.value().state == PivPinStatus::State::Verified;
            } else {
                qCWarning(lcPkcs11) << "cannot read the PIV PIN counter in" << status.token.slot.description
                                    << "- status word" << Qt::hex << piv.error().sw;
            }
        }
    }
    return status;
}

PinError::Rule PinManager::checkNewPin(const SecureBytes& pin, const TokenPinStatus& status, bool soPin)
{
    qint64 min = status.minLength;
    qint64 max = status.maxLength;
    if (status.piv) {
        min = soPin ? kPivPukLength : kPivPinMin;
        max = soPin ? kPivPukLength : kPivPinMax;
        if (!soPin && !pin.isDigits()) {
            return PinError::Rule::NotDigits;
        }
    }
    if (pin.isEmpty() || (min > 0 && pin.size() < min)) {
        return PinError::Rule::TooShort;
    }
    if (max > 0 && pin.size() > max) {
        return PinError::Rule::TooLong;
    }
    return PinError::Rule::None;
}

PinError PinManager::failure(const Pkcs11Error& error, bool soPin) const
{
    PinError result = tokenError(error, soPin);
    if (error.kind == Pkcs11Error::Kind::PinLocked) {
        result.kind = soPin ? PinError::Kind::PukLocked : PinError::Kind::PinLocked;
        result.triesLeft = 0;
    } else if (error.kind == Pkcs11Error::Kind::PinIncorrect) {
        result.kind = PinError::Kind::WrongSecret;
        // Tell the new count: the card's, where it says.
        if (auto now = status()) {
            const PinState& state = soPin ? now.value().so : now.value().user;
            result.triesLeft = state.locked() ? 0 : state.triesLeft;
        }
    } else if (error.kind == Pkcs11Error::Kind::PinInvalid) {
        result.kind = PinError::Kind::RuleViolation;
    } else if (error.kind == Pkcs11Error::Kind::NotSupported) {
        result.kind = PinError::Kind::NotSupported;
    }
    return result;
}

Result<TokenPinStatus, PinError> PinManager::changePin(PinPrompter& prompter) const
{
    return changeSecret(prompter, false);
}

Result<TokenPinStatus, PinError> PinManager::changeSoPin(PinPrompter& prompter) const
{
    return changeSecret(prompter, true);
}

Result<TokenPinStatus, PinError> PinManager::run(PinOperation operation, PinPrompter& prompter) const
{
    switch (operation) {
    case PinOperation::ChangePin:
        return changePin(prompter);
    case PinOperation::ChangeSoPin:
        return changeSoPin(prompter);
    case PinOperation::UnblockPin:
        break;
    }
    return unblockPin(prompter);
}

Result<TokenPinStatus, PinError> PinManager::changeSecret(PinPrompter& prompter, bool soPin) const
{
    auto before = status();
    if (!before) {
        return before.error();
    }
    const TokenPinStatus& status = before.value();
    const PinState& secret = soPin ? status.so : status.user;
    if (secret.locked()) {
        PinError locked;
        locked.kind = soPin ? PinError::Kind::PukLocked : PinError::Kind::PinLocked;
        locked.soPin = soPin;
        locked.triesLeft = 0;
        return locked;
    }
    const PinRequest currentRequest = request(status, soPin ? PinRequest::Secret::SoPin : PinRequest::Secret::UserPin,
                                              PinRequest::Purpose::ChangePin);

    if (status.protectedPath) {
        // The reader asks for both: one prompt, no text field; a final try agreed first.
        if (currentRequest.finalTry && !prompter.confirmFinalTry(currentRequest)) {
            return cancelled(soPin);
        }
        prompter.pinpadStarted(currentRequest);
        const auto done = m_token.withSession<Done>(
            [soPin](Pkcs11Session& session) -> Result<Done, Pkcs11Error> {
                if (soPin) {
                    if (auto r = session.login(Pkcs11Session::User::SecurityOfficer, {}, true); !r) {
                        return r.error();
                    }
                }
                return session.setPin({}, {}, true);
            },
            Pkcs11Session::Access::ReadWrite);
        prompter.pinpadFinished();
        if (!done) {
            return failure(done.error(), soPin);
        }
        return this->status();
    }

    // A final try is agreed to here, before the secret is even asked for: the guarantee is
    // PinManager's, whatever the prompter does with request.finalTry.
    if (currentRequest.finalTry && !prompter.confirmFinalTry(currentRequest)) {
        return cancelled(soPin);
    }
    std::optional<SecureBytes> current = prompter.askPin(currentRequest);
    if (!current) {
        return cancelled(soPin);
    }
    std::optional<SecureBytes> next = prompter.askPin(request(
        status, soPin ? PinRequest::Secret::NewSoPin : PinRequest::Secret::NewUserPin, PinRequest::Purpose::ChangePin));
    if (!next) {
        return cancelled(soPin);
    }
    PinError::Rule rule = checkNewPin(*next, status, soPin);
    if (rule == PinError::Rule::None && *next == *current) {
        rule = PinError::Rule::SameAsOld;
    }
    if (rule != PinError::Rule::None) {
        PinError error;
        error.kind = PinError::Kind::RuleViolation;
        error.rule = rule;
        error.soPin = soPin;
        error.minLength = soPin && status.piv ? kPivPukLength : status.minLength;
        error.maxLength = soPin && status.piv ? kPivPukLength : status.maxLength;
        return error;
    }

    if (status.piv && soPin) {
        // OpenSC cannot log in with the PUK: CHANGE REFERENCE DATA to the card.
        auto context = PcscContext::establish();
        if (!context) {
            PivError piv{PivError::Kind::Pcsc, context.error(), 0, -1};
            return cardError(piv, soPin);
        }
        if (auto changed = PivCard::changeReference(context.value(), status.token.slot.description,
                                                    PivCard::Reference::Puk, current->bytes(), next->bytes());
            !changed) {
            return cardError(changed.error(), soPin);
        }
        qCInfo(lcPkcs11) << "PUK changed on" << status.token.label;
        return this->status();
    }

    // Log in first, so that C_SetPIN changes this user's PIN whatever the module makes of
    // C_SetPIN in a public session (OpenSC's pin_unblock_style can make it an unblock with the PUK).
    const auto changed = m_token.withSession<Done>(
        [&](Pkcs11Session& session) -> Result<Done, Pkcs11Error> {
            const auto user = soPin ? Pkcs11Session::User::SecurityOfficer : Pkcs11Session::User::User;
            if (auto r = session.login(user, current->bytes()); !r) {
                return r.error();
            }
            auto set = session.setPin(current->bytes(), next->bytes());
            (void)session.logout();
            return set;
        },
        Pkcs11Session::Access::ReadWrite);
    if (!changed) {
        return failure(changed.error(), soPin);
    }
    qCInfo(lcPkcs11) << (soPin ? "SO PIN" : "PIN") << "changed on" << status.token.label;
    return this->status();
}

Result<TokenPinStatus, PinError> PinManager::unblockPin(PinPrompter& prompter) const
{
    auto before = status();
    if (!before) {
        return before.error();
    }
    const TokenPinStatus& status = before.value();
    if (status.so.locked()) {
        PinError locked;
        locked.kind = PinError::Kind::PukLocked;
        locked.soPin = true;
        locked.triesLeft = 0;
        return locked;
    }
    const PinRequest pukRequest = request(status, PinRequest::Secret::SoPin, PinRequest::Purpose::UnblockPin);
    if (status.protectedPath && !status.piv) {
        if (pukRequest.finalTry && !prompter.confirmFinalTry(pukRequest)) {
            return cancelled(true);
        }
        prompter.pinpadStarted(pukRequest);
        const auto done = m_token.withSession<Done>(
            [](Pkcs11Session& session) -> Result<Done, Pkcs11Error> {
                if (auto r = session.login(Pkcs11Session::User::SecurityOfficer, {}, true); !r) {
                    return r.error();
                }
                auto init = session.initPin({}, true);
                (void)session.logout();
                return init;
            },
            Pkcs11Session::Access::ReadWrite);
        prompter.pinpadFinished();
        if (!done) {
            return failure(done.error(), true);
        }
        return this->status();
    }

    if (pukRequest.finalTry && !prompter.confirmFinalTry(pukRequest)) {
        return cancelled(true);
    }
    std::optional<SecureBytes> puk = prompter.askPin(pukRequest);
    if (!puk) {
        return cancelled(true);
    }
    std::optional<SecureBytes> next =
        prompter.askPin(request(status, PinRequest::Secret::NewUserPin, PinRequest::Purpose::UnblockPin));
    if (!next) {
        return cancelled(true);
    }
    if (const PinError::Rule rule = checkNewPin(*next, status, false); rule != PinError::Rule::None) {
        PinError error;
        error.kind = PinError::Kind::RuleViolation;
        error.rule = rule;
        error.minLength = status.minLength;
        error.maxLength = status.maxLength;
        return error;
    }

    if (status.piv) {
        // RESET RETRY COUNTER to the card: its answer tells the PUK's tries left when the PUK is wrong.
        auto context = PcscContext::establish();
        if (!context) {
            return cardError(PivError{PivError::Kind::Pcsc, context.error(), 0, -1}, true);
        }
        if (auto reset =
                PivCard::resetRetryCounter(context.value(), status.token.slot.description, puk->bytes(), next->bytes());
            !reset) {
            return cardError(reset.error(), true);
        }
        qCInfo(lcPkcs11) << "PIN unblocked with the PUK on" << status.token.label;
        return this->status();
    }

    const auto done = m_token.withSession<Done>(
        [&](Pkcs11Session& session) -> Result<Done, Pkcs11Error> {
            if (auto r = session.login(Pkcs11Session::User::SecurityOfficer, puk->bytes()); !r) {
                return r.error();
            }
            auto init = session.initPin(next->bytes());
            (void)session.logout();
            return init;
        },
        Pkcs11Session::Access::ReadWrite);
    if (!done) {
        return failure(done.error(), true);
    }
    qCInfo(lcPkcs11) << "PIN set with the SO PIN on" << status.token.label;
    return this->status();
}

} // namespace tokendesk
