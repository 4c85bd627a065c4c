#include "VirtualTokenJobs.h"

#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/vtoken/SoPinVault.h"
#include "backend/vtoken/SoftHsmConfig.h"
#include "backend/vtoken/VirtualTokens.h"

#include <QThreadPool>

namespace tokendesk::VirtualTokenJobs {

Result<VirtualTokens, VirtualTokenError> open(const std::shared_ptr<const ModuleRegistry>& registry)
{
    const QString path = SoftHsmConfig::modulePath();
    if (path.isEmpty()) {
        return VirtualTokenError::make(VirtualTokenError::Code::ModuleMissing);
    }
    if (registry) {
        if (auto module = registry->module(path)) {
            // Initialized, so its configuration exists; ensure() only reads it.
            if (auto config = SoftHsmConfig::ensure(); !config) {
                return config.error();
            }
            return VirtualTokens(std::move(module));
        }
    }
    return VirtualTokens::open();
}

QThreadPool* pool()
{
    static QThreadPool* const threads = [] {
        // Left to the end of the process: a thread stopped at exit could leave libsecret's
        // objects to a context nobody runs again.
        auto* created = new QThreadPool;
        created->setMaxThreadCount(1);
        created->setExpiryTimeout(-1);
        return created;
    }();
    return threads;
}

QString modulePath()
{
    const QString path = SoftHsmConfig::modulePath();
    return path.isEmpty() ? QString() : ModuleRegistry::canonicalPath(path);
}

bool isVirtual(const TokenInfo& token)
{
    static const QString path = modulePath(); // the installed library does not move while we run
    return !path.isEmpty() && !token.serial.isEmpty() && token.modulePath == path;
}

Result<TokenInfo, VirtualTokenError> create(const std::shared_ptr<const ModuleRegistry>& registry, const QString& label,
                                            const SecureBytes& pin)
{
    auto tokens = open(registry);
    if (!tokens) {
        return tokens.error();
    }
    auto made = tokens.value().create(label, pin);
    if (!made) {
        return made.error();
    }
    return made.value().info();
}

Status<VirtualTokenError> remove(const std::shared_ptr<const ModuleRegistry>& registry, const TokenInfo& token)
{
    auto tokens = open(registry);
    if (!tokens) {
        return tokens.error();
    }
    return tokens.value().remove(token);
}

Status<VirtualTokenError> resetPin(const std::shared_ptr<const ModuleRegistry>& registry, const TokenInfo& token,
                                   const SecureBytes& pin)
{
    auto tokens = open(registry);
    if (!tokens) {
        return tokens.error();
    }
    return tokens.value().resetUserPin(token, pin);
}

Result<bool, VirtualTokenError> soPinStored(const QString& serial)
{
    auto stored = SoPinVault::read(serial);
    if (!stored) {
        return stored.error();
    }
    return stored.value().has_value();
}

Result<QList<ProgramView>, BrowserError> checkBrowsers()
{
    return BrowserIntegration().check();
}

Status<BrowserError> setProxy(const QString& nssDir, bool registered)
{
    const BrowserIntegration integration;
    return registered ? integration.registerProxy(nssDir) : integration.unregisterProxy(nssDir);
}

} // namespace tokendesk::VirtualTokenJobs
