#include "LoginFinder.h"

#include <QHash>

namespace tokendesk {

LoginAnswer LoginFinder::find(const QList<CertificateInfo>& certificates) const
{
    LoginAnswer answer;
    // Each store read once, when first needed; a store that fails is a note wherever it would have
    // been asked.
    QHash<int, Result<QList<Pairing>, PairingError>> lists;
    const auto listOf = [&](int i) -> const Result<QList<Pairing>, PairingError>& {
        if (!lists.contains(i)) {
            lists.insert(i, m_mappers[size_t(i)].store->list());
        }
        return *lists.find(i);
    };
    const auto addNote = [&](MapperNote note) {
        for (const MapperNote& n : answer.notes) {
            if (n.mapper == note.mapper) {
                return;
            }
        }
        answer.notes.append(std::move(note));
    };
    const auto decide = [&](const Pairing& pairing, const QString& mapper, const CertificateInfo& certificate, int c) {
        answer.found = true;
        answer.login = pairing.login;
        answer.mapper = mapper;
        answer.pairing = pairing;
        answer.pairing.setCertificate(certificate);
        answer.certificate = c;
        answer.rule = pairing.rule;
        answer.filter = pairing.filter;
    };
    for (int c = 0; c < certificates.size(); ++c) {
        const CertificateInfo& certificate = certificates.at(c);
        for (int i = 0; i < int(m_mappers.size()); ++i) {
            const ConfiguredMapper& mapper = m_mappers[size_t(i)];
            if (!mapper.store) {
                addNote(MapperNote{mapper.mapper, mapper.why, PairingError{}});
                continue;
            }
            if (auto looked = mapper.store->lookUp(certificate)) {
                if (!*looked) {
                    addNote(MapperNote{mapper.mapper, looked->error().codeName(), looked->error()});
                    continue;
                }
                const StoreLookup& lookup = looked->value();
                if (answer.rule.isEmpty()) {
                    answer.rule = lookup.rule;
                    answer.filter = lookup.filter;
                }
                for (const Pairing& pairing : lookup.pairings) {
                    if (pairing.warnings.contains(PairingWarning::OtherCertificate)) {
                        answer.otherCertificate.append(pairing);
                        continue;
                    }
                    decide(pairing, mapper.mapper, certificate, c);
                    return answer;
                }
                continue;
            }
            const auto& list = listOf(i);
            if (!list) {
                addNote(MapperNote{mapper.mapper, list.error().codeName(), list.error()});
                continue;
            }
            for (const Pairing& pairing : list.value()) {
                // An entry the mapper cannot read does not exist for it. (A CRLF entry is read, and
                // gives a login with "\r" that matches no account: it is the answer, warning and all.)
                if (pairing.warnings.contains(PairingWarning::IgnoredByPam) ||
                    !mapper.store->matches(pairing, certificate)) {
                    continue;
                }
                decide(pairing, mapper.mapper, certificate, c);
                return answer;
            }
        }
    }
    return answer;
}

} // namespace tokendesk
