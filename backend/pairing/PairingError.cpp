#include "PairingError.h"

#include "UserAccounts.h"

#include <cerrno>

namespace tokendesk {

QString PairingError::codeName() const
{
    switch (code) {
    case Code::NotWritable:
        return QStringLiteral("not_writable");
    case Code::ChangedMeanwhile:
        return QStringLiteral("changed_meanwhile");
    case Code::NotRegular:
        return QStringLiteral("not_regular_file");
    case Code::FolderMissing:
        return QStringLiteral("folder_missing");
    case Code::Unreadable:
        return QStringLiteral("unreadable");
    case Code::TooLarge:
        return QStringLiteral("too_large");
    case Code::NoSuchAccount:
        return QStringLiteral("no_such_account");
    case Code::BadLogin:
        return QStringLiteral("bad_login");
    case Code::BadCertificate:
        return QStringLiteral("bad_certificate");
    case Code::Conflict:
        return QStringLiteral("paired_with_another");
    case Code::NotPaired:
        return QStringLiteral("not_paired");
    case Code::CoveredByPattern:
        return QStringLiteral("covered_by_pattern");
    case Code::PamStopsReading:
        return QStringLiteral("pam_stops_reading");
    case Code::ConfigUnreadable:
        return QStringLiteral("config_unreadable");
    case Code::ConfigInvalid:
        return QStringLiteral("config_invalid");
    case Code::BadStoreSpec:
        return QStringLiteral("bad_store");
    case Code::DirectoryUnreachable:
        return QStringLiteral("directory_unreachable");
    case Code::DirectoryTimeout:
        return QStringLiteral("directory_timeout");
    case Code::TlsFailure:
        return QStringLiteral("tls_failure");
    case Code::InvalidCredentials:
        return QStringLiteral("invalid_credentials");
    case Code::PasswordNeeded:
        return QStringLiteral("password_needed");
    case Code::AccessDenied:
        return QStringLiteral("insufficient_access");
    case Code::SameSerialAndIssuer:
        return QStringLiteral("same_serial_and_issuer");
    case Code::Cancelled:
        return QStringLiteral("cancelled");
    case Code::DirectoryError:
        return QStringLiteral("directory_error");
    case Code::Io:
        break;
    }
    return QStringLiteral("io_error");
}

PairingError PairingError::fromFileError(const FileError& error)
{
    PairingError e;
    e.path = error.target.isEmpty() ? error.path : error.target;
    e.osError = error.osError;
    switch (error.code) {
    case FileError::Code::NotWritable:
        e.code = Code::NotWritable;
        e.privilege = UserAccounts::ownerOf(e.path);
        break;
    case FileError::Code::ChangedMeanwhile:
        e.code = Code::ChangedMeanwhile;
        break;
    case FileError::Code::NotRegular:
    case FileError::Code::UnsafeSymlink:
    case FileError::Code::DanglingSymlink:
    case FileError::Code::SymlinkLoop:
        e.code = Code::NotRegular;
        e.detail = error.codeName();
        break;
    case FileError::Code::FolderMissing:
        e.code = Code::FolderMissing;
        break;
    case FileError::Code::DiskFull:
    case FileError::Code::Io:
        e.code = error.osError == EFBIG ? Code::TooLarge : Code::Io;
        break;
    }
    return e;
}

} // namespace tokendesk
