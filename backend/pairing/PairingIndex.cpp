#include "PairingIndex.h"

namespace tokendesk {

Result<PairingIndex, PairingError> PairingIndex::open(const PairingSources::Choice& choice)
{
    auto mappers = PairingSources::open(choice);
    if (!mappers) {
        return mappers.error();
    }
    PairingIndex index;
    for (ConfiguredMapper& mapper : mappers.value()) {
        if (!mapper.store) {
            continue;
        }
        auto listed = mapper.store->list();
        if (!listed) {
            index.m_errors.append(listed.error());
            continue;
        }
        index.m_entries.push_back(
            Entry{std::shared_ptr<PairingStore>(std::move(mapper.store)), mapper.mapper, listed.value()});
    }
    return index;
}

PairingIndex PairingIndex::load(const PairingSources::Choice& choice)
{
    auto opened = open(choice);
    if (opened) {
        return std::move(opened.value());
    }
    PairingIndex index;
    index.m_errors.append(opened.error());
    return index;
}

QList<IndexedPairing> PairingIndex::pairings(const QList<CertificateInfo>& present) const
{
    QList<IndexedPairing> all;
    for (const Entry& entry : m_entries) {
        for (const Pairing& pairing : entry.pairings) {
            IndexedPairing row{pairing, entry.mapper, entry.store->spec(), std::nullopt};
            for (const CertificateInfo& certificate : present) {
                if (entry.store->matches(pairing, certificate)) {
                    row.certificate = certificate;
                    row.pairing.setCertificate(certificate);
                    break;
                }
            }
            all.append(std::move(row));
        }
    }
    return all;
}

QList<Pairing> PairingIndex::pairingsOf(const CertificateInfo& certificate) const
{
    QList<Pairing> found;
    for (const Entry& entry : m_entries) {
        for (const Pairing& pairing : entry.pairings) {
            if (entry.store->matches(pairing, certificate)) {
                Pairing p = pairing;
                p.setCertificate(certificate);
                found.append(std::move(p));
            }
        }
    }
    return found;
}

} // namespace tokendesk
