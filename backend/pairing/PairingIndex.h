#pragma once

#include "PairingSources.h"

#include <QList>
#include <vector>

namespace tokendesk {

/// Every configured store read once, to answer "which pairings has this certificate?" for many
/// certificates (the report's certificates[].pairings[]). Stores that cannot be read are left out
/// and counted; a system without pam_pkcs11's configuration has an empty index.
class PairingIndex
{
public:
    PairingIndex() = default;
    /// Reads the stores `choice` names (blocking).
    static PairingIndex load(const PairingSources::Choice& choice);

    /// The pairings of `certificate` in store order, sha256, subject and notAfter filled in.
    QList<Pairing> pairingsOf(const CertificateInfo& certificate) const;
    bool isEmpty() const { return m_entries.empty(); }
    /// Stores (or the configuration) that could not be read.
    const QList<PairingError>& errors() const { return m_errors; }

private:
    struct Entry
    {
        std::shared_ptr<PairingStore> store;
        QList<Pairing> pairings;
    };
    std::vector<Entry> m_entries;
    QList<PairingError> m_errors;
};

} // namespace tokendesk
