#pragma once

#include "backend/common/AtomicFile.h"

#include <QString>

namespace tokendesk {

/// Why a pairing store could not be read or changed. Nothing was written when a store returns one.
/// The code is for the UI's sentence (models/PairingText), the rest names what it is about.
struct PairingError
{
    enum class Code
    {
        NotWritable,      ///< permission denied or read-only: `path` names the file, `privilege` who may
        ChangedMeanwhile, ///< the file changed between read and write: someone else edited it
        NotRegular,       ///< the store's path is a folder, device, pipe or a link that is refused
        FolderMissing,    ///< the folder the file would be in does not exist
        Unreadable,       ///< the file exists but cannot be read
        TooLarge,         ///< more than AtomicFile reads (64 MB): not a mapping file
        NoSuchAccount,    ///< a per-user store for a login the system does not know (no home folder)
        BadLogin,         ///< empty, or holds what the file format cannot hold (" -> ", a newline, a colon...)
        BadCertificate,   ///< the certificate cannot be written to this store (key type the format lacks)
        Conflict,         ///< the certificate is paired with another login (detail): unpair that first
        NotPaired,        ///< unpair found nothing to remove
        CoveredByPattern, ///< a pattern line (`line`) pairs the certificate with `detail`: edit it by hand
        PamStopsReading,  ///< pam_pkcs11 stops reading the file before its end (a NUL byte on `line`)
        ConfigUnreadable, ///< pam_pkcs11.conf cannot be read
        ConfigInvalid,    ///< pam_pkcs11.conf is not scconf, or names no store TokenDesk can write
        BadStoreSpec,     ///< --store KIND:PATH with an unknown kind or no path
        Io,               ///< any other failure of the system calls
        // A directory (the ldap store): `path` is its URL, `detail` the server's message, `ldapResult`
        // the LDAP result code (RFC 4511; negative: libldap's own, e.g. -1 server down).
        DirectoryUnreachable, ///< no connection: refused, no route, or the server went away
        DirectoryTimeout,     ///< no answer within the configured time-out (connect or operation)
        TlsFailure,           ///< TLS was asked for and could not be set up (untrusted certificate, ...)
        InvalidCredentials,   ///< 49: wrong bind DN or password
        /// A bind DN without its password: refused before anything is sent (an empty password
        /// would make an unauthenticated bind, RFC 4513 5.1.2). `privilege`: the bind DN.
        PasswordNeeded,
        AccessDenied,        ///< 50: the bind DN may not do this (`privilege`: the bind DN, or "anonymous")
        SameSerialAndIssuer, ///< 20 on add: the entry holds another certificate with this serial and issuer
        Cancelled,           ///< the user stopped it; nothing was changed
        DirectoryError,      ///< any other LDAP result
    };

    Code code = Code::Io;
    QString path;           ///< the file (or configuration) concerned
    QString detail;         ///< the part of the input at fault: a login, a line, a kind, a parse error
    QString privilege = {}; ///< NotWritable: who may write it, e.g. "root" or "alice (uid 1001)"
    int osError = 0;        ///< errno, where a system call failed
    int line = 0;           ///< ConfigInvalid: the line of the configuration
    int ldapResult = 0;     ///< directory errors: the LDAP result code

    static PairingError make(Code code, const QString& path, const QString& detail = QString())
    {
        PairingError e;
        e.code = code;
        e.path = path;
        e.detail = detail;
        return e;
    }
    /// "not_writable", "changed_meanwhile", ...: for JSON and logs.
    QString codeName() const;
    /// From AtomicFile's error for the same file; NotWritable gets the owner of the file or folder.
    static PairingError fromFileError(const FileError& error);
};

} // namespace tokendesk
