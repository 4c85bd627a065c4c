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

} // namespace tokendesk
