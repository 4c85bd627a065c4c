#pragma once

#include <QStringList>
#include <string>

namespace tokendesk {

/// The programs `tokendesk` execs: tokendesk-window (the window) and tokendesk-accounts (the
/// commands that need libldap, libsss_certmap or the Secret Service). Beside `tokendesk` first (a
/// build folder), then in ../libexec/tokendesk (installed).
class HelperProgram
{
public:
    /// The program's path; empty when it is in neither place.
    static std::string path(const char* name);
    /// Replaces this process with `name` and the same arguments (argv[0] included), as the same
    /// process: pid, parent and environment stay. Returns only on failure, with 127, said on stderr.
    static int exec(const char* name, char** argv);
    /// exec() with arguments kept as FileName made them from argv (bytes restored).
    static int exec(const char* name, const QStringList& arguments);
};

} // namespace tokendesk
