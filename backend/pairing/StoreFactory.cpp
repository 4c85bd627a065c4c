#include "StoreFactory.h"

#include "EidStore.h"
#include "MapFileStore.h"
#include "SshKeyStore.h"

#include <functional>

namespace tokendesk {

namespace {

struct KindEntry
{
    const char* kind;
    const char* mapper;
    bool perUser; ///< the path is inside each account's home folder, and may be left out
    std::function<std::unique_ptr<PairingStore>(const QString& path, const PamMapper& settings)> make;
};

const std::vector<KindEntry>& table()
{
    static const std::vector<KindEntry> entries = {
        {"pam-digest", "digest", false,
         [](const QString& path, const PamMapper& m) {
             return std::make_unique<MapFileStore>(MapFileStore::Kind::Digest, path, m.algorithm);
         }},
        {"pam-subject", "subject", false,
         [](const QString& path, const PamMapper& m) {
             return std::make_unique<MapFileStore>(MapFileStore::Kind::Subject, path, QString(), m.ignoreCase);
         }},
        {"pam-eid", "opensc", true,
         [](const QString& path, const PamMapper&) {
             return std::make_unique<EidStore>(path);
         }},
        {"ssh", "openssh", true,
         [](const QString& path, const PamMapper&) {
             return std::make_unique<SshKeyStore>(path);
         }},
    };
    return entries;
}

const KindEntry* byKind(const QString& kind)
{
    for (const KindEntry& e : table()) {
        if (kind == QLatin1String(e.kind)) {
            return &e;
        }
    }
    return nullptr;
}

const KindEntry* byMapper(const QString& mapper)
{
    for (const KindEntry& e : table()) {
        if (mapper == QLatin1String(e.mapper)) {
            return &e;
        }
    }
    return nullptr;
}

} // namespace

QStringList StoreFactory::kinds()
{
    QStringList names;
    for (const KindEntry& e : table()) {
        names.append(QLatin1String(e.kind));
    }
    return names;
}

QString StoreFactory::kindOfMapper(const QString& mapper)
{
    const KindEntry* e = byMapper(mapper);
    return e ? QLatin1String(e->kind) : QString();
}

QString StoreFactory::mapperOfKind(const QString& kind)
{
    const KindEntry* e = byKind(kind);
    return e ? QLatin1String(e->mapper) : QString();
}

Result<std::unique_ptr<PairingStore>, PairingError> StoreFactory::fromSpec(const QString& spec, const PamConfig* config)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const QString kind = colon < 0 ? spec : spec.left(colon);
    const QString path = colon < 0 ? QString() : spec.mid(colon + 1);
    const KindEntry* entry = byKind(kind);
    if (!entry || (!entry->perUser && path.isEmpty())) {
        return PairingError::make(PairingError::Code::BadStoreSpec, QString(), spec);
    }
    PamMapper settings = config ? config->mapper(QLatin1String(entry->mapper)) : PamMapper{};
    if (settings.algorithm.isEmpty()) {
        settings.algorithm = QStringLiteral("sha1");
    }
    return entry->make(path, settings);
}

std::unique_ptr<PairingStore> StoreFactory::forMapper(const PamMapper& mapper, QString* why)
{
    const KindEntry* entry = byMapper(mapper.name);
    const auto refuse = [why](const char* reason) {
        if (why) {
            *why = QLatin1String(reason);
        }
        return std::unique_ptr<PairingStore>();
    };
    if (!entry) {
        return refuse("not_managed");
    }
    if (entry->perUser) {
        return entry->make(QString(), mapper);
    }
    if (mapper.mapfileUrl.isEmpty() || mapper.mapfileUrl == QLatin1String("none")) {
        return refuse("no_mapfile");
    }
    if (mapper.mapfile.isEmpty()) {
        return refuse("not_local_file");
    }
    return entry->make(mapper.mapfile, mapper);
}

std::vector<ConfiguredMapper> StoreFactory::fromPamConfig(const PamConfig& config)
{
    std::vector<ConfiguredMapper> mappers;
    for (const QString& name : config.useMappers()) {
        ConfiguredMapper m;
        m.mapper = name;
        m.store = forMapper(config.mapper(name), &m.why);
        mappers.push_back(std::move(m));
    }
    return mappers;
}

std::unique_ptr<PairingStore> StoreFactory::defaultStore(const PamConfig& config)
{
    for (ConfiguredMapper& m : fromPamConfig(config)) {
        if (m.store) {
            return std::move(m.store);
        }
    }
    return nullptr;
}

} // namespace tokendesk
