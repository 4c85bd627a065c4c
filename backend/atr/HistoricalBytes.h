#pragma once

#include <QByteArray>
#include <QList>
#include <optional>

namespace tokendesk {

/// The life cycle status byte (LCS) of ISO 7816-4, table 13.
enum class LifeCycle
{
    NoInformation,          ///< 00
    Creation,               ///< 01
    Initialisation,         ///< 03
    OperationalActivated,   ///< 05, 07
    OperationalDeactivated, ///< 04, 06
    Termination,            ///< 0C to 0F
    Proprietary,            ///< above 0F
    Rfu,                    ///< 02, 08 to 0B
};
[[nodiscard]] LifeCycle lifeCycle(quint8 lcs);

/// The status indicator: a life cycle status byte, a status word, or both.
struct StatusIndicator
{
    std::optional<quint8> lcs;
    std::optional<quint16> sw;

    bool operator==(const StatusIndicator& o) const { return lcs == o.lcs && sw == o.sw; }
    bool operator!=(const StatusIndicator& o) const { return !(*this == o); }
};

/// Compact-TLV tag 3, the card service data byte (ISO 7816-4, table 85).
struct CardServiceData
{
    /// How EF.DIR and EF.ATR are read (b4 to b2).
    enum class Access
    {
        ReadRecord, ///< 000
        GetData,    ///< 010
        ReadBinary, ///< 100
        Rfu,
    };

    quint8 value = 0;

    bool selectionByFullDfName() const { return value & 0x80; }
    bool selectionByPartialDfName() const { return value & 0x40; }
    bool dataObjectsInEfDir() const { return value & 0x20; }
    bool dataObjectsInEfAtr() const { return value & 0x10; }
    Access access() const
    {
        switch ((value >> 1) & 0x07) {
        case 0:
            return Access::ReadRecord;
        case 2:
            return Access::GetData;
        case 4:
            return Access::ReadBinary;
        default:
            return Access::Rfu;
        }
    }
    bool hasMasterFile() const { return !(value & 0x01); }

    bool operator==(const CardServiceData& o) const { return value == o.value; }
};

/// Compact-TLV tag 7, card capabilities: the three software function tables
/// of ISO 7816-4 (tables 86 to 88), of which a card gives one to three.
struct CardCapabilities
{
    enum class WriteBehaviour
    {
        OneTime,
        Proprietary,
        WriteOr,
        WriteAnd,
    };
    enum class ChannelAssignment
    {
        None,
        ByInterfaceDevice,
        ByCard,
        ByBoth,
    };

    std::optional<quint8> selectionMethods; ///< first table
    std::optional<quint8> dataCoding;       ///< second table
    std::optional<quint8> chaining;         ///< third table: chaining, length fields, logical channels

    // First table.
    bool dfByFullName() const { return selectionMethods.value_or(0) & 0x80; }
    bool dfByPartialName() const { return selectionMethods.value_or(0) & 0x40; }
    bool dfByPath() const { return selectionMethods.value_or(0) & 0x20; }
    bool dfByFileIdentifier() const { return selectionMethods.value_or(0) & 0x10; }
    bool implicitDfSelection() const { return selectionMethods.value_or(0) & 0x08; }
    bool shortEfIdentifier() const { return selectionMethods.value_or(0) & 0x04; }
    bool recordNumber() const { return selectionMethods.value_or(0) & 0x02; }
    bool recordIdentifier() const { return selectionMethods.value_or(0) & 0x01; }
    // Second table.
    bool tlvEfs() const { return dataCoding.value_or(0) & 0x80; }
    WriteBehaviour writeBehaviour() const { return static_cast<WriteBehaviour>((dataCoding.value_or(0) >> 5) & 0x03); }
    bool ffTagValid() const { return dataCoding.value_or(0) & 0x10; }
    /// The data unit size, in quartets (2 quartets = 1 byte).
    int dataUnitQuartets() const { return 1 << (dataCoding.value_or(0) & 0x0F); }
    // Third table.
    bool commandChaining() const { return chaining.value_or(0) & 0x80; }
    bool extendedLengths() const { return chaining.value_or(0) & 0x40; }
    /// ISO 7816-4:2013: extended length information in EF.ATR/INFO (RFU before).
    bool extendedLengthInfo() const { return chaining.value_or(0) & 0x20; }
    ChannelAssignment channelAssignment() const
    {
        const int bits = (chaining.value_or(0) >> 3) & 0x03;
        return bits == 0   ? ChannelAssignment::None
               : bits == 1 ? ChannelAssignment::ByInterfaceDevice
               : bits == 2 ? ChannelAssignment::ByCard
                           : ChannelAssignment::ByBoth;
    }
    /// 8 means "8 or more".
    int maxLogicalChannels() const { return (chaining.value_or(0) & 0x07) + 1; }

