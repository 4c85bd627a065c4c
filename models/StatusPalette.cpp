#include "StatusPalette.h"

namespace tokendesk {

QColor StatusPalette::good()
{
    return QColor(0x2e, 0x7d, 0x32);
}

QColor StatusPalette::warning()
{
    return QColor(0xb2, 0x6a, 0x00);
}

QColor StatusPalette::bad()
{
    return QColor(0xc6, 0x28, 0x28);
}

QColor StatusPalette::neutral()
{
    return QColor(0x61, 0x61, 0x61);
}

QColor StatusPalette::alert()
{
    return QColor(0xb0, 0x00, 0x20);
}

QColor StatusPalette::validity(CertificateValidity validity)
{
    switch (validity) {
    case CertificateValidity::Valid:
        return good();
    case CertificateValidity::ExpiresSoon:
        return warning();
    case CertificateValidity::Expired:
        return bad();
    case CertificateValidity::NotYetValid:
        return neutral();
    }
    return {};
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
