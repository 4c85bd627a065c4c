#include "ErrorText.h"

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
        return tr("The PKCS#11 module could not be loaded (%1).").arg(error.detail);
    case Kind::TokenNotPresent:
        if (error.tokenLabel.isEmpty() && error.tokenSerial.isEmpty()) {
            return tr("The token is not present.");
        }
        if (error.tokenSerial.isEmpty()) {
            return tr("Insert the token \u201c%1\u201d.").arg(error.tokenLabel);
        }
        return tr("Insert the token \u201c%1\u201d (serial %2).").arg(error.tokenLabel, error.tokenSerial);
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
        return tr("Not a valid PKCS#11 URI: %1").arg(error.detail);
    case Kind::Other:
        break;
    }
    return tr("The PKCS#11 module failed (%1 in %2).").arg(error.codeName(), error.function);
}

} // namespace tokendesk
