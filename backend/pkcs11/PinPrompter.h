#pragma once

#include "TokenInfo.h"
#include "backend/common/SecureBytes.h"

#include <QString>
#include <optional>

namespace tokendesk {

/// The PIN operations, one vocabulary for the dialogs, the command line and PinManager.
enum class PinOperation
{
    ChangePin,   ///< change the user PIN with the current one
    ChangeSoPin, ///< change the SO PIN (the PUK on PIV cards) with the current one
    UnblockPin,  ///< set a new user PIN with the SO PIN / PUK, which unblocks it
};

/// What a secret is asked for: which secret, of which token, and what is at stake.
struct PinRequest
{
    enum class Secret
    {
        UserPin,    ///< the PIN (CKU_USER)
        SoPin,      ///< the SO PIN, which is the PUK on PIV cards (CKU_SO)
        NewUserPin, ///< a new PIN (change, unblock)
        NewSoPin,   ///< a new SO PIN / PUK
    };
    enum class Purpose
    {
        Login,        ///< log in to read private objects
        TestIdentity, ///< sign a challenge with an identity's key
        ChangePin,
        UnblockPin,
    };

    Secret secret = Secret::UserPin;
    Purpose purpose = Purpose::Login;
    TokenInfo token;
    /// The exact tries left when the card tells them (PIV: VERIFY without data); -1 when unknown.
    int triesLeft = -1;
    /// One more wrong entry locks the secret: the prompter must make the user confirm that.
    bool finalTry = false;
    /// Asked again after a wrong entry (the previous one cost a try).
    bool retry = false;
    /// What the identity is, for the prompt ("Sign a challenge with John Doe's key").
    QString subject;
};

/// How the backend asks for secrets: the GUI with a dialog, the command line
/// from the terminal without echo or from stdin, tests with a fixed value.
/// Called on the worker thread that needs the secret; a GUI implementation
/// blocks that thread while the dialog is open. The backend never retries a
/// PIN by itself: a second askPin() for one operation is only made when the
/// caller asks for it.
class PinPrompter
{
public:
    virtual ~PinPrompter() = default;

    /// The secret, or nullopt when the user cancelled. The caller wipes it after use.
    virtual std::optional<SecureBytes> askPin(const PinRequest& request) = 0;

    /// The next secret is its final try (request.finalTry): the user must agree first. Asked
    /// before a PIN pad takes the final try (nothing is typed here), and by PinManager before
    /// it asks for a typed secret's final try. True: go on; false (the default): cancelled.
    virtual bool confirmFinalTry(const PinRequest& request)
    {
        Q_UNUSED(request)
        return false;
    }

    /// The PIN is entered on the reader's PIN pad (CKF_PROTECTED_AUTHENTICATION_PATH
    /// or a part 10 pinpad): tell the user, with no text field, until pinpadFinished().
    virtual void pinpadStarted(const PinRequest& request) { Q_UNUSED(request) }
    virtual void pinpadFinished() {}
};

} // namespace tokendesk
