#pragma once

#include "HistoricalBytes.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace tokendesk {

/// ISO 7816-3 tables for TA1. Each returns 0 for an RFU index.
namespace iso7816 {
/// Clock rate conversion integer Fi for TA1's high nibble (0 to 15).
[[nodiscard]] int fi(int index);
/// Baud rate adjustment integer Di for TA1's low nibble (0 to 15).
[[nodiscard]] int di(int index);
/// The highest clock frequency the card accepts with that Fi, in kHz.
[[nodiscard]] int fMaxKHz(int index);
} // namespace iso7816

/// What TS says about how the card encodes bits.
enum class AtrConvention
{
    Direct,  ///< 3B
    Inverse, ///< 3F
    Invalid, ///< anything else, e.g. a memory card's answer
};

/// Something wrong or odd in an ATR. The numbers say what and where; the
/// sentences are the UI's business.
struct AtrIssue
{
    enum class Code
    {
        // The text is not hex: nothing was analysed.
        EmptyInput,
        OddNumberOfDigits,
        InvalidCharacter, ///< offset: character position; actual: the character (UTF-16 code)

        // Errors: the ATR breaks ISO 7816-3.
        InvalidTs,               ///< actual: TS
        TruncatedInterfaceBytes, ///< expected: bytes T0 and the TDs announce so far; actual: bytes present
        MissingHistoricalBytes,  ///< expected: K; actual: historical bytes present
        MissingTck,              ///< offset: where it should be
        WrongTck,                ///< offset; expected: the value that would check; actual: TCK
        TooLong,                 ///< expected: 33; actual: length
        ExtraBytes,              ///< offset: of the first one; actual: how many

        // Warnings: readable, but not what ISO 7816-3 asks for.
        T15InTd1,              ///< TD1 may not announce T=15
        ProtocolsNotAscending, ///< TDi must list protocols in ascending order
        RfuFi,                 ///< offset: TA1
        RfuDi,                 ///< offset: TA1
        RfuIfsc,               ///< offset: the TA; IFSC 00 and FF are reserved
        RfuBwi,                ///< offset: the TB; BWI above 9 is reserved
        UnexpectedTck,         ///< only T=0 is offered, yet the one byte after the historical bytes checks as a TCK
    };

    Code code = Code::EmptyInput;
    int offset = -1;
    int expected = 0;
    int actual = 0;

    /// Errors make the ATR invalid; the rest are warnings.
    bool isError() const { return code < Code::T15InTd1; }

    bool operator==(const AtrIssue& o) const
    {
        return code == o.code && offset == o.offset && expected == o.expected && actual == o.actual;
    }
    bool operator!=(const AtrIssue& o) const { return !(*this == o); }
};

/// One TAi, TBi, TCi or TDi and what it means where it stands.
struct InterfaceByte
{
    enum class Kind
    {
        TA,
        TB,
        TC,
        TD,
    };
    enum class Meaning
    {
        FiDi,               ///< TA1: Fi, Di, f max
        Vpp,                ///< TB1: programming voltage (deprecated since ISO 7816-3:2006)
        ExtraGuardTime,     ///< TC1: N
        SpecificMode,       ///< TA2
        Vpp2,               ///< TB2: PI2 (deprecated)
        WorkWaitingInteger, ///< TC2: WI, for T=0
        Protocol,           ///< TDi: Y(i+1) and T
        Ifsc,               ///< T=1: first TAi (i > 2)
        Waiting,            ///< T=1: first TBi, BWI and CWI
        ErrorDetection,     ///< T=1: first TCi, LRC or CRC
        ClockStopAndClass,  ///< T=15: first TAi, clock stop indicator and class indicator
        Spu,                ///< T=15: first TBi, use of C6 (standard or proprietary)
        Undefined,          ///< specific to a protocol this parser does not know
    };
    /// Clock stop indicator (XI), TAi after T=15, bits 8 and 7.
    enum class ClockStop
    {
        NotSupported,
        StateL,
        StateH,
        NoPreference,
    };
    /// Class indicator (UI) bits, TAi after T=15.
    enum VoltageClass : quint8
    {
        ClassA = 0x01, ///< 5 V
        ClassB = 0x02, ///< 3 V
        ClassC = 0x04, ///< 1.8 V
    };

    Kind kind = Kind::TA;
    int index = 1; ///< the i of TAi
    quint8 value = 0;
    int offset = 0;    ///< in the ATR
    int protocol = -1; ///< T of TD(i-1); -1 for i = 1
    Meaning meaning = Meaning::Undefined;

