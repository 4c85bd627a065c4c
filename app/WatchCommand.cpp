#include "WatchCommand.h"

#include "UnixSignalWatcher.h"
#include "backend/atr/SmartcardList.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <csignal>

namespace tokendesk {

namespace {
QString eventName(ReaderEvent::Kind kind)
{
    switch (kind) {
    case ReaderEvent::Kind::ReaderAdded:
        return QStringLiteral("reader_added");
    case ReaderEvent::Kind::ReaderRemoved:
        return QStringLiteral("reader_removed");
    case ReaderEvent::Kind::CardInserted:
        return QStringLiteral("card_inserted");
    case ReaderEvent::Kind::CardRemoved:
        return QStringLiteral("card_removed");
    }
    return {};
}

QString serviceName(ReaderMonitor::ServiceState state)
{
    switch (state) {
    case ReaderMonitor::ServiceState::Starting:
        return QStringLiteral("starting");
    case ReaderMonitor::ServiceState::Running:
        return QStringLiteral("running");
    case ReaderMonitor::ServiceState::Restarting:
        return QStringLiteral("restarting");
    case ReaderMonitor::ServiceState::Absent:
        return QStringLiteral("absent");
    }
    return {};
}
} // namespace

WatchCommand::WatchCommand(const SmartcardList& smartcardList, bool json, int count, QTextStream& out)
    : m_smartcardList(smartcardList), m_json(json), m_remaining(count > 0 ? count : -1), m_out(out)
{
    connect(&m_monitor, &ReaderMonitor::readersChanged, this, &WatchCommand::onReaders);
    connect(&m_monitor, &ReaderMonitor::serviceStateChanged, this, &WatchCommand::onServiceState);
}

int WatchCommand::run()
{
    UnixSignalWatcher signalWatcher({SIGINT, SIGTERM});
    connect(&signalWatcher, &UnixSignalWatcher::received, this, [] { QCoreApplication::quit(); });
    m_monitor.start();
    const int rc = QCoreApplication::exec();
    m_monitor.stop();
    return rc;
}

void WatchCommand::onReaders(const ReaderList& readers)
{
    // The first snapshot is what was there already: printed, marked initial, not counted.
    const bool initial = !m_seenFirstSnapshot;
    m_seenFirstSnapshot = true;
    const QList<ReaderEvent> events = diffReaders(m_readers, readers);
    m_readers = readers;
    for (const ReaderEvent& event : events) {
        print(eventName(event.kind), &event.reader, initial);
    }
}

void WatchCommand::onServiceState(ReaderMonitor::ServiceState state)
{
    // Until the first snapshot, the service state is part of what was there already.
    print(QStringLiteral("service_") + serviceName(state), nullptr, !m_seenFirstSnapshot);
    if (state != ReaderMonitor::ServiceState::Running && !m_readers.isEmpty()) {
        onReaders({}); // readers are unknown while pcscd is away
    }
}

void WatchCommand::print(const QString& event, const ReaderInfo* reader, bool initial)
{
    if (m_remaining == 0) {
        return;
    }
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const bool withCard = reader && reader->cardPresent();
    if (m_json) {
        QJsonObject o{{QStringLiteral("time"), time}, {QStringLiteral("event"), event}};
        if (reader) {
            o.insert(QStringLiteral("reader"), reader->name);
        }
        if (withCard) {
            o.insert(QStringLiteral("atr"), atrToHex(reader->atr));
            o.insert(QStringLiteral("card_names"), QJsonArray::fromStringList(m_smartcardList.cardNames(reader->atr)));
        }
        if (initial) {
            o.insert(QStringLiteral("initial"), true);
        }
        m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        m_out << time << ' ' << event;
        if (reader) {
            m_out << ' ' << '"' << reader->name << '"';
        }
        if (withCard) {
            m_out << ' ' << atrToHex(reader->atr);
        }
        m_out << '\n';
    }
    m_out.flush(); // one line per event, as it happens, also into a pipe
    if (!initial && m_remaining > 0 && --m_remaining == 0) {
        QCoreApplication::quit();
    }
}

} // namespace tokendesk
