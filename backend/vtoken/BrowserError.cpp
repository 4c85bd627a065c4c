#include "BrowserError.h"

namespace tokendesk {

QString BrowserError::codeName() const
{
    switch (code) {
    case Code::NoHome:
        return QStringLiteral("no_home");
    case Code::ToolMissing:
        return QStringLiteral("tool_missing");
    case Code::ToolFailed:
        return QStringLiteral("tool_failed");
    case Code::TimedOut:
        return QStringLiteral("timed_out");
    case Code::NotAnNssDatabase:
        return QStringLiteral("not_an_nss_database");
    case Code::UnsafePath:
        return QStringLiteral("unsafe_path");
    case Code::CannotCreate:
        return QStringLiteral("cannot_create");
    case Code::ProxyMissing:
        return QStringLiteral("proxy_missing");
    }
    return {};
}

} // namespace tokendesk
