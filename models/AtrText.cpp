#include "AtrText.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace tokendesk {

namespace {
using Code = AtrIssue::Code;
using Meaning = InterfaceByte::Meaning;

QString commaList(const QStringList& items)
{
    return items.join(QStringLiteral(", "));
}
} // namespace

QString AtrText::hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex(' ').toUpper());
}

QString AtrText::hexByte(int value)
{
    return QStringLiteral("%1").arg(value & 0xFF, 2, 16, QLatin1Char('0')).toUpper();
}

QString AtrText::megahertz(int kHz)
{
    return tr("%1 MHz").arg(kHz / 1000.0);
}

QString AtrText::issue(const AtrIssue& i)
{
    switch (i.code) {
    case Code::EmptyInput:
        return tr("The ATR is empty.");
    case Code::OddNumberOfDigits:
        return tr("The ATR has an odd number of hex digits (%1).").arg(i.actual);
    case Code::InvalidCharacter:
        return tr("The ATR contains \u201c%1\u201d at position %2, which is not a hex digit.")
            .arg(QChar(static_cast<char16_t>(i.actual)))
            .arg(i.offset + 1);
    case Code::InvalidTs:
        return tr("TS is %1, neither 3B (direct convention) nor 3F (inverse convention).").arg(hexByte(i.actual));
    case Code::TruncatedInterfaceBytes:
        return tr("The ATR is truncated: T0 and the TD bytes announce at least %1 bytes, it has %2.")
            .arg(i.expected)
            .arg(i.actual);
    case Code::MissingHistoricalBytes:
        return tr("%n historical byte(s) missing: T0 announces %1, the ATR has %2.", nullptr, i.expected - i.actual)
            .arg(i.expected)
            .arg(i.actual);
    case Code::MissingTck:
        return tr("The TCK is missing: a protocol other than T=0 is offered, so the ATR must end with a check byte.");
    case Code::WrongTck:
        return tr("The TCK is %1 but should be %2.").arg(hexByte(i.actual), hexByte(i.expected));
    case Code::TooLong:
        return tr("The ATR is %1 bytes long, more than the %2 ISO 7816-3 allows.").arg(i.actual).arg(i.expected);
    case Code::ExtraBytes:
        return tr("%n byte(s) after the end of the ATR.", nullptr, i.actual);
    case Code::T15InTd1:
        return tr("TD1 announces T=15, which ISO 7816-3 does not allow there.");
    case Code::ProtocolsNotAscending:
        return tr("The TD bytes do not list protocols in ascending order (T=%1 after T=%2).")
            .arg(i.actual)
            .arg(i.expected);
    case Code::RfuFi:
        return tr("TA1 (%1) uses a reserved Fi value.").arg(hexByte(i.actual));
    case Code::RfuDi:
        return tr("TA1 (%1) uses a reserved Di value.").arg(hexByte(i.actual));
    case Code::RfuIfsc:
        return tr("The IFSC %1 is reserved.").arg(hexByte(i.actual));
    case Code::RfuBwi:
        return tr("The BWI in %1 is reserved.").arg(hexByte(i.actual));
    case Code::UnexpectedTck:
        return tr("The ATR ends with a TCK (%1) although only T=0 is offered, which has none.").arg(hexByte(i.actual));
    }
    return {};
}

QString AtrText::historicalIssue(const HistoricalBytes::Issue& i)
{
    switch (i.problem) {
    case HistoricalBytes::Problem::MissingStatusIndicator:
        return tr("Category 00 needs a 3-byte status indicator at the end of the historical bytes.");
    case HistoricalBytes::Problem::TruncatedObject:
        return tr("The compact-TLV object at historical byte %1 is longer than the bytes left.").arg(i.offset + 1);
    case HistoricalBytes::Problem::BadObjectLength:
        return tr("The compact-TLV object at historical byte %1 has a length its tag does not allow.")
            .arg(i.offset + 1);
    case HistoricalBytes::Problem::MissingDirDataReference:
        return tr("Category 10 needs a DIR data reference byte.");
    }
    return {};
}

QString AtrText::convention(AtrConvention convention)
{
    switch (convention) {
    case AtrConvention::Direct:
        return tr("Direct convention");
    case AtrConvention::Inverse:
        return tr("Inverse convention");
    case AtrConvention::Invalid:
        return tr("Undefined (not a microprocessor card?)");
    }
    return {};
}

