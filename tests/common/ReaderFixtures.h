// Reader snapshots for tests that feed models and diffs without pcscd.
#pragma once

#include "backend/pcsc/ReaderInfo.h"

/// A reader named `name`, with a present card when `atr` is not empty.
inline tokendesk::ReaderInfo makeReader(const QString& name, const QByteArray& atr = {}, int events = 0)
{
    tokendesk::ReaderInfo r;
    r.name = name;
    r.atr = atr;
    r.cardState = atr.isEmpty() ? tokendesk::ReaderInfo::CardState::Absent : tokendesk::ReaderInfo::CardState::Present;
    r.eventCount = events;
    return r;
}
