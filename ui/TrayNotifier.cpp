#include "TrayNotifier.h"

#include "backend/atr/SmartcardList.h"
#include "backend/common/Settings.h"
#include "backend/pcsc/ReaderEvents.h"

#include <QSystemTrayIcon>

namespace tokendesk {

TrayNotifier::TrayNotifier(const SmartcardList* smartcardList, QObject* parent)
    : QObject(parent), m_smartcardList(smartcardList)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/tokendesk.svg")), this);
        m_tray->setToolTip(tr("TokenDesk"));
        m_tray->show();
    }
}

bool TrayNotifier::enabled() const
{
    return Settings::instance().boolValue(Settings::Key::NotifyCardEvents);
}

void TrayNotifier::setEnabled(bool enabled)
{
    Settings::instance().setValue(Settings::Key::NotifyCardEvents, enabled);
}

void TrayNotifier::setReaders(const ReaderList& readers)
{
    const QList<ReaderEvent> events = diffReaders(m_readers, readers);
    m_readers = readers;
    // The cards present at start-up were not inserted now.
    if (std::exchange(m_first, false) || !enabled()) {
        return;
    }
    for (const ReaderEvent& event : events) {
        QString title;
        if (event.kind == ReaderEvent::Kind::CardInserted) {
            title = tr("Card inserted");
        } else if (event.kind == ReaderEvent::Kind::CardRemoved) {
            title = tr("Card removed");
        } else {
            continue;
        }
        const QStringList names = m_smartcardList ? m_smartcardList->cardNames(event.reader.atr) : QStringList();
        const QString message =
            names.isEmpty() ? event.reader.name : tr("%1 in %2").arg(names.constFirst(), event.reader.name);
        if (m_tray) {
            m_tray->showMessage(title, message, QSystemTrayIcon::Information, 4000);
        }
        Q_EMIT notified(title, message);
    }
}

} // namespace tokendesk
