#include "StatusStyle.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

namespace tokendesk {

namespace {

constexpr char kStatus[] = "tokendeskStatus"; ///< int: the StatusPalette::Status, -1 for none
constexpr char kBold[] = "tokendeskStatusBold";

QString sheetFor(const QWidget* widget)
{
    const auto status = StatusStyle::statusOf(widget);
    QString sheet = status ? StatusPalette::styleSheet(StatusPalette::color(*status)) : QString();
    if (widget->property(kBold).toBool()) {
        sheet += sheet.isEmpty() ? QStringLiteral("font-weight: bold") : QStringLiteral("; font-weight: bold");
    }
    return sheet;
}

void restyle(QWidget* widget)
{
    // Only when it differs: a style sheet's colour changes the widget's palette, which comes back here.
    const QString sheet = sheetFor(widget);
    if (widget->styleSheet() != sheet) {
        widget->setStyleSheet(sheet);
    }
}

/// Chooses the colours again when the application's palette changes: QGuiApplication tells itself
/// with ApplicationPaletteChange (widgets with a style sheet of their own are not told reliably).
class PaletteWatcher : public QObject
{
public:
    explicit PaletteWatcher(QObject* app) : QObject(app) { app->installEventFilter(this); }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange) {
            const QWidgetList widgets = QApplication::allWidgets();
            for (QWidget* widget : widgets) {
                if (widget->property(kStatus).isValid()) {
                    restyle(widget);
                }
            }
        }
        return false;
    }
};

} // namespace

void StatusStyle::apply(QWidget* widget, std::optional<StatusPalette::Status> status, bool bold)
{
    widget->setProperty(kStatus, status ? static_cast<int>(*status) : -1);
    widget->setProperty(kBold, bold);
    static PaletteWatcher* watcher = new PaletteWatcher(qApp); // deleted with the application
    Q_UNUSED(watcher)
    restyle(widget);
}

std::optional<StatusPalette::Status> StatusStyle::statusOf(const QWidget* widget)
{
    bool ok = false;
    const int value = widget->property(kStatus).toInt(&ok);
    if (!ok || value < 0) {
        return std::nullopt;
    }
    return static_cast<StatusPalette::Status>(value);
}

} // namespace tokendesk
