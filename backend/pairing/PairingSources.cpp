#include "PairingSources.h"

#include "backend/common/Settings.h"

namespace tokendesk {

PairingSources::Choice PairingSources::fromSettings()
{
    Choice choice;
    choice.stores = Settings::instance().value(Settings::Key::PairingStores).toStringList();
    choice.pamConfigPath = Settings::instance().value(Settings::Key::PamConfigPath).toString();
    choice.auditLog = Settings::instance().value(Settings::Key::PairingAuditLog).toString();
    return choice;
}

Result<std::vector<ConfiguredMapper>, PairingError> PairingSources::open(const Choice& choice)
{
    const QString configPath = choice.pamConfigPath.isEmpty() ? PamConfig::defaultPath() : choice.pamConfigPath;
    auto config = PamConfig::read(configPath);
    if (choice.stores.isEmpty()) {
        if (!config) {
            return config.error();
        }
        return StoreFactory::fromPamConfig(config.value());
    }
    std::vector<ConfiguredMapper> mappers;
    for (const QString& spec : choice.stores) {
        auto store = StoreFactory::fromSpec(spec, config ? &config.value() : nullptr, choice.directory);
        if (!store) {
            return store.error();
        }
        ConfiguredMapper m;
        m.mapper = StoreFactory::mapperOfKind(store.value()->kind());
        m.store = std::move(store.value());
        mappers.push_back(std::move(m));
    }
    return mappers;
}

PairingStore* PairingSources::writeStore(const std::vector<ConfiguredMapper>& mappers)
{
    for (const ConfiguredMapper& m : mappers) {
        if (m.store) {
            return m.store.get();
        }
    }
    return nullptr;
}

} // namespace tokendesk
