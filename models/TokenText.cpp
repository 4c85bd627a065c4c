#include "TokenText.h"

#include <QStringList>

namespace tokendesk {

QString TokenText::keyState(CertificateEntry::KeyState state)
{
    switch (state) {
    case CertificateEntry::KeyState::Present:
        return tr("Identity: the private key is on the token");
    case CertificateEntry::KeyState::Expected:
        return tr("Key expected: the token shows its private keys after login");
    case CertificateEntry::KeyState::None:
        return tr("No private key");
    }
    return {};
}

QString TokenText::keyType(const ObjectInfo& object)
{
    switch (object.keyType) {
    case ObjectInfo::KeyType::Rsa:
        return object.modulusBits > 0 ? tr("RSA %1 bits").arg(object.modulusBits) : QStringLiteral("RSA");
    case ObjectInfo::KeyType::Ec:
        return QStringLiteral("EC");
    case ObjectInfo::KeyType::EdDsa:
        return QStringLiteral("EdDSA");
    case ObjectInfo::KeyType::Dsa:
        return QStringLiteral("DSA");
    case ObjectInfo::KeyType::Aes:
        return QStringLiteral("AES");
    case ObjectInfo::KeyType::Other:
        return tr("Other");
    case ObjectInfo::KeyType::None:
        break;
    }
    return {};
}

QString TokenText::tokenLabel(const TokenInfo& token)
{
    if (token.label.isEmpty()) {
        return token.tokenInitialized ? tr("(no label)") : tr("(not initialized)");
    }
    return token.label;
}

QString TokenText::objectLabel(const ObjectInfo& object)
{
    if (!object.label.isEmpty()) {
        return object.label;
    }
    return object.id.isEmpty() ? tr("(no label)") : tr("ID %1").arg(QString::fromLatin1(object.id.toHex(':')));
}

QString TokenText::tokenFlags(const TokenInfo& token)
{
    QStringList words;
    if (token.loginRequired) {
        words << tr("login required");
    }
    if (token.protectedAuthenticationPath) {
        words << tr("PIN pad", "a reader's keypad for the PIN");
    }
    if (token.writeProtected) {
        words << tr("write-protected");
    }
    if (token.rng) {
        words << tr("random number generator");
    }
    if (!token.tokenInitialized) {
        words << tr("not initialized");
    }
    if (!token.userPinInitialized) {
        words << tr("user PIN not initialized", "PIN the noun");
    }
    if (token.slot.removable) {
        words << tr("removable");
    }
    return words.join(QStringLiteral(", "));
}

} // namespace tokendesk