    // TA1
    int fiIndex() const { return value >> 4; }
    int diIndex() const { return value & 0x0F; }
    // TB1 (deprecated): I in mA (0 when RFU), PI1 in volts; 0 means VPP is not connected.
    int vppMilliamps() const { return value >> 5 == 0 ? 25 : value >> 5 == 1 ? 50 : value >> 5 == 2 ? 100 : 0; }
    int vppVolts() const { return value & 0x1F; }
    // TA2
    int specificProtocol() const { return value & 0x0F; }
    bool modeChangeable() const { return !(value & 0x80); }
    bool parametersImplicit() const { return value & 0x10; }
    // TDi
    int nextPresence() const { return value >> 4; }
    int protocolType() const { return value & 0x0F; }
    // T=1
    int bwi() const { return value >> 4; }
    int cwi() const { return value & 0x0F; }
    bool crc() const { return value & 0x01; }
    // T=15
    ClockStop clockStop() const { return static_cast<ClockStop>(value >> 6); }
    quint8 voltageClasses() const { return value & 0x3F; }
    bool spuProprietary() const { return value & 0x80; }

    bool operator==(const InterfaceByte& o) const
    {
        return kind == o.kind && index == o.index && value == o.value && offset == o.offset && protocol == o.protocol &&
               meaning == o.meaning;
    }
};

/// An ATR broken down per ISO 7816-3, with the historical bytes per ISO 7816-4.
/// A snapshot: filled by AtrParser, compared and copied.
struct AtrInfo
{
    static constexpr int kMaxLength = 33;
    /// The clock most readers give a card (the NTSC colour burst, 3.5795 MHz).
    static constexpr qint64 kDefaultClockHz = 3579545;

    QByteArray bytes;
    QList<AtrIssue> issues;
    AtrConvention convention = AtrConvention::Invalid;
    std::optional<quint8> t0;
    QList<InterfaceByte> interfaceBytes;
    /// T values the TDi offer, in order, without 15; {0} without TD1. Empty when unknown.
    QList<int> protocols;
    /// A TCK is due: some TDi names a protocol other than T=0.
    bool tckExpected = false;
    /// The check byte; also one a T=0 card sends without being asked (see UnexpectedTck).
    std::optional<quint8> tck;
    /// XOR of T0 to TCK is 0; empty without a TCK.
    std::optional<bool> tckValid;
    HistoricalBytes historical;

    bool valid() const;
    QList<AtrIssue> errors() const;
    QList<AtrIssue> warnings() const;
    bool hasIssue(AtrIssue::Code code) const;

    /// K, from T0: how many historical bytes the card announces.
    int historicalLength() const { return t0 ? (*t0 & 0x0F) : 0; }
    const InterfaceByte* find(InterfaceByte::Kind kind, int index) const;
    /// The first byte with that meaning (e.g. the first T=1 TA, the IFSC).
    const InterfaceByte* find(InterfaceByte::Meaning meaning) const;

    // Global parameters, with the ISO defaults when the byte is absent.
    /// Fi as TA1 encodes it, 372 without TA1; 0 for an RFU value.
    int fi() const;
    /// Di as TA1 encodes it, 1 without TA1; 0 for an RFU value.
    int di() const;
    /// f max for Fi (5 MHz without TA1), in kHz; 0 for an RFU value.
    int fMaxKHz() const;
    /// The bit rate after PPS with TA1's Fi and Di at `clockHz`; 0 for RFU values.
    qint64 bitRate(qint64 clockHz) const;
    /// TC1: extra guard time N in ETU (255: the minimum, 12 ETU for T=0, 11 for T=1).
    int extraGuardTime() const;
    /// TC2: waiting time integer for T=0, 10 without TC2.
    int workWaitingInteger() const;

    // T=1, with the ISO defaults when it is offered but the byte is absent; empty when T=1 is not offered.
    std::optional<int> ifsc() const;
    std::optional<int> bwi() const;
    std::optional<int> cwi() const;
    std::optional<bool> crc() const;

    bool operator==(const AtrInfo& o) const
    {
        return bytes == o.bytes && issues == o.issues && convention == o.convention && t0 == o.t0 &&
               interfaceBytes == o.interfaceBytes && protocols == o.protocols && tckExpected == o.tckExpected &&
               tck == o.tck && tckValid == o.tckValid && historical == o.historical;
    }
    bool operator!=(const AtrInfo& o) const { return !(*this == o); }
};

} // namespace tokendesk