QString AtrText::name(const InterfaceByte& b)
{
    static const char* const kinds[] = {"TA", "TB", "TC", "TD"};
    return QLatin1String(kinds[static_cast<int>(b.kind)]) + QString::number(b.index);
}

QString AtrText::meaning(const InterfaceByte& b)
{
    switch (b.meaning) {
    case Meaning::FiDi: {
        const int fi = iso7816::fi(b.fiIndex());
        const int di = iso7816::di(b.diIndex());
        const QString fiText = fi ? QString::number(fi) : tr("RFU");
        const QString diText = di ? QString::number(di) : tr("RFU");
        QString text = tr("Fi=%1, Di=%2").arg(fiText, diText);
        if (fi && di) {
            const int fMax = iso7816::fMaxKHz(b.fiIndex());
            text += tr(", %1 cycles/ETU, %2 bits/s at 3.5795 MHz, f max %3 => %4 bits/s")
                        .arg(static_cast<double>(fi) / di)
                        .arg(AtrInfo::kDefaultClockHz * di / fi)
                        .arg(megahertz(fMax))
                        .arg(qint64(fMax) * 1000 * di / fi);
        }
        return text;
    }
    case Meaning::Vpp:
        if (b.vppVolts() == 0) {
            return tr("VPP is not electrically connected");
        }
        return tr("Programming voltage %1 V, current %2 mA (deprecated)").arg(b.vppVolts()).arg(b.vppMilliamps());
    case Meaning::ExtraGuardTime:
        return b.value == 255 ? tr("Extra guard time: 255 (minimum: 12 ETU for T=0, 11 ETU for T=1)")
                              : tr("Extra guard time: %1 ETU").arg(b.value);
    case Meaning::SpecificMode:
        return tr("Specific mode, protocol T=%1, %2, %3")
            .arg(b.specificProtocol())
            .arg(b.modeChangeable() ? tr("capable to change") : tr("unable to change"),
                 b.parametersImplicit() ? tr("parameters implicitly defined")
                                        : tr("parameters defined by the interface bytes"));
    case Meaning::Vpp2:
        return b.value >= 50 && b.value <= 250 ? tr("Programming voltage PI2: %1 V (deprecated)").arg(b.value / 10.0)
                                               : tr("Programming voltage PI2: %1 is RFU").arg(b.value);
    case Meaning::WorkWaitingInteger:
        return tr("Work waiting time: 960 x %1 x (Fi/f) (T=0)").arg(b.value);
    case Meaning::Protocol: {
        QStringList next;
        static const char* const kinds[] = {"TA", "TB", "TC", "TD"};
        for (int k = 0; k < 4; ++k) {
            if (b.nextPresence() & (1 << k)) {
                next << QLatin1String(kinds[k]) + QString::number(b.index + 1);
            }
        }
        const QString protocol = b.protocolType() == 15 ? tr("T=15 (global interface bytes follow)")
                                                        : tr("Protocol T=%1").arg(b.protocolType());
        return next.isEmpty() ? protocol : tr("%1, then %2").arg(protocol, commaList(next));
    }
    case Meaning::Ifsc:
        return tr("IFSC: %1 bytes (T=1)").arg(b.value);
    case Meaning::Waiting:
        return tr("Block waiting integer: %1, character waiting integer: %2 (T=1)").arg(b.bwi()).arg(b.cwi());
    case Meaning::ErrorDetection:
        return tr("Error detection code: %1 (T=1)").arg(b.crc() ? QStringLiteral("CRC") : QStringLiteral("LRC"));
    case Meaning::ClockStopAndClass: {
        static const char* const stops[] = {QT_TR_NOOP("not supported"), QT_TR_NOOP("state L"), QT_TR_NOOP("state H"),
                                            QT_TR_NOOP("no preference")};
        QStringList classes;
        if (b.voltageClasses() & InterfaceByte::ClassA) {
            classes << tr("A (5 V)");
        }
        if (b.voltageClasses() & InterfaceByte::ClassB) {
            classes << tr("B (3 V)");
        }
        if (b.voltageClasses() & InterfaceByte::ClassC) {
            classes << tr("C (1.8 V)");
        }
        if (b.voltageClasses() & 0x38) {
            classes << tr("RFU");
        }
        return tr("Clock stop: %1, classes accepted by the card: %2")
            .arg(tr(stops[static_cast<int>(b.clockStop())]), classes.isEmpty() ? tr("none") : commaList(classes));
    }
    case Meaning::Spu:
        if (b.value == 0) {
            return tr("SPU (C6) not used");
        }
        return b.spuProprietary() ? tr("SPU (C6): proprietary use %1").arg(hexByte(b.value & 0x7F))
                                  : tr("SPU (C6): standard use %1").arg(hexByte(b.value));
    case Meaning::Undefined:
        return b.protocol < 0 ? tr("Undefined") : tr("Specific to T=%1").arg(b.protocol);
    }
    return {};
}

