// SoftHSM2's own tools as the peers that check virtual tokens, in whatever configuration
// libsofthsm2 reads in this process (SOFTHSM2_CONF, or VtokenHome's user configuration).
// PINs reach pkcs11-tool as "env:TD_PIN", never on a command line.
#pragma once

#include "PeerProcess.h"
#include "backend/vtoken/SoftHsmConfig.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

namespace SoftHsmPeers {

/// softhsm2-util --show-slots, as it printed it.
inline QByteArray showSlots()
{
    return PeerProcess::run(QStringLiteral("softhsm2-util"), {QStringLiteral("--show-slots")}).out;
}

/// How many initialized tokens softhsm2-util lists (slot numbers change as tokens come and go).
inline int tokenCount()
{
    return int(showSlots().count("Initialized:      yes"));
}

/// pkcs11-tool -O after a login with `pin` on the token labelled `label`: every object,
/// private ones included.
inline PeerResult listObjects(const QString& label, const QByteArray& pin)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("TD_PIN"), QString::fromUtf8(pin));
    return PeerProcess::run(QStringLiteral("pkcs11-tool"),
                            {QStringLiteral("--module"), tokendesk::SoftHsmConfig::modulePath(),
                             QStringLiteral("--token-label"), label, QStringLiteral("--login"), QStringLiteral("--pin"),
                             QStringLiteral("env:TD_PIN"), QStringLiteral("-O")},
                            {}, env);
}

} // namespace SoftHsmPeers
