#include "StatusPalette.h"

#include <QGuiApplication>
#include <cmath>

namespace tokendesk {

namespace {
// Material Design shades: 800s on light windows (contrast 3.9 to 7 on white), 200s and 300s on
// dark ones (contrast over 6 on #353535, Fusion's dark window).
QColor lightShade(StatusPalette::Status status)
{
    switch (status) {
    case StatusPalette::Status::Good:
        return QColor(0x2e, 0x7d, 0x32);
    case StatusPalette::Status::Warning:
        return QColor(0xb2, 0x6a, 0x00);
    case StatusPalette::Status::Bad:
        return QColor(0xc6, 0x28, 0x28);
    case StatusPalette::Status::Neutral:
        return QColor(0x61, 0x61, 0x61);
    case StatusPalette::Status::Alert:
        return QColor(0xb0, 0x00, 0x20);
    }
    return {};
}

QColor darkShade(StatusPalette::Status status)
{
    switch (status) {
    case StatusPalette::Status::Good:
        return QColor(0x81, 0xc7, 0x84);
    case StatusPalette::Status::Warning:
        return QColor(0xff, 0xb7, 0x4d);
    case StatusPalette::Status::Bad:
        return QColor(0xef, 0x9a, 0x9a);
    case StatusPalette::Status::Neutral:
        return QColor(0xbd, 0xbd, 0xbd);
    case StatusPalette::Status::Alert:
        return QColor(0xff, 0x8a, 0x80);
    }
    return {};
}

double luminance(const QColor& c)
{
    const auto channel = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}
} // namespace

QColor StatusPalette::color(Status status, const QPalette& palette)
{
    return isDark(palette) ? darkShade(status) : lightShade(status);
}

QColor StatusPalette::color(Status status)
{
    // Without a GUI application (the models' tests, the command line) there is no palette to ask.
    return qobject_cast<QGuiApplication*>(QCoreApplication::instance()) ? color(status, QGuiApplication::palette())
                                                                        : lightShade(status);
}

bool StatusPalette::isDark(const QPalette& palette)
{
    return palette.color(QPalette::WindowText).lightness() > palette.color(QPalette::Window).lightness();
}

double StatusPalette::contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

StatusPalette::Status StatusPalette::validityStatus(CertificateValidity validity)
{
    switch (validity) {
    case CertificateValidity::Valid:
        return Status::Good;
    case CertificateValidity::ExpiresSoon:
        return Status::Warning;
    case CertificateValidity::Expired:
        return Status::Bad;
    case CertificateValidity::NotYetValid:
        break;
    }
    return Status::Neutral;
}

QColor StatusPalette::validity(CertificateValidity validity)
{
    return color(validityStatus(validity));
}

QColor StatusPalette::pinSummary(PinSummary summary)
{
    switch (summary) {
    case PinSummary::Ok:
        return {};
    case PinSummary::Locked:
    case PinSummary::FinalTry:
    case PinSummary::SoLocked:
        return bad();
    case PinSummary::ToBeChanged:
    case PinSummary::CountLow:
        break;
    }
    return warning();
}

QString StatusPalette::styleSheet(const QColor& color)
{
    return QStringLiteral("color: %1").arg(color.name());
}

} // namespace tokendesk
