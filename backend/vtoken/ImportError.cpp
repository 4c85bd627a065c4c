#include "ImportError.h"

namespace tokendesk {

QString ImportError::codeName() const
{
    switch (code) {
    case Code::Pkcs12:
        return pkcs12 ? pkcs12->codeName() : QStringLiteral("pkcs12");
    case Code::NoPrivateKey:
        return QStringLiteral("no_private_key");
    case Code::KeyWithoutCertificate:
        return QStringLiteral("key_without_certificate");
    case Code::UnsupportedKey:
        return QStringLiteral("unsupported_key");
    case Code::AlreadyOnToken:
        return QStringLiteral("already_on_token");
    case Code::IdInUse:
        return QStringLiteral("id_in_use");
    case Code::Token:
        return token ? token->codeName() : QStringLiteral("token");
    case Code::Pkcs11:
        return pkcs11 ? Pkcs11Error::kindName(pkcs11->kind) : QStringLiteral("pkcs11");
    case Code::NotVerified:
        return QStringLiteral("not_verified");
    case Code::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("pkcs11");
}

} // namespace tokendesk
