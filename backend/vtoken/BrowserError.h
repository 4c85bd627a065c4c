#pragma once

#include <QString>

namespace tokendesk {

/// Why a browser's NSS database could not be checked or changed. The code is for the UI's
/// sentence, `path` names the database folder, `detail` what the tool said (for logs).
struct BrowserError
{
    enum class Code
    {
        NoHome,           ///< no home folder to look in
        ToolMissing,      ///< modutil or certutil (NSS's tools, libnss3-tools) is not installed: `detail` names it
        ToolFailed,       ///< the tool ran and failed: `detail` is its exit code and what it printed
        TimedOut,         ///< the tool did not finish in time and was stopped
        NotAnNssDatabase, ///< the folder holds no cert9.db or key4.db (and is not ~/.pki/nssdb to create)
        UnsafePath,       ///< a path with control characters or ".." components: listed, never written to
        CannotCreate,     ///< ~/.pki/nssdb could not be made
        ProxyMissing,     ///< p11-kit-proxy.so is not installed where p11-kit's build said
    };

    Code code = Code::ToolFailed;
    QString path;
    QString detail;

    static BrowserError make(Code code, const QString& path, const QString& detail = QString())
    {
        BrowserError e;
        e.code = code;
        e.path = path;
        e.detail = detail;
        return e;
    }
    /// "tool_missing", "not_an_nss_database", ...: for JSON and logs.
    QString codeName() const;

    bool operator==(const BrowserError& o) const { return code == o.code && path == o.path && detail == o.detail; }
};

} // namespace tokendesk
