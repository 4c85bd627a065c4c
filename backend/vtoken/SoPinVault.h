#pragma once

#include "VirtualTokenError.h"
#include "backend/common/Result.h"
#include "backend/common/SecureBytes.h"

#include <QString>
#include <optional>

namespace tokendesk {

/// The SO PINs of the virtual tokens TokenDesk made, in the Secret Service (SecretVault: QtKeychain,
/// no plain-text fallback): one item per token, keyed by the token's serial. The SO PIN is never
/// written to a file, and the user never needs to know it: TokenDesk uses it to reset a
/// forgotten user PIN.
///
/// Blocking, as SecretVault: call it on the keyring thread (or the command line's main thread),
/// never on the GUI thread.
class SoPinVault
{
public:
    /// The Secret Service's "service" attribute of the items.
    static const QString kService;

    [[nodiscard]] static Status<VirtualTokenError> store(const QString& serial, const SecureBytes& soPin);
    /// nullopt: no item for this token; an error: the Secret Service failed.
    [[nodiscard]] static Result<std::optional<SecureBytes>, VirtualTokenError> read(const QString& serial);
    /// Removing an item that is not there is success.
    [[nodiscard]] static Status<VirtualTokenError> remove(const QString& serial);
    /// A new random SO PIN: 24 letters and digits from RAND_bytes.
    static SecureBytes generate();
};

} // namespace tokendesk
