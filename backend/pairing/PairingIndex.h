#pragma once

#include "PairingSources.h"

#include <QList>
#include <optional>
#include <vector>

namespace tokendesk {

/// A pairing as the index lists it: with its mapper and store, and the present certificate it
/// pairs, when one was given that matches.
struct IndexedPairing
{
    Pairing pairing;
    QString mapper;    ///< pam_pkcs11's mapper that reads the store ("digest", ...)
    QString storeSpec; ///< KIND:PATH of the store
    std::optional<CertificateInfo> certificate;
};

/// Every configured store read once: the pairings of all stores in the login stack's order (`pairings`,
/// the window's Pairings root), or those of one certificate (the report's certificates[].pairings[]).
/// Stores that cannot be read are left out and kept as errors.
class PairingIndex
{
public:
    PairingIndex() = default;
    /// Reads the stores `choice` names (blocking). Fails only when the choice itself cannot be
    /// opened (the configuration, a --store that is not KIND:PATH).
    [[nodiscard]] static Result<PairingIndex, PairingError> open(const PairingSources::Choice& choice);
    /// open(), with its error kept in errors(): a system without pam_pkcs11's configuration has an
    /// empty index.
    static PairingIndex load(const PairingSources::Choice& choice);

    /// Every pairing in store order, each completed by the first of `present` it pairs.
    QList<IndexedPairing> pairings(const QList<CertificateInfo>& present) const;
    /// The pairings of `certificate` in store order, sha256, subject and notAfter filled in.
    QList<Pairing> pairingsOf(const CertificateInfo& certificate) const;
    bool isEmpty() const { return m_entries.empty(); }
    /// Stores (or the configuration) that could not be read.
    const QList<PairingError>& errors() const { return m_errors; }

private:
    struct Entry
    {
        std::shared_ptr<PairingStore> store;
        QString mapper;
        QList<Pairing> pairings;
    };
    std::vector<Entry> m_entries;
    QList<PairingError> m_errors;
};

} // namespace tokendesk
