#pragma once

#include "backend/common/Result.h"
#include "backend/pairing/LoginFitness.h"
#include "backend/pairing/Pairing.h"
#include "backend/pairing/PairingError.h"
#include "backend/pairing/PairingSources.h"
#include "backend/x509/CertificateInfo.h"

#include <QList>
#include <QString>
#include <optional>

namespace tokendesk {

/// The blocking work of the pairing commands and the pairing prompt, each a function of values
/// that runs on a worker (AsyncTask): the stores are opened in the job and closed with it, as a
/// store object belongs to one thread. Pair and unpair record the audit line, as the CLI does.
namespace PairingJobs {

/// A store the dialog offers.
struct StoreChoice
{
    QString spec;   ///< KIND:PATH
    QString mapper; ///< pam_pkcs11's mapper that reads it
};

/// What the pair dialog needs before it opens.
struct PairContext
{
    QList<StoreChoice> stores;         ///< the configured stores, the write store first
    QList<Pairing> pairings;           ///< where the certificate is paired already
    QList<FitnessWarning> fitness;     ///< LoginFitness's warnings
    std::optional<PairingError> error; ///< the configuration could not be read
};

/// Stores, existing pairings and fitness of `certificate` (its chain through `intermediates`).
PairContext inspect(const PairingSources::Choice& choice, const CertificateInfo& certificate,
                    const QList<CertificateInfo>& intermediates);

/// Pairs `certificate` with `login` in the store `storeSpec` (one of choice's) and audits it.
Result<PairOutcome, PairingError> pair(const PairingSources::Choice& choice, const QString& storeSpec,
                                       const CertificateInfo& certificate, const QString& login);

struct UnpairResult
{
    int removed = 0;
    QList<PairingError> errors;
    /// The entry cannot be told apart without its certificate (the login has others there).
    bool needsCertificate = false;
};

/// Removes `certificate`'s entries for `login` from every store (or only `storeSpec`); without a
/// certificate, the login's only entry of `storeSpec`. Audits each store that changed.
UnpairResult unpair(const PairingSources::Choice& choice, const QString& login,
                    const std::optional<CertificateInfo>& certificate, const QString& storeSpec = {});

/// Logins `certificate` is paired with in any store, in store order, without repeats.
QStringList loginsOf(const PairingSources::Choice& choice, const CertificateInfo& certificate);

/// The login of the user running TokenDesk (getpwuid(getuid())).
QString currentLogin();
/// Local accounts (getpwent), for the login combo.
QStringList localLogins();
/// Whether `login` has a local account.
bool hasLocalAccount(const QString& login);
/// Whether the current user can write `store`'s file for `login` (the file, else its nearest folder).
bool canWrite(const PairingStore& store, const QString& login);

} // namespace PairingJobs

} // namespace tokendesk
