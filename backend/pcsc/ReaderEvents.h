#pragma once

#include "ReaderInfo.h"

namespace tokendesk {

/// What happened between two reader snapshots, in the order a person would tell it.
struct ReaderEvent
{
    enum class Kind
    {
        ReaderAdded,
        ReaderRemoved,
        CardInserted,
        CardRemoved
    };

    Kind kind = Kind::ReaderAdded;
    ReaderInfo reader; ///< the reader as it is after the event (before it, for removals)

    bool operator==(const ReaderEvent& o) const { return kind == o.kind && reader == o.reader; }
};

/// The events that turn `before` into `after`. A card swapped between two
/// snapshots (present both times, but pcscd counted events in between, or the
/// ATR differs) is a removal followed by an insertion.
QList<ReaderEvent> diffReaders(const ReaderList& before, const ReaderList& after);

} // namespace tokendesk
