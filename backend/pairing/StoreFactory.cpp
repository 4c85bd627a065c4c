#include "StoreFactory.h"

#include "EidStore.h"
#include "MapFileStore.h"
#include "SshKeyStore.h"

#include <functional>

namespace tokendesk {

namespace {

/// What a store is made from: its path (a directory: the whole URL), its mapper's settings, and
/// for a directory how to reach it.
struct StoreInput
{
    const QString& path;
    const PamMapper& mapper;
    const DirectoryAccessPtr& directory;
};

struct KindEntry
{
    const char* kind;
    const char* mapper;
    bool perUser; ///< the path is inside each account's home folder, and may be left out
    bool url;     ///< the store is named by a URL whose scheme is the kind (ldap://, ldaps://)
    std::function<Result<std::unique_ptr<PairingStore>, PairingError>(const StoreInput& in)> make;
};

Result<std::unique_ptr<PairingStore>, PairingError> owned(std::unique_ptr<PairingStore> store)
{
    return store;
}

StoreFactory::DirectoryMaker directoryMaker = nullptr;

Result<std::unique_ptr<PairingStore>, PairingError> directoryStore(const StoreInput& in)
{
    if (!directoryMaker) {
        // A program without tokendesk_accounts: `tokendesk` execs tokendesk-accounts before it
        // gets here (ReportCli), so this is said only if a new caller forgets to.
        return PairingError::make(PairingError::Code::BadStoreSpec, QString(), in.path);
    }
    DirectoryAccessPtr access = in.directory;
    if (!access) {
        auto fromSettings = std::make_shared<DirectoryAccess>();
        fromSettings->options = DirectoryOptions::fromSettings();
        access = std::move(fromSettings);
    }
    return directoryMaker(in.path, access);
}

const std::vector<KindEntry>& table()
{
    static const std::vector<KindEntry> entries = {
        {"pam-digest", "digest", false, false,
         [](const StoreInput& in) {
             return owned(std::make_unique<MapFileStore>(MapFileStore::Kind::Digest, in.path, in.mapper.algorithm));
         }},
        {"pam-subject", "subject", false, false,
         [](const StoreInput& in) {
             return owned(
                 std::make_unique<MapFileStore>(MapFileStore::Kind::Subject, in.path, QString(), in.mapper.ignoreCase));
         }},
        {"pam-eid", "opensc", true, false,
         [](const StoreInput& in) {
             return owned(std::make_unique<EidStore>(in.path));
         }},
        {"ssh", "openssh", true, false,
         [](const StoreInput& in) {
             return owned(std::make_unique<SshKeyStore>(in.path));
         }},
        // A directory that SSSD reads: --store ldap://host:port/BASE (or ldaps://).
        {"ldap", "sssd", false, true, directoryStore},
        {"ldaps", "sssd", false, true, directoryStore},
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

Result<std::unique_ptr<PairingStore>, PairingError> StoreFactory::fromSpec(const QString& spec, const PamConfig* config,
                                                                           const DirectoryAccessPtr& directory)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const QString kind = colon < 0 ? spec : spec.left(colon).toLower();
    const KindEntry* entry = byKind(kind);
    const QString path = entry && entry->url ? spec : colon < 0 ? QString() : spec.mid(colon + 1);
    if (!entry || (!entry->perUser && path.isEmpty())) {
        return PairingError::make(PairingError::Code::BadStoreSpec, QString(), spec);
    }
    PamMapper settings = config ? config->mapper(QLatin1String(entry->mapper)) : PamMapper{};
    if (settings.algorithm.isEmpty()) {
        settings.algorithm = QStringLiteral("sha1");
    }
    return entry->make(StoreInput{path, settings, directory});
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
    if (!entry || entry->url) {
        return refuse("not_managed");
    }
    const DirectoryAccessPtr none;
    if (entry->perUser) {
        return entry->make(StoreInput{QString(), mapper, none}).value();
    }
    if (mapper.mapfileUrl.isEmpty() || mapper.mapfileUrl == QLatin1String("none")) {
        return refuse("no_mapfile");
    }
    if (mapper.mapfile.isEmpty()) {
        return refuse("not_local_file");
    }
    auto made = entry->make(StoreInput{mapper.mapfile, mapper, none});
    return made ? std::move(made.value()) : nullptr;
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

void StoreFactory::setDirectoryMaker(DirectoryMaker maker)
{
    directoryMaker = maker;
}

bool StoreFactory::readsDirectories()
{
    return directoryMaker != nullptr;
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
