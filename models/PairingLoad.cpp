#include "PairingLoad.h"

#include "backend/pairing/ExpiryCheck.h"

namespace tokendesk {

namespace {

/// The store's pairings as rows, each completed by the first present certificate it pairs.
QList<PairingRow> rowsOf(const PairingStore& store, const QString& mapper, QList<Pairing>&& pairings,
                         const QList<CertificateInfo>& present)
{
    QList<PairingRow> rows;
    rows.reserve(pairings.size());
    const QString spec = store.spec();
    for (Pairing& pairing : pairings) {
        PairingRow row{std::move(pairing), mapper, spec, std::nullopt, false};
        for (const CertificateInfo& certificate : present) {
            if (store.matches(row.pairing, certificate)) {
                row.certificate = certificate;
                row.pairing.setCertificate(certificate);
                break;
            }
        }
        rows.append(std::move(row));
    }
    return rows;
}

bool cancelled(const std::atomic_bool* cancel)
{
    return cancel && cancel->load();
}

} // namespace

bool PairingLoad::isDirectory(const PairingStore& store)
{
    return store.kind() == QLatin1String("ldap");
}

void PairingLoad::run(const PairingSources::Choice& choice, const QList<CertificateInfo>& present, const QDateTime& now,
                      const std::atomic_bool* cancel, const Sink& sink)
{
    PairingPart end;
    // Every pairing of the load in order: ExpiryCheck needs all of a login's to say "only".
    QList<Pairing> all;
    const auto keep = [&all](const QList<PairingRow>& rows) {
        for (const PairingRow& row : rows) {
            all.append(row.pairing);
        }
    };
    auto mappers = PairingSources::open(choice);
    PairingPart files;
    files.kind = PairingPart::Kind::Files;
    if (!mappers) {
        files.errors.append(mappers.error());
        end.errors = files.errors;
        sink(std::move(files));
        sink(std::move(end));
        return;
    }
    std::vector<const ConfiguredMapper*> directories;
    for (const ConfiguredMapper& mapper : mappers.value()) {
        if (!mapper.store) {
            continue;
        }
        if (isDirectory(*mapper.store)) {
            directories.push_back(&mapper);
            continue;
        }
        auto listed = mapper.store->list();
        if (!listed) {
            files.errors.append(listed.error());
            continue;
        }
        files.rows += rowsOf(*mapper.store, mapper.mapper, std::move(listed.value()), present);
    }
    keep(files.rows);
    end.errors = files.errors;
    sink(std::move(files));

    for (const ConfiguredMapper* mapper : directories) {
        PairingStore& store = *mapper->store;
        if (cancelled(cancel)) {
            break;
        }
        store.setCancelFlag(cancel);
        PairingPart started;
        started.kind = PairingPart::Kind::DirectoryStarted;
        started.directory = store.spec();
        sink(std::move(started));
        auto listed = store.listPages([&](QList<Pairing>&& pairings) {
            if (cancelled(cancel)) {
                return false;
            }
            PairingPart page;
            page.kind = PairingPart::Kind::Page;
            page.directory = store.spec();
            page.rows = rowsOf(store, mapper->mapper, std::move(pairings), present);
            keep(page.rows);
            sink(std::move(page));
            return !cancelled(cancel);
        });
        store.setCancelFlag(nullptr);
        if (!listed && listed.error().code != PairingError::Code::Cancelled) {
            end.errors.append(listed.error());
        }
    }
    end.stopped = cancelled(cancel);
    end.expiring = ExpiryCheck::onlyCertificateExpiring(all, now);
    sink(std::move(end));
}

PairingSnapshot PairingLoad::all(const PairingSources::Choice& choice, const QList<CertificateInfo>& present,
                                 const QDateTime& now)
{
    PairingSnapshot snapshot;
    run(choice, present, now, nullptr, [&snapshot](PairingPart&& part) {
        snapshot.rows += part.rows;
        if (part.kind == PairingPart::Kind::End) {
            snapshot.errors = part.errors;
            for (int row : std::as_const(part.expiring)) {
                snapshot.rows[row].onlyCertificateExpiring = true;
            }
        }
    });
    return snapshot;
}

} // namespace tokendesk
