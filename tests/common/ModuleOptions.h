// ModuleRegistry options for tests that want one module and nothing else: not the
// modules p11-kit registers, not TOKENDESK_MODULES, not the user's NSS database.
#pragma once

#include "PeerProcess.h"
#include "backend/pkcs11/ModuleRegistry.h"

namespace testmodules {

inline tokendesk::ModuleRegistry::Options only(const QString& modulePath)
{
    tokendesk::ModuleRegistry::Options options;
    options.registered = false;
    options.environment = false;
    options.nssDatabase.clear();
    options.paths = {modulePath};
    return options;
}

/// OpenSC's module (the simulated PIV card).
inline tokendesk::ModuleRegistry::Options openscOnly()
{
    return only(PeerProcess::pkcs11Module());
}

} // namespace testmodules
