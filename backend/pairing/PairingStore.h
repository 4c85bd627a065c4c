#pragma once

#include "Pairing.h"
#include "PairingError.h"
#include "backend/common/Result.h"
#include "backend/x509/CertificateInfo.h"

#include <QList>
#include <QString>

namespace tokendesk {

/// Where pairings of certificates with accounts live, in the format the login stack reads
/// (pam_pkcs11's mapping files, per-user files, a directory). All calls are blocking and may run
/// on any thread; a store object is used by one thread at a time. Every change is read, edited and
/// written whole through AtomicFile with the bytes read as the expected content, so an edit made by
/// someone else in between is refused (ChangedMeanwhile), never overwritten.
class PairingStore
{
public:
    virtual ~PairingStore() = default;

    /// "pam-digest", "pam-subject", "pam-eid", "ssh".
    virtual QString kind() const = 0;
    /// The file; for per-user stores the file relative to a home folder ("~/.eid/authorized_certificates").
    virtual QString path() const = 0;
    /// kind:path, as --store takes it.
    QString spec() const { return kind() + QLatin1Char(':') + path(); }

    /// Every pairing, in the order the login stack reads them (file order; per-user stores in
    /// getpwent order). A missing file is an empty store.
    [[nodiscard]] virtual Result<QList<Pairing>, PairingError> list() const = 0;
    /// Pairs `certificate` with `login`: AlreadyPaired (nothing written) when this entry is there.
    [[nodiscard]] virtual Result<PairOutcome, PairingError> pair(const CertificateInfo& certificate,
                                                                 const QString& login) = 0;
    /// Removes `certificate`'s entries for `login`, or all of `login`'s entries when `certificate` is
    /// null. The count removed; NotPaired when there was none.
    [[nodiscard]] virtual Result<int, PairingError> unpair(const QString& login,
                                                           const CertificateInfo* certificate) = 0;
    /// Whether `pairing` (from list()) is for `certificate`, by the login stack's rules.
    virtual bool matches(const Pairing& pairing, const CertificateInfo& certificate) const = 0;

    /// The pairings `certificate` has here, in list() order, with sha256 and subject filled in. The
    /// first is the one the login stack would use.
    [[nodiscard]] Result<QList<Pairing>, PairingError> findByCertificate(const CertificateInfo& certificate) const;
    /// The pairings of `login`, in list() order.
    [[nodiscard]] Result<QList<Pairing>, PairingError> findByLogin(const QString& login) const;
};

} // namespace tokendesk
