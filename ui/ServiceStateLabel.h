#pragma once

#include "backend/pcsc/ReaderMonitor.h"

#include <QLabel>

namespace tokendesk {

/// The status bar's "PC/SC: running": the state of the smart card service, in a label wide
/// enough for every state, so the status bar does not jump or clip.
class ServiceStateLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ServiceStateLabel(QWidget* parent = nullptr);

    void setState(ReaderMonitor::ServiceState state);
    static QString text(ReaderMonitor::ServiceState state);
};

} // namespace tokendesk
