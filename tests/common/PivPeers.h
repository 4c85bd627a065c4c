// What OpenSC's pkcs11-tool (the real peer) can do with the simulated PIV card,
// for PIN tests: sign with the 9A key, and spend tries. Secrets reach it as env:NAME.
#pragma once

#include "PeerProcess.h"

#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace pivpeers {

/// Signs with the 9A key (CKA_ID 01) through pkcs11-tool, logging in with `pin`.
inline bool signsWith(const QString& pin)
{
    QTemporaryDir dir;
    QFile input(dir.filePath(QStringLiteral("data")));
    if (!input.open(QIODevice::WriteOnly) || input.write("challenge") != 9) {
        return false;
    }
    input.close();
    QProcessEnvironment env;
    env.insert(QStringLiteral("TD_PIN"), pin);
    const PeerResult r = PeerProcess::run(
        QStringLiteral("pkcs11-tool"),
        {QStringLiteral("--module"), PeerProcess::pkcs11Module(), QStringLiteral("--login"), QStringLiteral("--pin"),
         QStringLiteral("env:TD_PIN"), QStringLiteral("--sign"), QStringLiteral("--id"), QStringLiteral("01"),
         QStringLiteral("-m"), QStringLiteral("SHA256-RSA-PKCS"), QStringLiteral("--input-file"), input.fileName(),
         QStringLiteral("--output-file"), dir.filePath(QStringLiteral("sig"))},
        {}, env);
    return r.ok() && QFileInfo(dir.filePath(QStringLiteral("sig"))).size() == 256;
}

/// A login with a wrong PIN: spends one PIN try.
inline bool spendPinTry()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("TD_PIN"), QStringLiteral("111111"));
    const PeerResult r =
        PeerProcess::run(QStringLiteral("pkcs11-tool"),
                         {QStringLiteral("--module"), PeerProcess::pkcs11Module(), QStringLiteral("--login"),
                          QStringLiteral("--pin"), QStringLiteral("env:TD_PIN"), QStringLiteral("--list-objects")},
                         {}, env);
    return !r.ok() && r.err.contains("CKR_PIN_INCORRECT");
}

} // namespace pivpeers
