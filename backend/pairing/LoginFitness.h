#pragma once

#include "backend/x509/CertificateInfo.h"
#include "backend/x509/ChainVerifier.h"

#include <QDateTime>
#include <QList>

namespace tokendesk {

/// Why a certificate may not work for logging in. Warnings, not errors: the operator can pair
/// anyway, knowingly (--force, or the dialog's "Pair anyway").
enum class FitnessWarning
{
    Expired,
    NotYetValid,
    ExpiresSoon,        ///< within CertificateInfo::kExpiresSoonDays
    NoDigitalSignature, ///< keyUsage present without digitalSignature: the card cannot sign a login
    NoLoginUsage,       ///< extendedKeyUsage present without clientAuth, smartcardLogon or anyExtendedKeyUsage
    Untrusted,          ///< the chain does not end at a trusted root
};

/// The checks a login stack makes of a certificate, made before pairing it.
class LoginFitness
{
public:
    /// The warnings for `certificate` at `now`; `chain` (may be null) is its checked chain.
    static QList<FitnessWarning> check(const CertificateInfo& certificate, const ChainResult* chain,
                                       const QDateTime& now);
    /// "expired", "not_yet_valid", ...: for JSON.
    static QString codeName(FitnessWarning warning);
    /// Whether pairing should stop for it unless forced (ExpiresSoon does not).
    static bool blocks(FitnessWarning warning) { return warning != FitnessWarning::ExpiresSoon; }
};

} // namespace tokendesk