QString AtrText::category(HistoricalBytes::Category category)
{
    switch (category) {
    case HistoricalBytes::Category::None:
        return tr("no historical bytes");
    case HistoricalBytes::Category::CompactTlvAndStatus:
        return tr("compact-TLV data objects, status indicator in the last 3 bytes");
    case HistoricalBytes::Category::DirDataReference:
        return tr("next byte is the DIR data reference");
    case HistoricalBytes::Category::CompactTlv:
        return tr("compact-TLV data objects");
    case HistoricalBytes::Category::Rfu:
        return tr("reserved for future use");
    case HistoricalBytes::Category::Proprietary:
        return tr("proprietary format");
    }
    return {};
}

QString AtrText::tagName(quint8 tag)
{
    switch (tag) {
    case CompactTlvObject::CountryCode:
        return tr("country code, ISO 3166-1");
    case CompactTlvObject::IssuerIdentification:
        return tr("issuer identification number, ISO 7812-1");
    case CompactTlvObject::CardService:
        return tr("card service data");
    case CompactTlvObject::InitialAccessData:
        return tr("initial access data");
    case CompactTlvObject::CardIssuerData:
        return tr("card issuer's data");
    case CompactTlvObject::PreIssuingData:
        return tr("pre-issuing data");
    case CompactTlvObject::Capabilities:
        return tr("card capabilities");
    case CompactTlvObject::Status:
        return tr("status indicator");
    case CompactTlvObject::ApplicationId:
        return tr("application identifier");
    default:
        return tr("unknown");
    }
}

QString AtrText::lifeCycle(LifeCycle lifeCycle)
{
    switch (lifeCycle) {
    case LifeCycle::NoInformation:
        return tr("no information given");
    case LifeCycle::Creation:
        return tr("creation state");
    case LifeCycle::Initialisation:
        return tr("initialisation state");
    case LifeCycle::OperationalActivated:
        return tr("operational state (activated)");
    case LifeCycle::OperationalDeactivated:
        return tr("operational state (deactivated)");
    case LifeCycle::Termination:
        return tr("termination state");
    case LifeCycle::Proprietary:
        return tr("proprietary");
    case LifeCycle::Rfu:
        return tr("RFU");
    }
    return {};
}

QString AtrText::statusWord(quint16 sw)
{
    if (sw == 0x9000) {
        return tr("normal processing");
    }
    if ((sw & 0xFF00) == 0x6200 || (sw & 0xFF00) == 0x6300) {
        return tr("warning");
    }
    return {};
}

QStringList AtrText::statusDetails(const StatusIndicator& s)
{
    QStringList lines;
    if (s.lcs) {
        lines << tr("LCS (life cycle status): %1 (%2)").arg(hexByte(*s.lcs), lifeCycle(tokendesk::lifeCycle(*s.lcs)));
    }
    if (s.sw) {
        const QString sw = hexByte(*s.sw >> 8) + hexByte(*s.sw);
        const QString meaning = statusWord(*s.sw);
        lines << (meaning.isEmpty() ? tr("SW: %1").arg(sw) : tr("SW: %1 (%2)").arg(sw, meaning));
    }
    return lines;
}