    bool operator==(const CardCapabilities& o) const
    {
        return selectionMethods == o.selectionMethods && dataCoding == o.dataCoding && chaining == o.chaining;
    }
};

/// Compact-TLV tag F: an application identifier, RID (5 bytes) and PIX.
struct ApplicationIdentifier
{
    QByteArray aid;

    QByteArray rid() const { return aid.left(5); }
    QByteArray pix() const { return aid.mid(5); }
    /// PC/SC part 3: a storage card (memory card behind a contactless reader)
    /// describes itself with RID A0 00 00 03 06, a standard byte and a card name.
    bool isPcscStorageCard() const;
    /// The standard byte (SS), e.g. 03 for ISO 14443 A part 3.
    quint8 storageStandard() const;
    /// The card name (NN NN), e.g. 0001 for a MIFARE Classic 1K.
    quint16 storageCardName() const;

    bool operator==(const ApplicationIdentifier& o) const { return aid == o.aid; }
};

/// One compact-TLV data object of the historical bytes (ISO 7816-4, 8.1.1):
/// a byte with the tag in the high nibble and the length in the low one, then the value.
struct CompactTlvObject
{
    /// Tags 1 to 8 and F of ISO 7816-4; the others are not defined.
    enum Tag : quint8
    {
        CountryCode = 0x1,
        IssuerIdentification = 0x2,
        CardService = 0x3,
        InitialAccessData = 0x4,
        CardIssuerData = 0x5,
        PreIssuingData = 0x6,
        Capabilities = 0x7,
        Status = 0x8,
        ApplicationId = 0xF,
    };

    quint8 tag = 0;
    int length = 0;   ///< as announced
    QByteArray value; ///< as present: shorter than `length` when the bytes end first
    int offset = 0;   ///< of the tag byte, in the historical bytes
    /// PC/SC part 3 storage cards write the AID as BER-TLV "4F LL ...", which
    /// compact-TLV would read as tag 4 with length 15. Then `tag` is F.
    bool berTlv = false;

    bool truncated() const { return value.size() < length; }

    // The value decoded according to the tag; empty for other tags or a wrong length.
    std::optional<CardServiceData> cardService() const;
    std::optional<CardCapabilities> capabilities() const;
    std::optional<StatusIndicator> status() const;
    std::optional<ApplicationIdentifier> applicationIdentifier() const;

    bool operator==(const CompactTlvObject& o) const
    {
        return tag == o.tag && length == o.length && value == o.value && offset == o.offset && berTlv == o.berTlv;
    }
};

/// The historical bytes (T1 ... TK) of an ATR, decoded per ISO 7816-4 8.1.1 and 8.2.
struct HistoricalBytes
{
    enum class Category
    {
        None,                ///< no historical bytes
        CompactTlvAndStatus, ///< 00: compact-TLV objects, then a 3-byte status indicator
        DirDataReference,    ///< 10: one byte, a DIR data reference
        CompactTlv,          ///< 80: compact-TLV objects, maybe a status indicator (tag 8)
        Rfu,                 ///< 81 to 8F
        Proprietary,         ///< anything else
    };
    enum class Problem
    {
        MissingStatusIndicator, ///< category 00 with fewer than 3 bytes after it
        TruncatedObject,        ///< a compact-TLV object longer than the bytes left
        BadObjectLength,        ///< tag 3, 7 or 8 with a length the tag does not allow
        MissingDirDataReference,
    };
    struct Issue
    {
        Problem problem = Problem::TruncatedObject;
        int offset = 0; ///< in the historical bytes
        bool operator==(const Issue& o) const { return problem == o.problem && offset == o.offset; }
    };

    QByteArray bytes;
    Category category = Category::None;
    QList<CompactTlvObject> objects;
    /// The last 3 bytes (category 00) or the value of tag 8 (category 80).
    std::optional<StatusIndicator> status;
    std::optional<quint8> dirDataReference;
    QList<Issue> issues;

    /// Decodes historical bytes; never fails, problems land in `issues`.
    [[nodiscard]] static HistoricalBytes parse(const QByteArray& bytes);
    /// Reads compact-TLV objects from `data` (offsets start at `baseOffset`).
    [[nodiscard]] static QList<CompactTlvObject> parseCompactTlv(const QByteArray& data, int baseOffset,
                                                                 QList<Issue>* issues);

    bool operator==(const HistoricalBytes& o) const
    {
        return bytes == o.bytes && category == o.category && objects == o.objects && status == o.status &&
               dirDataReference == o.dirDataReference && issues == o.issues;
    }
    bool operator!=(const HistoricalBytes& o) const { return !(*this == o); }
};

} // namespace tokendesk
