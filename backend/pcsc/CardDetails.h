#pragma once

#include "CardChannel.h"
#include "PcscError.h"
#include "ReaderFeatures.h"
#include "backend/common/Result.h"

#include <QMetaType>

namespace tokendesk {

/// What a reader and its card say about themselves beyond the reader state:
/// the active protocol and the reader's part 10 features.
struct CardDetails
{
    QString reader;
    QByteArray atr; ///< empty without a card
    CardChannel::Protocol protocol = CardChannel::Protocol::None;
    ReaderFeatures features;
    /// The reader answered CM_IOCTL_GET_FEATURE_REQUEST; many virtual readers do not.
    bool featuresSupported = false;

    bool operator==(const CardDetails& o) const
    {
        return reader == o.reader && atr == o.atr && protocol == o.protocol && features == o.features &&
               featuresSupported == o.featuresSupported;
    }
};

/// Reads the card details of `reader` with a context and a shared connection
/// of its own (direct when there is no card), leaving the card as it was.
/// Blocking: call it from a worker thread.
[[nodiscard]] Result<CardDetails, PcscError> readCardDetails(const QString& reader);

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::CardDetails)
