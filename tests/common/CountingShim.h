#pragma once

#include <QProcessEnvironment>
#include <QString>

/// Runs a program under counting_pkcs11_shim (tests/integration/counting_pkcs11_shim.cpp): `env`
/// gets the shim LD_PRELOADed, its log at `log` (a line per module loaded and per PKCS#11 call),
/// and ASan told that a preloaded library before its runtime is fine (the shim intercepts nothing
/// of it).
inline void preloadCountingShim(QProcessEnvironment& env, const QString& shim, const QString& log)
{
    env.insert(QStringLiteral("LD_PRELOAD"), shim);
    env.insert(QStringLiteral("COUNTING_SHIM_LOG"), log);
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":verify_asan_link_order=0"));
}
