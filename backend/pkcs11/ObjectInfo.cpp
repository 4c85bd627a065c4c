#include "ObjectInfo.h"

namespace tokendesk {

QString ObjectInfo::className(Class c)
{
    // The words RFC 7512 uses for type=.
    switch (c) {
    case Class::Certificate:
        return QStringLiteral("cert");
    case Class::PublicKey:
        return QStringLiteral("public");
    case Class::PrivateKey:
        return QStringLiteral("private");
    case Class::SecretKey:
        return QStringLiteral("secret-key");
    case Class::Data:
        return QStringLiteral("data");
    case Class::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace tokendesk
