#include "PairingIndex.h"

namespace tokendesk {

PairingIndex PairingIndex::load(const PairingSources::Choice& choice)
{
    PairingIndex index;
    auto mappers = PairingSources::open(choice);
    if (!mappers) {
        index.m_errors.append(mappers.error());
        return index;
    }
    for (ConfiguredMapper& mapper : mappers.value()) {
        if (!mapper.store) {
            continue;
        }
        auto listed = mapper.store->list();
        if (!listed) {
            index.m_errors.append(listed.error());
            continue;
        }
        index.m_entries.push_back(Entry{std::shared_ptr<PairingStore>(std::move(mapper.store)), listed.value()});
    }
    return index;
}

QList<Pairing> PairingIndex::pairingsOf(const CertificateInfo& certificate) const
{
    QList<Pairing> found;
    for (const Entry& entry : m_entries) {
        for (const Pairing& pairing : entry.pairings) {
            if (entry.store->matches(pairing, certificate)) {
                Pairing p = pairing;
                p.sha256 = certificate.sha256.toHex();
                p.subject = certificate.subject;
                p.notAfter = certificate.notAfter;
                found.append(std::move(p));
            }
        }
    }
    return found;
}

} // namespace tokendesk
