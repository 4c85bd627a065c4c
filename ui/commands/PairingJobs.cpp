#include "PairingJobs.h"

#include "backend/pairing/PairingAudit.h"
#include "backend/pairing/UserAccounts.h"
#include "backend/x509/ChainVerifier.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <pwd.h>
#include <unistd.h>

namespace tokendesk::PairingJobs {

namespace {
QString hex(const CertificateInfo& certificate)
{
    return QString::fromLatin1(certificate.sha256.toHex());
}
} // namespace

PairContext inspect(const PairingSources::Choice& choice, const CertificateInfo& certificate,
                    const QList<CertificateInfo>& intermediates)
{
    PairContext context;
    ChainVerifier verifier;
    verifier.setIntermediates(intermediates);
    const ChainResult chain = verifier.verify(certificate);
    context.fitness = LoginFitness::check(certificate, &chain, QDateTime::currentDateTimeUtc());
    auto mappers = PairingSources::open(choice);
    if (!mappers) {
        context.error = mappers.error();
        return context;
    }
    for (const ConfiguredMapper& mapper : mappers.value()) {
        if (!mapper.store) {
            continue;
        }
        context.stores.append({mapper.store->spec(), mapper.mapper});
        const auto found = mapper.store->findByCertificate(certificate);
        if (found) {
            context.pairings += found.value();
        }
    }
    return context;
}

Result<PairOutcome, PairingError> pair(const PairingSources::Choice& choice, const QString& storeSpec,
                                       const CertificateInfo& certificate, const QString& login)
{
    auto mappers = PairingSources::open(choice);
    if (!mappers) {
        return mappers.error();
    }
    for (const ConfiguredMapper& mapper : mappers.value()) {
        if (!mapper.store || mapper.store->spec() != storeSpec) {
            continue;
        }
        auto paired = mapper.store->pair(certificate, login);
        if (paired && paired.value() == PairOutcome::Added) {
            PairingAudit::record({PairingAudit::Action::Pair, login, storeSpec, hex(certificate), 1}, choice.auditLog);
        }
        return paired;
    }
    return PairingError::make(PairingError::Code::BadStoreSpec, storeSpec, storeSpec);
}

UnpairResult unpair(const PairingSources::Choice& choice, const QString& login,
                    const std::optional<CertificateInfo>& certificate, const QString& storeSpec)
{
    UnpairResult result;
    auto mappers = PairingSources::open(choice);
    if (!mappers) {
        result.errors.append(mappers.error());
        return result;
    }
    for (const ConfiguredMapper& mapper : mappers.value()) {
        if (!mapper.store || (!storeSpec.isEmpty() && mapper.store->spec() != storeSpec)) {
            continue;
        }
        if (!certificate) {
            // Without the certificate a store removes all of the login's entries: only right when there is one.
            const auto entries = mapper.store->findByLogin(login);
            if (entries && entries.value().size() > 1) {
                result.needsCertificate = true;
                continue;
            }
        }
        const auto removed = mapper.store->unpair(login, certificate ? &*certificate : nullptr);
        if (removed) {
            result.removed += removed.value();
            PairingAudit::record({PairingAudit::Action::Unpair, login, mapper.store->spec(),
                                  certificate ? hex(*certificate) : QString(), removed.value()},
                                 choice.auditLog);
        } else if (removed.error().code != PairingError::Code::NotPaired &&
                   removed.error().code != PairingError::Code::NoSuchAccount &&
                   removed.error().code != PairingError::Code::BadLogin) {
            result.errors.append(removed.error());
        }
    }
    return result;
}

QStringList loginsOf(const PairingSources::Choice& choice, const CertificateInfo& certificate)
{
    QStringList logins;
    auto mappers = PairingSources::open(choice);
    if (!mappers) {
        return logins;
    }
    for (const ConfiguredMapper& mapper : mappers.value()) {
        if (!mapper.store) {
            continue;
        }
        const auto found = mapper.store->findByCertificate(certificate);
        for (const Pairing& p : found ? found.value() : QList<Pairing>()) {
            if (!logins.contains(p.login)) {
                logins.append(p.login);
            }
        }
    }
    return logins;
}

QString currentLogin()
{
    const passwd* pw = ::getpwuid(::getuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
}

QStringList localLogins()
{
    QStringList logins;
    for (const UserAccount& account : UserAccounts::all()) {
        logins.append(account.login);
    }
    return logins;
}

bool hasLocalAccount(const QString& login)
{
    return UserAccounts::find(login).has_value();
}

bool canWrite(const PairingStore& store, const QString& login)
{
    QString path = store.path();
    if (path.startsWith(QLatin1String("~/"))) {
        const auto account = UserAccounts::find(login);
        if (!account || account->home.isEmpty()) {
            return false;
        }
        path = account->home + path.mid(1);
    }
    // The file when it is there, else the nearest folder that is: where it would be created.
    QFileInfo info(path);
    while (!info.exists()) {
        const QString parent = info.absolutePath();
        if (parent == info.absoluteFilePath()) {
            return false;
        }
        info = QFileInfo(parent);
    }
    return ::access(QFile::encodeName(info.absoluteFilePath()).constData(), W_OK) == 0;
}

} // namespace tokendesk::PairingJobs
