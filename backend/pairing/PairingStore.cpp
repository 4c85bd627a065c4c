#include "PairingStore.h"

namespace tokendesk {

Result<QList<Pairing>, PairingError> PairingStore::findByCertificate(const CertificateInfo& certificate) const
{
    auto all = list();
    if (!all) {
        return all.error();
    }
    QList<Pairing> found;
    for (Pairing& pairing : all.value()) {
        if (matches(pairing, certificate)) {
            pairing.setCertificate(certificate);
            found.append(std::move(pairing));
        }
    }
    return found;
}

Status<PairingError> PairingStore::listPages(const PageHandler& onPage) const
{
    auto all = list();
    if (!all) {
        return all.error();
    }
    onPage(std::move(all.value()));
    return Done{};
}

Result<QList<Pairing>, PairingError> PairingStore::findByLogin(const QString& login) const
{
    auto all = list();
    if (!all) {
        return all.error();
    }
    QList<Pairing> found;
    for (Pairing& pairing : all.value()) {
        if (pairing.login == login) {
            found.append(std::move(pairing));
        }
    }
    return found;
}

} // namespace tokendesk
