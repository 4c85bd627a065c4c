#pragma once

#include "backend/pcsc/ReaderInfo.h"

#include <QObject>

class QSystemTrayIcon;

namespace tokendesk {

class SmartcardList;

/// Tells the user, through the system tray, when a card is inserted or
/// removed, unless Settings::Key::NotifyCardEvents is off. Silent where the
/// desktop has no tray.
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(const SmartcardList* smartcardList, QObject* parent = nullptr);

    bool enabled() const;
    void setEnabled(bool enabled);

public Q_SLOTS:
    void setReaders(const tokendesk::ReaderList& readers);

Q_SIGNALS:
    /// Every notification, shown in the tray or not (for tests and logs).
    void notified(const QString& title, const QString& message);

private:
    const SmartcardList* m_smartcardList;
    QSystemTrayIcon* m_tray = nullptr;
    ReaderList m_readers;
    bool m_first = true;
};

} // namespace tokendesk
