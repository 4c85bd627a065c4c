#include "LoginFinder.h"

#include <QHash>

namespace tokendesk {

LoginAnswer LoginFinder::find(const QList<CertificateInfo>& certificates) const
{
    LoginAnswer answer;
    // Each store read once; a store that fails is a note wherever it would have been asked.
    QHash<int, Result<QList<Pairing>, PairingError>> lists;
    for (int i = 0; i < int(m_mappers.size()); ++i) {
        if (m_mappers[i].store) {
            lists.insert(i, m_mappers[i].store->list());
        }
    }
    for (int c = 0; c < certificates.size(); ++c) {
        const CertificateInfo& certificate = certificates.at(c);
        for (int i = 0; i < int(m_mappers.size()); ++i) {
            const ConfiguredMapper& mapper = m_mappers[i];
            const auto addNote = [&](MapperNote note) {
                for (const MapperNote& n : answer.notes) {
                    if (n.mapper == note.mapper) {
                        return;
                    }
                }
                answer.notes.append(std::move(note));
            };
            if (!mapper.store) {
                addNote(MapperNote{mapper.mapper, mapper.why, PairingError{}});
                continue;
            }
            const auto& list = lists.value(i, QList<Pairing>());
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
                answer.found = true;
                answer.login = pairing.login;
                answer.mapper = mapper.mapper;
                answer.pairing = pairing;
                answer.pairing.setCertificate(certificate);
                answer.certificate = c;
                return answer;
            }
        }
    }
    return answer;
}

} // namespace tokendesk
