#include "ReaderEvents.h"

namespace tokendesk {

namespace {
const ReaderInfo* findReader(const ReaderList& list, const QString& name)
{
    for (const ReaderInfo& r : list) {
        if (r.name == name) {
            return &r;
        }
    }
    return nullptr;
}

ReaderInfo withoutCard(ReaderInfo reader)
{
    reader.cardState = ReaderInfo::CardState::Absent;
    reader.atr.clear();
    return reader;
}
} // namespace

QList<ReaderEvent> diffReaders(const ReaderList& before, const ReaderList& after)
{
    QList<ReaderEvent> events;
    for (const ReaderInfo& old : before) {
        if (findReader(after, old.name)) {
            continue;
        }
        if (old.cardPresent()) {
            events.append({ReaderEvent::Kind::CardRemoved, old});
        }
        events.append({ReaderEvent::Kind::ReaderRemoved, withoutCard(old)});
    }
    for (const ReaderInfo& now : after) {
        const ReaderInfo* old = findReader(before, now.name);
        if (!old) {
            events.append({ReaderEvent::Kind::ReaderAdded, withoutCard(now)});
            if (now.cardPresent()) {
                events.append({ReaderEvent::Kind::CardInserted, now});
            }
            continue;
        }
        const bool swapped = old->cardPresent() && now.cardPresent() && !now.sameCardAs(*old);
        if (old->cardPresent() && (!now.cardPresent() || swapped)) {
            events.append({ReaderEvent::Kind::CardRemoved, *old});
        }
        if (now.cardPresent() && (!old->cardPresent() || swapped)) {
            events.append({ReaderEvent::Kind::CardInserted, now});
        }
    }
    return events;
}

} // namespace tokendesk
