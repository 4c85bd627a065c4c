#include "CardDetails.h"

#include "backend/common/Logging.h"

#include <reader.h>

namespace tokendesk {

Result<CardDetails, PcscError> readCardDetails(const QString& reader)
{
    auto context = PcscContext::establish();
    if (!context) {
        return context.error();
    }
    auto channel = CardChannel::open(context.value(), reader, CardChannel::Mode::Shared);
    if (!channel) {
        switch (channel.error().kind()) {
        case PcscError::Kind::NoCard:
        case PcscError::Kind::RemovedCard:
        case PcscError::Kind::Sharing:
        case PcscError::Kind::Other: // e.g. SCARD_W_UNRESPONSIVE_CARD: the reader still answers
            channel = CardChannel::open(context.value(), reader, CardChannel::Mode::Direct);
            break;
        default:
            break;
        }
    }
    if (!channel) {
        return channel.error();
    }

    CardDetails details;
    details.reader = reader;
    details.protocol = channel.value().protocol();
    if (channel.value().mode() == CardChannel::Mode::Shared) {
        auto atr = channel.value().atr();
        if (!atr) {
            return atr.error();
        }
        details.atr = atr.value();
    }

    const auto features = channel.value().control(CM_IOCTL_GET_FEATURE_REQUEST);
    if (features) {
        details.featuresSupported = true;
        if (!details.features.parseFeatureRequest(features.value())) {
            qCWarning(lcPcsc) << reader << "sent a malformed feature list:" << features.value().toHex(' ');
        }
        if (const auto code = details.features.controlCode(ReaderFeatures::GetTlvProperties)) {
            const auto properties = channel.value().control(*code);
            if (properties && !details.features.parseTlvProperties(properties.value())) {
                qCWarning(lcPcsc) << reader << "sent malformed TLV properties:" << properties.value().toHex(' ');
            }
        }
    } else {
        qCDebug(lcPcsc) << reader << "has no part 10 features:" << features.error().codeName();
    }
    return details;
}

} // namespace tokendesk
