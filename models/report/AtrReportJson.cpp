#include "AtrReport.h"
#include "backend/atr/SmartcardList.h"
#include "models/AtrText.h"

#include <QJsonArray>

namespace tokendesk {

namespace {
using Code = AtrIssue::Code;
using Meaning = InterfaceByte::Meaning;

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

QJsonValue hexOrNull(const std::optional<quint8>& value)
{
    return value ? QJsonValue(AtrText::hexByte(*value)) : QJsonValue();
}

QString issueCode(Code code)
{
    switch (code) {
    case Code::EmptyInput:
        return QStringLiteral("empty");
    case Code::OddNumberOfDigits:
        return QStringLiteral("odd_number_of_digits");
    case Code::InvalidCharacter:
        return QStringLiteral("invalid_character");
    case Code::InvalidTs:
        return QStringLiteral("invalid_ts");
    case Code::TruncatedInterfaceBytes:
        return QStringLiteral("truncated_interface_bytes");
    case Code::MissingHistoricalBytes:
        return QStringLiteral("missing_historical_bytes");
    case Code::MissingTck:
        return QStringLiteral("missing_tck");
    case Code::WrongTck:
        return QStringLiteral("wrong_tck");
    case Code::TooLong:
        return QStringLiteral("too_long");
    case Code::ExtraBytes:
        return QStringLiteral("extra_bytes");
    case Code::T15InTd1:
        return QStringLiteral("t15_in_td1");
    case Code::ProtocolsNotAscending:
        return QStringLiteral("protocols_not_ascending");
    case Code::RfuFi:
        return QStringLiteral("rfu_fi");
    case Code::RfuDi:
        return QStringLiteral("rfu_di");
    case Code::RfuIfsc:
        return QStringLiteral("rfu_ifsc");
    case Code::RfuBwi:
        return QStringLiteral("rfu_bwi");
    case Code::UnexpectedTck:
        return QStringLiteral("unexpected_tck");
    }
    return {};
}

QJsonObject issueJson(const AtrIssue& i)
{
    QJsonObject o{{key("code"), issueCode(i.code)}, {key("message"), AtrText::issue(i)}};
    if (i.offset >= 0) {
        o.insert(key("offset"), i.offset);
    }
    return o;
}

QString historicalProblemCode(HistoricalBytes::Problem p)
{
    switch (p) {
    case HistoricalBytes::Problem::MissingStatusIndicator:
        return QStringLiteral("missing_status_indicator");
    case HistoricalBytes::Problem::TruncatedObject:
        return QStringLiteral("truncated_object");
    case HistoricalBytes::Problem::BadObjectLength:
        return QStringLiteral("bad_object_length");
    case HistoricalBytes::Problem::MissingDirDataReference:
        return QStringLiteral("missing_dir_data_reference");
    }
    return {};
}

QJsonValue fMaxJson(int kHz)
{
    return kHz ? QJsonValue(kHz / 1000.0) : QJsonValue();
}

QJsonObject meaningJson(const InterfaceByte& b)
{
    switch (b.meaning) {
    case Meaning::FiDi: {
        const int fi = iso7816::fi(b.fiIndex());
        const int di = iso7816::di(b.diIndex());
        const int fMax = iso7816::fMaxKHz(b.fiIndex());
        const bool known = fi && di;
        return {{key("kind"), key("fi_di")},
                {key("fi"), fi ? QJsonValue(fi) : QJsonValue()},
                {key("di"), di ? QJsonValue(di) : QJsonValue()},
                {key("f_max_mhz"), fMaxJson(fMax)},
                {key("cycles_per_etu"), known ? QJsonValue(static_cast<double>(fi) / di) : QJsonValue()},
                {key("bit_rate_at_3_5795_mhz"), known ? QJsonValue(AtrInfo::kDefaultClockHz * di / fi) : QJsonValue()},
                {key("bit_rate_at_f_max"), known ? QJsonValue(qint64(fMax) * 1000 * di / fi) : QJsonValue()}};
    }
    case Meaning::Vpp:
        return {{key("kind"), key("vpp")},
                {key("connected"), b.vppVolts() != 0},
                {key("vpp_volts"), b.vppVolts()},
                {key("ipp_milliamps"), b.vppMilliamps() ? QJsonValue(b.vppMilliamps()) : QJsonValue()}};
    case Meaning::ExtraGuardTime:
        return {{key("kind"), key("extra_guard_time")}, {key("n"), b.value}};
    case Meaning::SpecificMode:
        return {{key("kind"), key("specific_mode")},
                {key("protocol"), b.specificProtocol()},
                {key("changeable"), b.modeChangeable()},
                {key("implicit"), b.parametersImplicit()}};
    case Meaning::Vpp2:
        return {{key("kind"), key("vpp2")},
                {key("pi2"), b.value},
                {key("volts"), b.value >= 50 && b.value <= 250 ? QJsonValue(b.value / 10.0) : QJsonValue()}};
    case Meaning::WorkWaitingInteger:
        return {{key("kind"), key("wi")}, {key("wi"), b.value}};
    case Meaning::Protocol:
        return {{key("kind"), key("protocol")},          {key("protocol"), b.protocolType()},
                {key("global"), b.protocolType() == 15}, {key("ta"), bool(b.nextPresence() & 1)},
                {key("tb"), bool(b.nextPresence() & 2)}, {key("tc"), bool(b.nextPresence() & 4)},
                {key("td"), bool(b.nextPresence() & 8)}};
    case Meaning::Ifsc:
        return {{key("kind"), key("ifsc")}, {key("ifsc"), b.value}};
    case Meaning::Waiting:
        return {{key("kind"), key("bwi_cwi")}, {key("bwi"), b.bwi()}, {key("cwi"), b.cwi()}};
    case Meaning::ErrorDetection:
        return {{key("kind"), key("error_detection")}, {key("code"), b.crc() ? key("crc") : key("lrc")}};
    case Meaning::ClockStopAndClass: {
        static const char* const stops[] = {"not_supported", "state_l", "state_h", "no_preference"};
        QJsonArray classes;
        if (b.voltageClasses() & InterfaceByte::ClassA) {
            classes.append(key("A"));
        }
        if (b.voltageClasses() & InterfaceByte::ClassB) {
            classes.append(key("B"));
        }
        if (b.voltageClasses() & InterfaceByte::ClassC) {
            classes.append(key("C"));
        }
        return {{key("kind"), key("clock_stop_class")},
                {key("clock_stop"), key(stops[static_cast<int>(b.clockStop())])},
                {key("classes"), classes}};
    }
    case Meaning::Spu:
        return {{key("kind"), key("spu")},
                {key("use"), b.value == 0         ? key("not_used")
                             : b.spuProprietary() ? key("proprietary")
                                                  : key("standard")}};
    case Meaning::Undefined:
        return {{key("kind"), key("specific")}, {key("protocol"), b.protocol}};
    }
    return {};
}

QJsonObject statusJson(const StatusIndicator& s)
{
    static const char* const cycles[] = {
        "no_information",          "creation",    "initialisation", "operational_activated",
        "operational_deactivated", "termination", "proprietary",    "rfu"};
    QJsonObject o{
        {key("lcs"), hexOrNull(s.lcs)},
        {key("life_cycle"), s.lcs ? QJsonValue(key(cycles[static_cast<int>(lifeCycle(*s.lcs))])) : QJsonValue()},
        {key("sw"), s.sw ? QJsonValue(QString(AtrText::hexByte(*s.sw >> 8) + AtrText::hexByte(*s.sw))) : QJsonValue()}};
    return o;
}

QJsonValue decodedJson(const CompactTlvObject& o)
{
    if (const auto cs = o.cardService()) {
        static const char* const access[] = {"read_record", "get_data", "read_binary", "rfu"};
        return QJsonObject{{key("selection_by_full_df_name"), cs->selectionByFullDfName()},
                           {key("selection_by_partial_df_name"), cs->selectionByPartialDfName()},
                           {key("data_objects_in_ef_dir"), cs->dataObjectsInEfDir()},
                           {key("data_objects_in_ef_atr"), cs->dataObjectsInEfAtr()},
                           {key("access"), key(access[static_cast<int>(cs->access())])},
                           {key("has_mf"), cs->hasMasterFile()}};
    }
    if (const auto c = o.capabilities()) {
        QJsonObject json;
        if (c->selectionMethods) {
            json.insert(key("selection_methods"), QJsonObject{{key("value"), AtrText::hexByte(*c->selectionMethods)},
                                                              {key("df_by_full_name"), c->dfByFullName()},
                                                              {key("df_by_partial_name"), c->dfByPartialName()},
                                                              {key("df_by_path"), c->dfByPath()},
                                                              {key("df_by_file_identifier"), c->dfByFileIdentifier()},
                                                              {key("implicit_df"), c->implicitDfSelection()},
                                                              {key("short_ef_identifier"), c->shortEfIdentifier()},
                                                              {key("record_number"), c->recordNumber()},
                                                              {key("record_identifier"), c->recordIdentifier()}});
        }
        if (c->dataCoding) {
            static const char* const writes[] = {"one_time", "proprietary", "write_or", "write_and"};
            json.insert(key("data_coding"),
                        QJsonObject{{key("value"), AtrText::hexByte(*c->dataCoding)},
                                    {key("tlv_efs"), c->tlvEfs()},
                                    {key("write_behaviour"), key(writes[static_cast<int>(c->writeBehaviour())])},
                                    {key("ff_tag_valid"), c->ffTagValid()},
                                    {key("data_unit_quartets"), c->dataUnitQuartets()}});
        }
        if (c->chaining) {
            static const char* const channels[] = {"none", "interface_device", "card", "interface_device_and_card"};
            json.insert(key("chaining"), QJsonObject{{key("value"), AtrText::hexByte(*c->chaining)},
                                                     {key("command_chaining"), c->commandChaining()},
                                                     {key("extended_lc_le"), c->extendedLengths()},
                                                     {key("extended_length_info"), c->extendedLengthInfo()},
                                                     {key("channel_assignment"),
                                                      key(channels[static_cast<int>(c->channelAssignment())])},
                                                     {key("max_logical_channels"), c->maxLogicalChannels()}});
        }
        return json;
    }
    if (const auto s = o.status()) {
        return statusJson(*s);
    }
    if (const auto aid = o.applicationIdentifier()) {
        QJsonObject json{{key("rid"), AtrText::hex(aid->rid())}, {key("pix"), AtrText::hex(aid->pix())}};
        QJsonValue storage;
        if (aid->isPcscStorageCard()) {
            const QString standard = AtrText::storageStandard(aid->storageStandard());
            const QString card = AtrText::storageCardName(aid->storageCardName());
            storage = QJsonObject{{key("standard"), AtrText::hexByte(aid->storageStandard())},
                                  {key("standard_name"), standard.isEmpty() ? QJsonValue() : QJsonValue(standard)},
                                  {key("card_name"), QString(AtrText::hexByte(aid->storageCardName() >> 8) +
                                                             AtrText::hexByte(aid->storageCardName()))},
                                  {key("card"), card.isEmpty() ? QJsonValue() : QJsonValue(card)}};
        }
        json.insert(key("pcsc_storage_card"), storage);
        return json;
    }
    return QJsonValue();
}

QJsonObject historicalJson(const HistoricalBytes& h)
{
    static const char* const categories[] = {
        "none", "compact_tlv_and_status", "dir_data_reference", "compact_tlv", "rfu", "proprietary"};
    static const char* const names[16] = {nullptr,
                                          "country_code",
                                          "issuer_identification",
                                          "card_service_data",
                                          "initial_access_data",
                                          "card_issuer_data",
                                          "pre_issuing_data",
                                          "card_capabilities",
                                          "status_indicator",
                                          nullptr,
                                          nullptr,
                                          nullptr,
                                          nullptr,
                                          nullptr,
                                          nullptr,
                                          "application_identifier"};
    QJsonArray objects;
    for (const CompactTlvObject& o : h.objects) {
        const char* name = names[o.tag & 0x0F];
        // The tag as written: one hex digit in compact-TLV, "4F" for PC/SC's BER-TLV AID.
        objects.append(QJsonObject{{key("tag"), o.berTlv ? key("4F") : QString::number(o.tag, 16).toUpper()},
                                   {key("name"), name ? QJsonValue(key(name)) : QJsonValue()},
                                   {key("length"), o.length},
                                   {key("value"), AtrText::hex(o.value)},
                                   {key("offset"), o.offset},
                                   {key("encoding"), o.berTlv ? key("ber-tlv") : key("compact-tlv")},
                                   {key("truncated"), o.truncated()},
                                   {key("decoded"), decodedJson(o)}});
    }
    QJsonArray problems;
    for (const HistoricalBytes::Issue& i : h.issues) {
        problems.append(QJsonObject{{key("code"), historicalProblemCode(i.problem)},
                                    {key("message"), AtrText::historicalIssue(i)},
                                    {key("offset"), i.offset}});
    }
    return {{key("category_indicator"),
             h.bytes.isEmpty() ? QJsonValue() : QJsonValue(AtrText::hexByte(static_cast<quint8>(h.bytes.at(0))))},
            {key("category"), key(categories[static_cast<int>(h.category)])},
            {key("objects"), objects},
            {key("status_indicator"), h.status ? QJsonValue(statusJson(*h.status)) : QJsonValue()},
            {key("dir_data_reference"), hexOrNull(h.dirDataReference)},
            {key("problems"), problems}};
}
} // namespace

QJsonObject AtrReport::toJson(const AtrInfo& info) const
{
    QJsonObject o;
    o.insert(key("atr"), info.bytes.isEmpty() ? QJsonValue() : QJsonValue(AtrText::hex(info.bytes)));
    o.insert(key("valid"), info.valid());
    QJsonArray errors;
    QJsonArray warnings;
    for (const AtrIssue& i : info.issues) {
        (i.isError() ? errors : warnings).append(issueJson(i));
    }
    o.insert(key("errors"), errors);
    o.insert(key("warnings"), warnings);
    static const char* const conventions[] = {"direct", "inverse", "invalid"};
    o.insert(key("convention"),
             info.bytes.isEmpty() ? QJsonValue() : QJsonValue(key(conventions[static_cast<int>(info.convention)])));
    o.insert(key("ts"), info.bytes.isEmpty() ? QJsonValue() : QJsonValue(AtrText::hexByte(info.bytes.at(0))));
    o.insert(key("t0"), hexOrNull(info.t0));
    o.insert(key("historical_length"), info.historicalLength());

    QJsonArray bytes;
    for (const InterfaceByte& b : info.interfaceBytes) {
        bytes.append(QJsonObject{{key("name"), AtrText::name(b)},
                                 {key("value"), AtrText::hexByte(b.value)},
                                 {key("offset"), b.offset},
                                 {key("protocol"), b.protocol < 0 ? QJsonValue() : QJsonValue(b.protocol)},
                                 {key("meaning"), meaningJson(b)},
                                 {key("description"), AtrText::meaning(b)}});
    }
    o.insert(key("interface_bytes"), bytes);
    QJsonArray protocols;
    for (int t : info.protocols) {
        protocols.append(t);
    }
    o.insert(key("protocols"), protocols);

    const int fi = info.fi();
    const int di = info.di();
    const bool rates = fi && di;
    o.insert(key("fi"), fi ? QJsonValue(fi) : QJsonValue());
    o.insert(key("di"), di ? QJsonValue(di) : QJsonValue());
    o.insert(key("f_max_mhz"), fMaxJson(info.fMaxKHz()));
    o.insert(key("cycles_per_etu"), rates ? QJsonValue(static_cast<double>(fi) / di) : QJsonValue());
    o.insert(key("bit_rate"),
             rates ? QJsonValue(QJsonObject{{key("clock_hz"), AtrInfo::kDefaultClockHz},
                                            {key("bits_per_second"), info.bitRate(AtrInfo::kDefaultClockHz)},
                                            {key("at_f_max"), info.bitRate(info.fMaxKHz() * 1000LL)}})
                   : QJsonValue());
    o.insert(key("extra_guard_time"), info.extraGuardTime());
    const InterfaceByte* ta2 = info.find(Meaning::SpecificMode);
    o.insert(key("specific_mode"), ta2 ? QJsonValue(meaningJson(*ta2)) : QJsonValue());
    o.insert(key("wi"), info.workWaitingInteger());
    if (info.ifsc()) {
        o.insert(key("t1"), QJsonObject{{key("ifsc"), *info.ifsc()},
                                        {key("bwi"), *info.bwi()},
                                        {key("cwi"), *info.cwi()},
                                        {key("cwt_etu"), 11 + (1 << *info.cwi())},
                                        {key("error_detection"), *info.crc() ? key("crc") : key("lrc")}});
    } else {
        o.insert(key("t1"), QJsonValue());
    }
    const InterfaceByte* classByte = info.find(Meaning::ClockStopAndClass);
    const QJsonObject classJson = classByte ? meaningJson(*classByte) : QJsonObject();
    o.insert(key("clock_stop"), classByte ? classJson.value(key("clock_stop")) : QJsonValue());
    o.insert(key("voltage_classes"), classByte ? classJson.value(key("classes")) : QJsonValue());
    const InterfaceByte* spu = info.find(Meaning::Spu);
    o.insert(key("spu"), spu ? meaningJson(*spu).value(key("use")) : QJsonValue());

    o.insert(key("historical_bytes"), AtrText::hex(info.historical.bytes));
    o.insert(key("historical"), historicalJson(info.historical));
    o.insert(key("tck"), hexOrNull(info.tck));
    o.insert(key("tck_expected"), info.tckExpected);
    o.insert(key("tck_valid"), info.tckValid ? QJsonValue(*info.tckValid) : QJsonValue());
    o.insert(key("card_names"), QJsonArray::fromStringList(m_smartcardList.cardNames(info.bytes)));
    return o;
}

} // namespace tokendesk
