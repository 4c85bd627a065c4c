#pragma once

#include "backend/pcsc/ReaderEvents.h"
#include "backend/pcsc/ReaderMonitor.h"

#include <QObject>
#include <QTextStream>

namespace tokendesk {

class SmartcardList;

/// `tokendesk watch`: one line per event (reader added/removed, card
/// inserted/removed with its ATR, PC/SC service state), with a timestamp,
/// until interrupted or, with --count N, after N events.
class WatchCommand : public QObject
{
    Q_OBJECT
public:
    WatchCommand(const SmartcardList& smartcardList, bool json, int count, QTextStream& out);

    /// Runs the event loop; returns the exit code.
    int run();

private:
    void onReaders(const tokendesk::ReaderList& readers);
    void onServiceState(tokendesk::ReaderMonitor::ServiceState state);
    void print(const QString& event, const ReaderInfo* reader, bool initial);

    const SmartcardList& m_smartcardList;
    const bool m_json;
    int m_remaining; ///< events left to print before exiting; negative: no limit
    QTextStream& m_out;
    ReaderMonitor m_monitor;
    ReaderList m_readers;
    bool m_seenFirstSnapshot = false;
};

} // namespace tokendesk