QStringList AtrText::objectDetails(const CompactTlvObject& o)
{
    QStringList lines;
    if (const auto cs = o.cardService()) {
        if (cs->selectionByFullDfName()) {
            lines << tr("Application selection: by full DF name");
        }
        if (cs->selectionByPartialDfName()) {
            lines << tr("Application selection: by partial DF name");
        }
        if (cs->dataObjectsInEfDir()) {
            lines << tr("BER-TLV data objects available in EF.DIR");
        }
        if (cs->dataObjectsInEfAtr()) {
            lines << tr("BER-TLV data objects available in EF.ATR");
        }
        static const char* const access[] = {QT_TR_NOOP("by READ RECORD(s)"), QT_TR_NOOP("by GET DATA"),
                                             QT_TR_NOOP("by READ BINARY"), QT_TR_NOOP("reserved for future use")};
        lines << tr("EF.DIR and EF.ATR access services: %1").arg(tr(access[static_cast<int>(cs->access())]));
        lines << (cs->hasMasterFile() ? tr("Card with MF") : tr("Card without MF"));
    } else if (const auto c = o.capabilities()) {
        if (c->selectionMethods) {
            lines << tr("Selection methods: %1").arg(hexByte(*c->selectionMethods));
            const std::pair<bool, const char*> methods[] = {
                {c->dfByFullName(), QT_TR_NOOP("DF selection by full DF name")},
                {c->dfByPartialName(), QT_TR_NOOP("DF selection by partial DF name")},
                {c->dfByPath(), QT_TR_NOOP("DF selection by path")},
                {c->dfByFileIdentifier(), QT_TR_NOOP("DF selection by file identifier")},
                {c->implicitDfSelection(), QT_TR_NOOP("Implicit DF selection")},
                {c->shortEfIdentifier(), QT_TR_NOOP("Short EF identifier supported")},
                {c->recordNumber(), QT_TR_NOOP("Record number supported")},
                {c->recordIdentifier(), QT_TR_NOOP("Record identifier supported")}};
            for (const auto& [on, text] : methods) {
                if (on) {
                    lines << QStringLiteral("- ") + tr(text);
                }
            }
        }
        if (c->dataCoding) {
            static const char* const writes[] = {QT_TR_NOOP("one-time write"), QT_TR_NOOP("proprietary"),
                                                 QT_TR_NOOP("write OR"), QT_TR_NOOP("write AND")};
            lines << tr("Data coding byte: %1").arg(hexByte(*c->dataCoding));
            if (c->tlvEfs()) {
                lines << QStringLiteral("- ") + tr("EF of TLV structure supported");
            }
            lines << QStringLiteral("- ") +
                         tr("Behaviour of write functions: %1").arg(tr(writes[static_cast<int>(c->writeBehaviour())]));
            lines << QStringLiteral("- ") + (c->ffTagValid()
                                                 ? tr("Value FF for the first byte of BER-TLV tags: valid")
                                                 : tr("Value FF for the first byte of BER-TLV tags: invalid"));
            lines << QStringLiteral("- ") + tr("Data unit in quartets: %1").arg(c->dataUnitQuartets());
        }
        if (c->chaining) {
            static const char* const channels[] = {QT_TR_NOOP("no logical channel"),
                                                   QT_TR_NOOP("by the interface device"), QT_TR_NOOP("by the card"),
                                                   QT_TR_NOOP("by the interface device and the card")};
            lines << tr("Command chaining, length fields and logical channels: %1").arg(hexByte(*c->chaining));
            if (c->commandChaining()) {
                lines << QStringLiteral("- ") + tr("Command chaining");
            }
            if (c->extendedLengths()) {
                lines << QStringLiteral("- ") + tr("Extended Lc and Le fields");
            }
            if (c->extendedLengthInfo()) {
                lines << QStringLiteral("- ") + tr("Extended length information in EF.ATR/INFO");
            }
            lines << QStringLiteral("- ") + tr("Logical channel number assignment: %1")
                                                .arg(tr(channels[static_cast<int>(c->channelAssignment())]));
            lines << QStringLiteral("- ") + tr("Maximum number of logical channels: %1").arg(c->maxLogicalChannels());
        }
    } else if (const auto s = o.status()) {
        lines << statusDetails(*s);
    } else if (const auto aid = o.applicationIdentifier()) {
        lines << tr("RID: %1, PIX: %2").arg(hex(aid->rid()), hex(aid->pix()));
        if (aid->isPcscStorageCard()) {
            const QString standard = storageStandard(aid->storageStandard());
            const QString card = storageCardName(aid->storageCardName());
            lines << tr("PC/SC storage card, standard: %1")
                         .arg(standard.isEmpty() ? tr("unknown (%1)").arg(hexByte(aid->storageStandard())) : standard);
            lines << tr("Card name: %1")
                         .arg(card.isEmpty()
                                  ? tr("unknown (%1)")
                                        .arg(hexByte(aid->storageCardName() >> 8) + hexByte(aid->storageCardName()))
                                  : card);
        }
    }
    return lines;
}

