#include "Pkcs12Error.h"

namespace tokendesk {

QString Pkcs12Error::codeName() const
{
    switch (code) {
    case Code::Unreadable:
        return QStringLiteral("unreadable");
    case Code::TooLarge:
        return QStringLiteral("too_large");
    case Code::NotAFile:
        return QStringLiteral("not_a_file");
    case Code::Empty:
        return QStringLiteral("empty");
    case Code::Corrupt:
        return QStringLiteral("corrupt");
    case Code::WrongPassword:
        return QStringLiteral("wrong_password");
    case Code::UnsupportedAlgorithm:
        return QStringLiteral("unsupported_algorithm");
    case Code::Internal:
        return QStringLiteral("internal");
    }
    return {};
}

} // namespace tokendesk
