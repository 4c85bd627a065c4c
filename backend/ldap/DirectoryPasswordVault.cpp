#include "DirectoryPasswordVault.h"

namespace tokendesk {

const QString DirectoryPasswordVault::kService = QStringLiteral("TokenDesk directory bind password");

QString DirectoryPasswordVault::keyOf(const QString& bindDn, const QString& url)
{
    return bindDn + QLatin1Char('@') + url;
}

Status<SecretVaultError> DirectoryPasswordVault::store(const QString& bindDn, const QString& url,
                                                       const SecureBytes& password)
{
    return SecretVault(kService).store(keyOf(bindDn, url), password);
}

Result<std::optional<SecureBytes>, SecretVaultError> DirectoryPasswordVault::read(const QString& bindDn,
                                                                                  const QString& url)
{
    return SecretVault(kService).read(keyOf(bindDn, url));
}

Status<SecretVaultError> DirectoryPasswordVault::remove(const QString& bindDn, const QString& url)
{
    return SecretVault(kService).remove(keyOf(bindDn, url));
}

} // namespace tokendesk
