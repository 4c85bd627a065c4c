#include "AtrReport.h"

#include "backend/atr/SmartcardList.h"
#include "models/AtrText.h"

#include <algorithm>

namespace tokendesk {

namespace {
using Code = AtrIssue::Code;

QString binary4(int value)
{
    return QStringLiteral("%1").arg(value, 4, 2, QLatin1Char('0'));
}
} // namespace

void AtrReport::printText(const AtrInfo& info, QTextStream& out) const
{
    const auto problem = [&out](const QString& text) {
        out << "  " << AtrText::tr("ERROR: %1").arg(text) << '\n';
    };
    const auto warning = [&out](const QString& text) {
        out << "  " << AtrText::tr("Warning: %1").arg(text) << '\n';
    };
    const auto reportIssues = [&](std::initializer_list<Code> codes) {
        for (const AtrIssue& i : info.issues) {
            if (std::find(codes.begin(), codes.end(), i.code) != codes.end()) {
                if (i.isError()) {
                    problem(AtrText::issue(i));
                } else {
                    warning(AtrText::issue(i));
                }
            }
        }
    };

    if (info.bytes.isEmpty()) {
        reportIssues({Code::EmptyInput, Code::OddNumberOfDigits, Code::InvalidCharacter});
        return;
    }
    out << "ATR: " << AtrText::hex(info.bytes) << '\n';
    reportIssues({Code::TooLong});
    out << "+ TS = " << AtrText::hexByte(info.bytes.at(0)) << " --> " << AtrText::convention(info.convention) << '\n';
    if (info.t0) {
        out << "+ T0 = " << AtrText::hexByte(*info.t0) << ", Y(1): " << binary4(*info.t0 >> 4)
            << ", K: " << info.historicalLength() << ' ' << AtrText::tr("(historical bytes)") << '\n';
    }
    for (const InterfaceByte& b : info.interfaceBytes) {
        out << "  " << AtrText::name(b) << " = " << AtrText::hexByte(b.value) << " --> " << AtrText::meaning(b) << '\n';
        if (b.kind == InterfaceByte::Kind::TD) {
            out << "-----\n";
        }
    }
    reportIssues({Code::TruncatedInterfaceBytes, Code::T15InTd1, Code::ProtocolsNotAscending, Code::RfuFi, Code::RfuDi,
                  Code::RfuIfsc, Code::RfuBwi});

    const HistoricalBytes& h = info.historical;
    out << "+ " << AtrText::tr("Historical bytes: %1").arg(AtrText::hex(h.bytes)) << '\n';
    reportIssues({Code::MissingHistoricalBytes});
    if (!h.bytes.isEmpty()) {
        out << "  "
            << AtrText::tr("Category indicator byte: %1 (%2)")
                   .arg(AtrText::hexByte(h.bytes.at(0)), AtrText::category(h.category))
            << '\n';
    }
    for (const CompactTlvObject& o : h.objects) {
        if (o.berTlv) {
            out << "    "
                << AtrText::tr("Tag: 4F, len: %1 (%2, BER-TLV as in PC/SC part 3)")
                       .arg(AtrText::hexByte(o.length), AtrText::tagName(o.tag))
                << '\n';
        } else {
            out << "    "
                << AtrText::tr("Tag: %1, len: %2 (%3)")
                       .arg(QString::number(o.tag, 16).toUpper(), QString::number(o.length, 16).toUpper(),
                            AtrText::tagName(o.tag))
                << '\n';
        }
        if (!o.value.isEmpty()) {
            out << "      " << AtrText::tr("Value: %1").arg(AtrText::hex(o.value)) << '\n';
        }
        const QStringList details = AtrText::objectDetails(o);
        for (const QString& line : details) {
            out << (line.startsWith(QLatin1Char('-')) ? "        " : "      ") << line << '\n';
        }
    }
    if (h.category == HistoricalBytes::Category::CompactTlvAndStatus && h.status) {
        out << "    " << AtrText::tr("Mandatory status indicator (3 last bytes)") << '\n';
        const QStringList details = AtrText::statusDetails(*h.status);
        for (const QString& line : details) {
            out << "      " << line << '\n';
        }
    }
    if (h.dirDataReference) {
        out << "    " << AtrText::tr("DIR data reference: %1").arg(AtrText::hexByte(*h.dirDataReference)) << '\n';
    }
    for (const HistoricalBytes::Issue& i : h.issues) {
        warning(AtrText::historicalIssue(i));
    }

    if (info.tck) {
        out << "+ TCK = " << AtrText::hexByte(*info.tck) << ' '
            << (info.tckValid.value_or(false) ? AtrText::tr("(correct checksum)") : AtrText::tr("(WRONG CHECKSUM)"))
            << '\n';
    }
    reportIssues({Code::MissingTck, Code::WrongTck, Code::UnexpectedTck, Code::ExtraBytes, Code::InvalidTs});

    QStringList protocols;
    for (int t : info.protocols) {
        protocols << QStringLiteral("T=%1").arg(t);
    }
    out << "+ " << AtrText::tr("Protocols: %1").arg(protocols.join(QStringLiteral(", "))) << '\n';

    const QStringList names = m_smartcardList.cardNames(info.bytes);
    out << '\n' << AtrText::tr("Possibly identified card (using %1):").arg(m_smartcardList.path()) << '\n';
    if (names.isEmpty()) {
        out << '\t' << AtrText::tr("NONE") << '\n';
    }
    for (const QString& name : names) {
        out << '\t' << name << '\n';
    }
}

} // namespace tokendesk
