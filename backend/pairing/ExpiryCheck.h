#pragma once

#include "Pairing.h"

#include <QDateTime>
#include <QList>
#include <QSet>

namespace tokendesk {

/// "The only certificate an account can log in with expires soon": the pairings whose login has
/// exactly one certificate paired (counted by SHA-256 where known, each unknown one apart) and whose
/// certificate's notAfter is within CertificateInfo::kExpiresSoonDays of `now` (or past).
class ExpiryCheck
{
public:
    /// Indexes into `pairings` of the rows to warn about.
    static QSet<int> onlyCertificateExpiring(const QList<Pairing>& pairings, const QDateTime& now);
};

} // namespace tokendesk
