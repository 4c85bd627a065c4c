#include "X509Error.h"

namespace tokendesk {

QString X509Error::codeName() const
{
    switch (code) {
    case Code::Empty:
        return QStringLiteral("empty");
    case Code::Truncated:
        return QStringLiteral("truncated");
    case Code::NotACertificate:
        return QStringLiteral("not_a_certificate");
    case Code::BadPem:
        return QStringLiteral("bad_pem");
    case Code::Unreadable:
        return QStringLiteral("unreadable");
    case Code::TooLarge:
        return QStringLiteral("too_large");
    case Code::Internal:
        return QStringLiteral("internal");
    }
    return {};
}

} // namespace tokendesk
