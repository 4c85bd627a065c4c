#include "SecretVault.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace tokendesk {

namespace {

/// Longer than gnome-keyring takes to answer, even when it has to start.
constexpr int kTimeoutMs = 25000;

/// Runs the job to its end; false when it did not finish in time.
bool run(QKeychain::Job& job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&finished] { finished = true; });
    job.setAutoDelete(false);
    job.start();
    if (!finished) {
        loop.exec();
    }
    return finished;
}

SecretVaultError failure(const QKeychain::Job& job, bool finished)
{
    return SecretVaultError{finished ? job.errorString() : QStringLiteral("no answer from the Secret Service")};
}

} // namespace

Status<SecretVaultError> SecretVault::store(const QString& key, const SecureBytes& secret) const
{
    QKeychain::WritePasswordJob job(m_service);
    job.setInsecureFallback(false);
    job.setKey(key);
    job.setBinaryData(secret.bytes());
    const bool finished = run(job);
    if (!finished || job.error() != QKeychain::NoError) {
        return failure(job, finished);
    }
    return Done{};
}

Result<std::optional<SecureBytes>, SecretVaultError> SecretVault::read(const QString& key) const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setInsecureFallback(false);
    job.setKey(key);
    const bool finished = run(job);
    if (finished && job.error() == QKeychain::EntryNotFound) {
        return std::optional<SecureBytes>();
    }
    if (!finished || job.error() != QKeychain::NoError) {
        return failure(job, finished);
    }
    QByteArray bytes = job.binaryData();
    bytes.detach(); // our own buffer, so that take() wipes the only copy we hold
    return std::optional<SecureBytes>(SecureBytes::take(bytes));
}

Status<SecretVaultError> SecretVault::remove(const QString& key) const
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setInsecureFallback(false);
    job.setKey(key);
    const bool finished = run(job);
    if (finished && (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)) {
        return Done{};
    }
    return failure(job, finished);
}

} // namespace tokendesk
