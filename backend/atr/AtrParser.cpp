#include "AtrParser.h"

namespace tokendesk {

namespace {
using Kind = InterfaceByte::Kind;
using Meaning = InterfaceByte::Meaning;
using Code = AtrIssue::Code;

constexpr Kind kKinds[] = {Kind::TA, Kind::TB, Kind::TC, Kind::TD};

quint8 at(const QByteArray& bytes, int i)
{
    return static_cast<quint8>(bytes.at(i));
}

int hexDigit(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9') {
        return u - u'0';
    }
    if (u >= u'a' && u <= u'f') {
        return u - u'a' + 10;
    }
    if (u >= u'A' && u <= u'F') {
        return u - u'A' + 10;
    }
    return -1;
}

/// Which protocol-specific bytes have been seen already: only the first TA, TB
/// and TC for T=1 and for T=15 have a meaning ISO 7816-3 defines.
struct SeenSpecific
{
    bool t1[3] = {false, false, false};
    bool t15[2] = {false, false};
};

Meaning meaningOf(Kind kind, int index, int protocol, SeenSpecific& seen)
{
    if (kind == Kind::TD) {
        return Meaning::Protocol;
    }
    const int k = static_cast<int>(kind);
    if (index == 1) {
        static constexpr Meaning first[] = {Meaning::FiDi, Meaning::Vpp, Meaning::ExtraGuardTime};
        return first[k];
    }
    if (index == 2) {
        static constexpr Meaning second[] = {Meaning::SpecificMode, Meaning::Vpp2, Meaning::WorkWaitingInteger};
        return second[k];
    }
    if (protocol == 1 && !seen.t1[k]) {
        seen.t1[k] = true;
        static constexpr Meaning t1[] = {Meaning::Ifsc, Meaning::Waiting, Meaning::ErrorDetection};
        return t1[k];
    }
    if (protocol == 15 && k < 2 && !seen.t15[k]) {
        seen.t15[k] = true;
        return k == 0 ? Meaning::ClockStopAndClass : Meaning::Spu;
    }
    return Meaning::Undefined;
}

void checkValues(AtrInfo& info)
{
    for (const InterfaceByte& b : std::as_const(info.interfaceBytes)) {
        if (b.meaning == Meaning::FiDi) {
            if (iso7816::fi(b.fiIndex()) == 0) {
                info.issues.append({Code::RfuFi, b.offset, 0, b.value});
            }
            if (iso7816::di(b.diIndex()) == 0) {
                info.issues.append({Code::RfuDi, b.offset, 0, b.value});
            }
        } else if (b.meaning == Meaning::Ifsc && (b.value == 0x00 || b.value == 0xFF)) {
            info.issues.append({Code::RfuIfsc, b.offset, 0, b.value});
        } else if (b.meaning == Meaning::Waiting && b.bwi() > 9) {
            info.issues.append({Code::RfuBwi, b.offset, 0, b.value});
        }
    }
}

/// Reads T0 and the interface bytes from offset 1; returns the offset after them,
/// or -1 when the ATR ends before the last one T0 and the TDs announce.
int readInterfaceBytes(AtrInfo& info)
{
    const QByteArray& atr = info.bytes;
    int pos = 2;
    int presence = *info.t0 >> 4;
    int index = 1;
    int protocol = -1;
    SeenSpecific seen;
    QList<int> announced; // every T, 15 included, for the ordering check
    while (true) {
        int nextPresence = 0;
        bool hasTd = false;
        for (int k = 0; k < 4; ++k) {
            if (!(presence & (1 << k))) {
                continue;
            }
            if (pos >= atr.size()) {
                int missing = 0;
                for (int r = k; r < 4; ++r) {
                    missing += (presence >> r) & 1;
                }
                info.issues.append({Code::TruncatedInterfaceBytes, pos, pos + missing, static_cast<int>(atr.size())});
                return -1;
            }
            InterfaceByte b;
            b.kind = kKinds[k];
            b.index = index;
            b.value = at(atr, pos);
            b.offset = pos;
            b.protocol = protocol;
            b.meaning = meaningOf(b.kind, index, protocol, seen);
            info.interfaceBytes.append(b);
            ++pos;
            if (b.kind == Kind::TD) {
                hasTd = true;
                nextPresence = b.nextPresence();
                protocol = b.protocolType();
                if (index == 1 && protocol == 15) {
                    info.issues.append({Code::T15InTd1, b.offset, 0, b.value});
                }
                if (!announced.isEmpty() && protocol < announced.constLast()) {
                    info.issues.append({Code::ProtocolsNotAscending, b.offset, announced.constLast(), protocol});
                }
                announced.append(protocol);
                if (protocol != 15 && !info.protocols.contains(protocol)) {
                    info.protocols.append(protocol);
                }
                if (protocol != 0) {
                    info.tckExpected = true;
                }
            }
        }
        if (!hasTd) {
            return pos;
        }
        presence = nextPresence;
        ++index;
    }
}
} // namespace

