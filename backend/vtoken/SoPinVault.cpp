#include "SoPinVault.h"

#include "backend/common/SecretVault.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace tokendesk {

const QString SoPinVault::kService = QStringLiteral("TokenDesk virtual token SO PIN");

namespace {

QString keyOf(const QString& serial)
{
    return QStringLiteral("softhsm2:") + serial;
}

SecretVault vault()
{
    return SecretVault(SoPinVault::kService);
}

VirtualTokenError failure(const SecretVaultError& error)
{
    return VirtualTokenError::make(VirtualTokenError::Code::SecretService, error.detail);
}

} // namespace

Status<VirtualTokenError> SoPinVault::store(const QString& serial, const SecureBytes& soPin)
{
    if (auto stored = vault().store(keyOf(serial), soPin); !stored) {
        return failure(stored.error());
    }
    return Done{};
}

Result<std::optional<SecureBytes>, VirtualTokenError> SoPinVault::read(const QString& serial)
{
    auto read = vault().read(keyOf(serial));
    if (!read) {
        return failure(read.error());
    }
    return std::move(read.value());
}

Status<VirtualTokenError> SoPinVault::remove(const QString& serial)
{
    if (auto removed = vault().remove(keyOf(serial)); !removed) {
        return failure(removed.error());
    }
    return Done{};
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
