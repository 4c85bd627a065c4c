#include "SoPinVault.h"

#include <QEventLoop>
#include <QTimer>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <qt6keychain/keychain.h>

namespace tokendesk {

const QString SoPinVault::kService = QStringLiteral("TokenDesk virtual token SO PIN");

namespace {

/// Longer than gnome-keyring takes to answer, even when it has to start.
constexpr int kTimeoutMs = 25000;

QString keyOf(const QString& serial)
{
    return QStringLiteral("softhsm2:") + serial;
}

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

VirtualTokenError failure(const QKeychain::Job& job, bool finished)
{
    return VirtualTokenError::make(VirtualTokenError::Code::SecretService,
                                   finished ? job.errorString() : QStringLiteral("no answer from the Secret Service"));
}

} // namespace

Status<VirtualTokenError> SoPinVault::store(const QString& serial, const SecureBytes& soPin)
{
    QKeychain::WritePasswordJob job(kService);
    job.setInsecureFallback(false);
    job.setKey(keyOf(serial));
    job.setBinaryData(soPin.bytes());
    const bool finished = run(job);
    if (!finished || job.error() != QKeychain::NoError) {
        return failure(job, finished);
    }
    return Done{};
}

Result<std::optional<SecureBytes>, VirtualTokenError> SoPinVault::read(const QString& serial)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setInsecureFallback(false);
    job.setKey(keyOf(serial));
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

Status<VirtualTokenError> SoPinVault::remove(const QString& serial)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setInsecureFallback(false);
    job.setKey(keyOf(serial));
    const bool finished = run(job);
    if (finished && (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)) {
        return Done{};
    }
    return failure(job, finished);
}

SecureBytes SoPinVault::generate()
{
    static const char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    constexpr int kAlphabetSize = sizeof kAlphabet - 1; // 57
    constexpr int kLength = 24;                         // ~140 bits
    QByteArray pin(kLength, Qt::Uninitialized);
    int filled = 0;
    unsigned char random[64];
    while (filled < kLength) {
        if (RAND_bytes(random, sizeof random) != 1) {
            continue;
        }
        for (unsigned char byte : random) {
            // Rejection sampling: no letter more likely than another.
            if (byte < 256 - (256 % kAlphabetSize) && filled < kLength) {
                pin[filled++] = kAlphabet[byte % kAlphabetSize];
            }
        }
    }
    OPENSSL_cleanse(random, sizeof random);
    return SecureBytes::take(pin);
}

} // namespace tokendesk
