#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace tokendesk {

class CliContext;

/// `tokendesk vtoken browsers [--register|--unregister] [--nssdb DIR]`: which programs see the
/// virtual tokens, and p11-kit-proxy registered in (or removed from) NSS databases: every
/// writable one listed (~/.pki/nssdb made when missing, each Firefox profile), or the one --nssdb
/// names.
class VtokenBrowsers
{
    Q_DECLARE_TR_FUNCTIONS(VtokenBrowsers)
public:
    enum class Change
    {
        None,
        Register,
        Unregister,
    };
    static int run(Change change, const QStringList& databases, CliContext& context);
};

} // namespace tokendesk
