#include "ErrorText.h"

#include "PrintableText.h"

#include <cstring>

namespace tokendesk {

QString ErrorText::pcsc(const PcscError& error)
{
    switch (error.kind()) {
    case PcscError::Kind::NoService:
        return tr("The smart card service (pcscd) is not running.");
    case PcscError::Kind::NoReaders:
        return tr("No smart card reader is connected.");
    case PcscError::Kind::UnknownReader:
        return tr("The reader is no longer connected.");
    case PcscError::Kind::NoCard:
        return tr("There is no card in the reader.");
    case PcscError::Kind::RemovedCard:
        return tr("The card was removed.");
    case PcscError::Kind::ResetCard:
        return tr("The card was reset by another program.");
    case PcscError::Kind::Cancelled:
        return tr("The operation was cancelled.");
    case PcscError::Kind::Timeout:
        return tr("The smart card service did not answer in time.");
    case PcscError::Kind::Sharing:
        return tr("Another program is using the card exclusively.");
    case PcscError::Kind::Other:
        break;
    }
    return tr("The smart card service failed (%1 in %2).").arg(error.codeName(), error.function);
}

QString ErrorText::pkcs11(const Pkcs11Error& error)
{
    using Kind = Pkcs11Error::Kind;
    switch (error.kind) {
    case Kind::ModuleNotLoaded:
        return tr("The PKCS#11 module could not be loaded (%1).").arg(PrintableText::escape(error.detail));
    case Kind::TokenNotPresent:
        if (error.tokenLabel.isEmpty() && error.tokenSerial.isEmpty()) {
            return tr("The token is not present.");
        }
        if (error.tokenSerial.isEmpty()) {
            return tr("Insert the token \u201c%1\u201d.").arg(PrintableText::escape(error.tokenLabel));
        }
        return tr("Insert the token \u201c%1\u201d (serial %2).")
            .arg(PrintableText::escape(error.tokenLabel), PrintableText::escape(error.tokenSerial));
    case Kind::SessionClosed:
        return tr("The token was removed or reset during the operation.");
    case Kind::PinIncorrect:
        return tr("The PIN is incorrect.", "PIN the noun");
    case Kind::PinLocked:
        return tr("The PIN is locked.", "PIN the noun");
    case Kind::PinInvalid:
        return tr("The PIN does not meet the token's rules.", "PIN the noun");
    case Kind::PinExpired:
        return tr("The PIN has expired and must be changed.", "PIN the noun");
    case Kind::NotLoggedIn:
        return tr("Log in to the token first.");
    case Kind::Cancelled:
        return tr("The operation was cancelled.");
    case Kind::NotSupported:
        return tr("The token does not support this operation.");
    case Kind::DeviceError:
        return tr("The token or its reader failed.");
    case Kind::ObjectNotFound:
        return tr("The token has no such object.");
    case Kind::InvalidUri:
        return tr("Not a valid PKCS#11 URI: %1").arg(PrintableText::escape(error.detail));
    case Kind::ModuleCrashed:
        if (const char* name = error.signal > 0 ? sigabbrev_np(error.signal) : nullptr) {
            return tr("The PKCS#11 module crashed (SIG%1).").arg(QString::fromLatin1(name));
        }
        return tr("The PKCS#11 module's process ended unexpectedly.");
    case Kind::ModuleHung:
        return tr("The PKCS#11 module stopped answering: %1 did not return within %n second(s), so TokenDesk "
                  "stopped it.",
                  nullptr, static_cast<int>((error.timeoutMs + 999) / 1000))
            .arg(error.function);
    case Kind::Other:
        break;
    }
    return tr("The PKCS#11 module failed (%1 in %2).").arg(error.codeName(), error.function);
}

QString ErrorText::file(const FileError& error)
{
    using Code = FileError::Code;
    const QString path = PrintableText::escape(error.path);
    const QString target = PrintableText::escape(error.target);
    switch (error.code) {
    case Code::NotRegular:
        return error.target.isEmpty()
                   ? tr("%1 is not a regular file (a device, folder or pipe): TokenDesk replaces only files.").arg(path)
                   : tr("%1 leads to %2, which is not a regular file (a device, folder or pipe): TokenDesk replaces "
                        "only files.")
                         .arg(path, target);
    case Code::UnsafeSymlink:
        return tr("%1 is a symbolic link in a shared folder and belongs to another user: TokenDesk does not follow it.")
            .arg(path);
    case Code::DanglingSymlink:
        return tr("%1 is a symbolic link to %2, which does not exist.").arg(path, target);
    case Code::SymlinkLoop:
        return tr("%1 leads through too many symbolic links.").arg(path);
    case Code::FolderMissing:
        return tr("%1 cannot be written: its folder does not exist.").arg(path);
    case Code::NotWritable:
        return tr("%1 cannot be written: permission denied or a read-only file system.").arg(path);
    case Code::ChangedMeanwhile:
        return tr("%1 was changed by someone else since TokenDesk read it; nothing was written.").arg(path);
    case Code::DiskFull:
        return tr("%1 cannot be written: the disk is full.").arg(path);
    case Code::Io:
        break;
    }
    return tr("%1 cannot be written (%2).").arg(path, QString::fromLocal8Bit(std::strerror(error.osError)));
}

} // namespace tokendesk