QString AtrText::storageStandard(quint8 ss)
{
    switch (ss) {
    case 0x00:
        return tr("no information given");
    case 0x01:
    case 0x02:
    case 0x03:
        return QStringLiteral("ISO 14443 A, part %1").arg(ss);
    case 0x05:
    case 0x06:
    case 0x07:
        return QStringLiteral("ISO 14443 B, part %1").arg(ss - 4);
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
        return QStringLiteral("ISO 15693, part %1").arg(ss - 8);
    case 0x0D:
        return QStringLiteral("ISO 7816-10 I2C");
    case 0x0E:
        return QStringLiteral("ISO 7816-10 extended I2C");
    case 0x0F:
        return QStringLiteral("ISO 7816-10 2WBP");
    case 0x10:
        return QStringLiteral("ISO 7816-10 3WBP");
    case 0x11:
        return QStringLiteral("FeliCa");
    case 0x40:
        return tr("low frequency contactless card");
    default:
        return {};
    }
}

QString AtrText::storageCardName(quint16 nn)
{
    // PC/SC part 3, supplemental document: the card names a reader writes in a storage card's ATR.
    // clang-format off
    static const std::pair<quint16, const char*> names[] = {
        {0x0001, "MIFARE Classic 1K"}, {0x0002, "MIFARE Classic 4K"}, {0x0003, "MIFARE Ultralight"},
        {0x0004, "SLE55R_XXXX"}, {0x0006, "SR176"}, {0x0007, "SRI X4K"}, {0x0008, "AT88RF020"},
        {0x0009, "AT88SC0204CRF"}, {0x000A, "AT88SC0808CRF"}, {0x000B, "AT88SC1616CRF"}, {0x000C, "AT88SC3216CRF"},
        {0x000D, "AT88SC6416CRF"}, {0x000E, "SRF55V10P"}, {0x000F, "SRF55V02P"}, {0x0010, "SRF55V10S"},
        {0x0011, "SRF55V02S"}, {0x0012, "TAG-IT"}, {0x0013, "LRI512"}, {0x0014, "I-CODE SLI"}, {0x0015, "TEMPSENS"},
        {0x0016, "I-CODE 1"}, {0x0017, "PicoPass 2K"}, {0x0018, "PicoPass 2KS"}, {0x0019, "PicoPass 16K"},
        {0x001A, "PicoPass 16KS"}, {0x001B, "PicoPass 16K (8x2)"}, {0x001C, "PicoPass 16KS (8x2)"},
        {0x001D, "PicoPass 32KS (16+16)"}, {0x001E, "PicoPass 32KS (16+8x2)"}, {0x001F, "PicoPass 32KS (8x2+16)"},
        {0x0020, "PicoPass 32KS (8x2+8x2)"}, {0x0021, "LRI64"}, {0x0022, "I-CODE UID"}, {0x0023, "I-CODE EPC"},
        {0x0024, "LRI12"}, {0x0025, "LRI128"}, {0x0026, "MIFARE Mini"}, {0x0027, "my-d move (SLE 66R01P)"},
        {0x0028, "my-d NFC (SLE 66RxxP)"}, {0x0029, "my-d proximity 2 (SLE 66RxxS)"},
        {0x002A, "my-d proximity enhanced (SLE 55RxxE)"}, {0x002B, "my-d light (SRF 55V01P)"},
        {0x002C, "PJM Stack Tag (SRF 66V10ST)"}, {0x002D, "PJM Item Tag (SRF 66V10IT)"},
        {0x002E, "PJM Light (SRF 66V01ST)"}, {0x002F, "Jewel Tag"}, {0x0030, "Topaz NFC Tag"},
        {0x0031, "AT88SC0104CRF"}, {0x0032, "AT88SC0404CRF"}, {0x0033, "AT88RF01C"}, {0x0034, "AT88RF04C"},
        {0x0035, "I-CODE SL2"}, {0x0036, "MIFARE Plus SL1 2K"}, {0x0037, "MIFARE Plus SL1 4K"},
        {0x0038, "MIFARE Plus SL2 2K"}, {0x0039, "MIFARE Plus SL2 4K"}, {0x003A, "MIFARE Ultralight C"},
        {0x003B, "FeliCa"}, {0x003C, "Melexis Sensor Tag (MLX90129)"}, {0x003D, "MIFARE Ultralight EV1"},
    };
    // clang-format on
    if (nn == 0) {
        return tr("no information given");
    }
    const auto it = std::find_if(std::begin(names), std::end(names), [nn](const auto& n) { return n.first == nn; });
    return it == std::end(names) ? QString() : QString::fromLatin1(it->second);
}

} // namespace tokendesk
