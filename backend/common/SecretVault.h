#pragma once

#include "backend/common/Result.h"
#include "backend/common/SecureBytes.h"

#include <QString>
#include <optional>

namespace tokendesk {

/// Why the Secret Service did not keep, give or forget a secret: QtKeychain's reason, or that no
/// answer came in time. Never the secret.
struct SecretVaultError
{
    QString detail;
};

/// Secrets in the desktop's Secret Service (gnome-keyring, KWallet) through QtKeychain, as items
/// of one `service` named by a key: no plain-text fallback, so without a Secret Service nothing is
/// kept. The virtual tokens' SO PINs (SoPinVault) and the directory's bind password
/// (DirectoryPasswordVault) are kept here.
///
/// Blocking: each call runs one QtKeychain job to its end in an event loop of its own. Call it on
/// one long-lived worker thread (the window's keyring thread, VirtualTokenJobs::pool(): libsecret
/// binds its D-Bus objects to the first thread that used it) or the command line's main thread,
/// never on the GUI thread.
class SecretVault
{
public:
    explicit SecretVault(QString service) : m_service(std::move(service)) {}

    const QString& service() const { return m_service; }

    [[nodiscard]] Status<SecretVaultError> store(const QString& key, const SecureBytes& secret) const;
    /// nullopt: no item for this key; an error: the Secret Service failed.
    [[nodiscard]] Result<std::optional<SecureBytes>, SecretVaultError> read(const QString& key) const;
    /// Removing an item that is not there is success.
    [[nodiscard]] Status<SecretVaultError> remove(const QString& key) const;

private:
    QString m_service;
};

} // namespace tokendesk
