#include "ServiceStateLabel.h"

#include <algorithm>

namespace tokendesk {

ServiceStateLabel::ServiceStateLabel(QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("serviceState"));
    int widest = 0;
    for (auto state : {ReaderMonitor::ServiceState::Starting, ReaderMonitor::ServiceState::Running,
                       ReaderMonitor::ServiceState::Restarting, ReaderMonitor::ServiceState::Absent}) {
        widest = std::max(widest, fontMetrics().horizontalAdvance(text(state)));
    }
    setMinimumWidth(widest + margin() * 2 + 4);
}

void ServiceStateLabel::setState(ReaderMonitor::ServiceState state)
{
    setText(text(state));
}

QString ServiceStateLabel::text(ReaderMonitor::ServiceState state)
{
    switch (state) {
    case ReaderMonitor::ServiceState::Starting:
        return tr("PC/SC: connecting…");
    case ReaderMonitor::ServiceState::Running:
        return tr("PC/SC: running");
    case ReaderMonitor::ServiceState::Restarting:
        return tr("PC/SC: restarting…");
    case ReaderMonitor::ServiceState::Absent:
        return tr("PC/SC: service not running");
    }
    return {};
}

} // namespace tokendesk
