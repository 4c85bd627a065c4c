#pragma once

#include "PairingError.h"
#include "StoreFactory.h"
#include "backend/common/Result.h"

#include <QStringList>
#include <vector>

namespace tokendesk {

/// Which stores pairing reads and writes, the same for the window and every command: the stores
/// named (--store, or the settings' list), else pam_pkcs11's configuration's mappers in their order.
class PairingSources
{
public:
    struct Choice
    {
        QStringList stores;    ///< KIND:PATH; empty: from pam_pkcs11's configuration
        QString pamConfigPath; ///< empty: PamConfig::defaultPath()
        QString auditLog;      ///< a file for the audit lines besides syslog; empty: syslog only
        /// How to reach a directory store (options and bind password); null: the settings' options.
        DirectoryAccessPtr directory;
    };

    /// The choice the settings make (Settings::PairingStores, Settings::PamConfigPath).
    static Choice fromSettings();
    /// The mappers, in order, each with its store where TokenDesk reads it. Errors: BadStoreSpec for a
    /// store that is not KIND:PATH; the configuration's errors when no store is named. With stores
    /// named, a readable configuration still gives their mappers' settings (digest algorithm, ignorecase).
    [[nodiscard]] static Result<std::vector<ConfiguredMapper>, PairingError> open(const Choice& choice);
    /// The first mapper with a store: where pairing writes unless told otherwise. Null when none.
    static PairingStore* writeStore(const std::vector<ConfiguredMapper>& mappers);
};

} // namespace tokendesk