Result<QByteArray, AtrIssue> AtrParser::hexToBytes(const QString& text)
{
    QByteArray bytes;
    int high = -1;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == QLatin1Char(':')) {
            continue;
        }
        const int d = hexDigit(c);
        if (d < 0) {
            return AtrIssue{Code::InvalidCharacter, i, 0, c.unicode()};
        }
        if (high < 0) {
            high = d;
        } else {
            bytes.append(static_cast<char>(high << 4 | d));
            high = -1;
        }
    }
    if (high >= 0) {
        return AtrIssue{Code::OddNumberOfDigits, -1, 0, static_cast<int>(bytes.size() * 2 + 1)};
    }
    if (bytes.isEmpty()) {
        return AtrIssue{Code::EmptyInput, -1, 0, 0};
    }
    return bytes;
}

AtrInfo AtrParser::parseHex(const QString& text)
{
    const auto bytes = hexToBytes(text);
    if (!bytes) {
        AtrInfo info;
        info.issues.append(bytes.error());
        return info;
    }
    return parse(bytes.value());
}

AtrInfo AtrParser::parse(const QByteArray& atr)
{
    AtrInfo info;
    info.bytes = atr;
    if (atr.isEmpty()) {
        info.issues.append({Code::EmptyInput, -1, 0, 0});
        return info;
    }
    const quint8 ts = at(atr, 0);
    info.convention = ts == 0x3B ? AtrConvention::Direct : ts == 0x3F ? AtrConvention::Inverse : AtrConvention::Invalid;
    if (info.convention == AtrConvention::Invalid) {
        info.issues.append({Code::InvalidTs, 0, 0, ts});
    }
    if (atr.size() > AtrInfo::kMaxLength) {
        info.issues.append({Code::TooLong, -1, AtrInfo::kMaxLength, static_cast<int>(atr.size())});
    }
    if (atr.size() < 2) {
        info.issues.append({Code::TruncatedInterfaceBytes, 1, 2, static_cast<int>(atr.size())});
        return info;
    }
    info.t0 = at(atr, 1);

    const int end = readInterfaceBytes(info);
    const bool td1Missing = end < 0 && (*info.t0 & 0x80) && !info.find(Kind::TD, 1);
    if (info.protocols.isEmpty() && !td1Missing) {
        info.protocols.append(0); // no TD1, or only T=15: T=0 by default
    }
    checkValues(info);
    if (end < 0) {
        return info;
    }

    const int k = info.historicalLength();
    const int left = static_cast<int>(atr.size()) - end;
    info.historical = HistoricalBytes::parse(atr.mid(end, std::min(k, left)));
    if (left < k) {
        info.issues.append({Code::MissingHistoricalBytes, static_cast<int>(atr.size()), k, left});
    }
    int extra = left - k;
    if (info.tckExpected) {
        if (left <= k) {
            info.issues.append({Code::MissingTck, end + k, 0, 0});
        } else {
            const int tckOffset = end + k;
            info.tck = at(atr, tckOffset);
            quint8 sum = 0;
            for (int i = 1; i <= tckOffset; ++i) {
                sum ^= at(atr, i);
            }
            info.tckValid = sum == 0;
            if (sum != 0) {
                info.issues.append({Code::WrongTck, tckOffset, sum ^ *info.tck, *info.tck});
            }
            --extra;
        }
    }
    if (extra == 1 && !info.tckExpected) {
        // Some T=0 cards send a TCK all the same. When the byte checks, it is one: odd, not broken.
        const int last = static_cast<int>(atr.size()) - 1;
        quint8 sum = 0;
        for (int i = 1; i <= last; ++i) {
            sum ^= at(atr, i);
        }
        if (sum == 0) {
            info.tck = at(atr, last);
            info.tckValid = true;
            info.issues.append({Code::UnexpectedTck, last, 0, *info.tck});
            extra = 0;
        }
    }
    if (extra > 0) {
        info.issues.append({Code::ExtraBytes, static_cast<int>(atr.size()) - extra, 0, extra});
    }
    return info;
}

} // namespace tokendesk
