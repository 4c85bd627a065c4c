#pragma once

#include "PairingError.h"
#include "PairingStore.h"
#include "PamConfig.h"
#include "backend/common/Result.h"
#include "backend/ldap/DirectoryOptions.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace tokendesk {

/// A mapper of pam_pkcs11's `use_mappers`, in order, with its store when TokenDesk can read it.
struct ConfiguredMapper
{
    QString mapper;                      ///< "digest", "subject", "opensc", "openssh", "cn", ...
    std::unique_ptr<PairingStore> store; ///< null: a mapper TokenDesk does not read (see why)
    QString why;                         ///< null store: "not_managed", "no_mapfile", "not_local_file"
};

/// From a store's name to the store: `--store KIND:PATH`, or pam_pkcs11's configuration. The
/// table of kinds is the one place a new store registers.
class StoreFactory
{
public:
    /// "pam-digest", "pam-subject", "pam-eid", "ssh", "ldap", "ldaps": the kinds --store takes.
    static QStringList kinds();
    /// The kind that serves pam_pkcs11 mapper `mapper` ("digest" → "pam-digest"); empty when none.
    static QString kindOfMapper(const QString& mapper);

    /// The pam_pkcs11 mapper that reads stores of `kind` ("pam-digest" → "digest"); empty when none.
    static QString mapperOfKind(const QString& kind);
    /// `KIND:PATH` (PATH: the mapping file; for the per-user kinds the file inside each home, and
    /// optional), or a directory's URL (ldap://HOST[:PORT]/BASE, ldaps://...). `config` gives the
    /// settings a file store's mapper has (digest algorithm, ignorecase): from the configuration when
    /// it has that mapper, pam_pkcs11's defaults otherwise. `directory`: how to reach a directory
    /// (null: the settings' options, anonymous when they name no bind DN).
    [[nodiscard]] static Result<std::unique_ptr<PairingStore>, PairingError>
    fromSpec(const QString& spec, const PamConfig* config = nullptr, const DirectoryAccessPtr& directory = nullptr);
    /// Every mapper of `use_mappers` in order, with a store for those TokenDesk reads.
    static std::vector<ConfiguredMapper> fromPamConfig(const PamConfig& config);
    /// The store for `mapper`'s settings; null (with `why`) when there is none.
    static std::unique_ptr<PairingStore> forMapper(const PamMapper& mapper, QString* why = nullptr);
    /// The store pairing writes to by default: the first of `use_mappers` TokenDesk reads.
    static std::unique_ptr<PairingStore> defaultStore(const PamConfig& config);

    /// Makes the store of a directory's URL (ldap://, ldaps://). Set by tokendesk_accounts (the
    /// library with libldap) in every program that links it, so that `tokendesk`, which does not,
    /// maps no libldap at start (docs/ARCHITECTURE.md, "The command line").
    using DirectoryMaker = Result<std::unique_ptr<PairingStore>, PairingError> (*)(const QString& url,
                                                                                   const DirectoryAccessPtr& access);
    static void setDirectoryMaker(DirectoryMaker maker);
    /// Whether this program reads directories (a DirectoryMaker was set).
    static bool readsDirectories();
};

} // namespace tokendesk
