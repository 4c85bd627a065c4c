#pragma once

#include "backend/common/SecureBytes.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/vtoken/ImportPlan.h"
#include "backend/vtoken/P12Importer.h"
#include "backend/vtoken/VirtualTokens.h"
#include "backend/x509/Pkcs12Reader.h"

#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace tokendesk::importp12 {

/// What the import wizard's pages hand on to each other. The wizard owns it; pages read and
/// fill it. Secrets are held through shared pointers so that a worker still running when the
/// wizard goes keeps its own reference: the SecureBytes (and the decrypted keys in
/// Pkcs12Contents) are wiped when the last holder lets go, never under a worker's feet.
struct ImportP12State
{
    QString path;                                   ///< the .p12 / .pfx file (FileName: any bytes)
    std::shared_ptr<const SecureBytes> file;        ///< its bytes, until they are parsed
    std::shared_ptr<const Pkcs12Contents> contents; ///< decrypted: keys are SecureBytes
    ImportPlan plan;

    /// The window's modules: the token page works through their SoftHSM2 when they have it.
    std::shared_ptr<const ModuleRegistry> registry;
    std::optional<VirtualTokens> tokens; ///< libsofthsm2, opened by the token page's worker
    QList<VirtualToken> existing;        ///< the virtual tokens there were
    QString tokenLabel;
    bool createToken = true;
    std::shared_ptr<const SecureBytes> pin; ///< the token's (new) user PIN, until the import ran

    std::optional<ImportResult> result;

    /// Drops every secret this state holds (the last holder wipes them).
    void wipeSecrets()
    {
        file.reset();
        contents.reset();
        pin.reset();
    }
};

} // namespace tokendesk::importp12
