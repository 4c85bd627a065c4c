#pragma once

#include "backend/common/SecretVault.h"

namespace tokendesk {

/// The directory's bind password, when the user asked TokenDesk to remember it: one item in the
/// Secret Service (SecretVault, no plain-text fallback) per bind DN and directory, keyed
/// "BIND_DN@URL". Never in the settings file, a log or any other file. Blocking, as SecretVault:
/// the window calls it on its keyring thread (VirtualTokenJobs::pool()).
class DirectoryPasswordVault
{
public:
    /// The Secret Service's "service" attribute of the items.
    static const QString kService;

    /// "cn=writer,dc=example,dc=test@ldaps://dir.example.test/ou=people,dc=example,dc=test".
    static QString keyOf(const QString& bindDn, const QString& url);

    [[nodiscard]] static Status<SecretVaultError> store(const QString& bindDn, const QString& url,
                                                        const SecureBytes& password);
    /// nullopt: none remembered for this bind DN and directory.
    [[nodiscard]] static Result<std::optional<SecureBytes>, SecretVaultError> read(const QString& bindDn,
                                                                                   const QString& url);
    /// Forgetting what is not there is success.
    [[nodiscard]] static Status<SecretVaultError> remove(const QString& bindDn, const QString& url);
};

} // namespace tokendesk
