#pragma once

#include "Pairing.h"
#include "PairingError.h"
#include "backend/common/Result.h"
#include "backend/x509/CertificateInfo.h"

#include <QList>
#include <QString>
#include <atomic>
#include <functional>
#include <optional>

namespace tokendesk {

/// What a store that looks a certificate up itself (a directory, by SSSD's rules) found.
struct StoreLookup
{
    /// The accounts found, in the login stack's order; one with PairingWarning::OtherCertificate
    /// was found by the rule but holds another certificate.
    QList<Pairing> pairings;
    QString rule;   ///< the rule that applied (SSSD's certmap section); empty: none matched the certificate
    QString filter; ///< the filter it gave
};

/// Where pairings of certificates with accounts live, in the format the login stack reads
/// (pam_pkcs11's mapping files, per-user files, a directory). All calls are blocking and may run
/// on any thread; a store object is used by one thread at a time. Every change is read, edited and
/// written whole through AtomicFile with the bytes read as the expected content, so an edit made by
/// someone else in between is refused (ChangedMeanwhile), never overwritten.
class PairingStore
{
public:
    virtual ~PairingStore() = default;

    /// "pam-digest", "pam-subject", "pam-eid", "ssh", "ldap".
    virtual QString kind() const = 0;
    /// The file; for per-user stores the file relative to a home folder ("~/.eid/authorized_certificates");
    /// a directory's URL.
    virtual QString path() const = 0;
    /// kind:path (a directory: its URL), as --store takes it.
    virtual QString spec() const { return kind() + QLatin1Char(':') + path(); }

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

    /// Returns false to stop.
    using PageHandler = std::function<bool(QList<Pairing>&& page)>;
    /// list(), a page at a time as it arrives (a directory's paged search); a file store gives one
    /// page. Stopping early (the handler returns false) is not an error.
    [[nodiscard]] virtual Status<PairingError> listPages(const PageHandler& onPage) const;
    /// A store that finds a certificate's account by asking rather than by reading every entry
    /// (a directory): its answer. Null (the default): list() and matches() decide.
    [[nodiscard]] virtual std::optional<Result<StoreLookup, PairingError>>
    lookUp(const CertificateInfo& certificate) const
    {
        Q_UNUSED(certificate)
        return std::nullopt;
    }
    /// A flag that, once set, makes a running call return Cancelled (a directory polls it while it
    /// waits for the server). File stores finish quickly and ignore it.
    virtual void setCancelFlag(const std::atomic_bool* cancel) { Q_UNUSED(cancel) }

    /// The pairings `certificate` has here, in list() order, with sha256 and subject filled in. The
    /// first is the one the login stack would use. By default list() and matches(); a directory
    /// asks for the certificate instead of reading every entry.
    [[nodiscard]] virtual Result<QList<Pairing>, PairingError>
    findByCertificate(const CertificateInfo& certificate) const;
    /// The pairings of `login`, in list() order (a directory: its entry's).
    [[nodiscard]] virtual Result<QList<Pairing>, PairingError> findByLogin(const QString& login) const;
};

} // namespace tokendesk
