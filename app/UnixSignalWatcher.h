#pragma once

#include <QObject>
#include <initializer_list>

class QSocketNotifier;

namespace tokendesk {

/// Turns SIGINT/SIGTERM into a Qt signal, through a self-pipe: the handler
/// only writes a byte (async-signal-safe), the event loop does the rest.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject* parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace tokendesk
