#include "HistoricalBytes.h"

#include <utility>

namespace tokendesk {

namespace {
quint8 at(const QByteArray& bytes, int i)
{
    return static_cast<quint8>(bytes.at(i));
}

constexpr quint8 kBerTlvAidTag = 0x4F;
} // namespace

LifeCycle lifeCycle(quint8 lcs)
{
    if (lcs > 0x0F) {
        return LifeCycle::Proprietary;
    }
    switch (lcs) {
    case 0x00:
        return LifeCycle::NoInformation;
    case 0x01:
        return LifeCycle::Creation;
    case 0x03:
        return LifeCycle::Initialisation;
    case 0x05:
    case 0x07:
        return LifeCycle::OperationalActivated;
    case 0x04:
    case 0x06:
        return LifeCycle::OperationalDeactivated;
    case 0x0C:
    case 0x0D:
    case 0x0E:
    case 0x0F:
        return LifeCycle::Termination;
    default:
        return LifeCycle::Rfu;
    }
}

bool ApplicationIdentifier::isPcscStorageCard() const
{
    static const QByteArray pcscRid = QByteArray::fromHex("A000000306");
    return aid.size() >= 8 && aid.startsWith(pcscRid);
}

quint8 ApplicationIdentifier::storageStandard() const
{
    return isPcscStorageCard() ? at(aid, 5) : 0;
}

quint16 ApplicationIdentifier::storageCardName() const
{
    return isPcscStorageCard() ? static_cast<quint16>(at(aid, 6) << 8 | at(aid, 7)) : 0;
}

std::optional<CardServiceData> CompactTlvObject::cardService() const
{
    if (tag != CardService || value.size() != 1 || length != 1) {
        return std::nullopt;
    }
    return CardServiceData{at(value, 0)};
}

std::optional<CardCapabilities> CompactTlvObject::capabilities() const
{
    if (tag != Capabilities || value.isEmpty() || value.size() > 3) {
        return std::nullopt;
    }
    CardCapabilities c;
    c.selectionMethods = at(value, 0);
    if (value.size() > 1) {
        c.dataCoding = at(value, 1);
    }
    if (value.size() > 2) {
        c.chaining = at(value, 2);
    }
    return c;
}

std::optional<StatusIndicator> CompactTlvObject::status() const
{
    if (tag != Status || truncated()) {
        return std::nullopt;
    }
    StatusIndicator s;
    switch (value.size()) {
    case 1:
        s.lcs = at(value, 0);
        break;
    case 2:
        s.sw = static_cast<quint16>(at(value, 0) << 8 | at(value, 1));
        break;
    case 3:
        s.lcs = at(value, 0);
        s.sw = static_cast<quint16>(at(value, 1) << 8 | at(value, 2));
        break;
    default:
        return std::nullopt;
    }
    return s;
}

std::optional<ApplicationIdentifier> CompactTlvObject::applicationIdentifier() const
{
    if (tag != ApplicationId || value.isEmpty()) {
        return std::nullopt;
    }
    return ApplicationIdentifier{value};
}

QList<CompactTlvObject> HistoricalBytes::parseCompactTlv(const QByteArray& data, int baseOffset, QList<Issue>* issues)
{
    QList<CompactTlvObject> objects;
    int i = 0;
    while (i < data.size()) {
        const quint8 first = at(data, i);
        CompactTlvObject o;
        o.offset = baseOffset + i;
        o.tag = first >> 4;
        o.length = first & 0x0F;
        const int left = data.size() - i - 1;
        // "4F LL" with exactly LL bytes left is PC/SC part 3's BER-TLV AID; as compact-TLV
        // (tag 4, length 15) it would run past the end.
        if (first == kBerTlvAidTag && left >= 1 && left < 15 && at(data, i + 1) == left - 1) {
            o.tag = CompactTlvObject::ApplicationId;
            o.length = left - 1;
            o.berTlv = true;
            o.value = data.mid(i + 2);
            objects.append(o);
            break;
        }
        o.value = data.mid(i + 1, o.length);
        if (o.truncated() && issues) {
            issues->append({Problem::TruncatedObject, o.offset});
        }
        const bool badLength = (o.tag == CompactTlvObject::CardService && o.length != 1) ||
                               ((o.tag == CompactTlvObject::Capabilities || o.tag == CompactTlvObject::Status) &&
                                (o.length < 1 || o.length > 3));
        if (badLength && issues) {
            issues->append({Problem::BadObjectLength, o.offset});
        }
        objects.append(o);
        i += 1 + o.length;
    }
    return objects;
}

HistoricalBytes HistoricalBytes::parse(const QByteArray& bytes)
{
    HistoricalBytes h;
    h.bytes = bytes;
    if (bytes.isEmpty()) {
        return h;
    }
    const quint8 indicator = at(bytes, 0);
    const QByteArray rest = bytes.mid(1);
    if (indicator == 0x00) {
        h.category = Category::CompactTlvAndStatus;
        if (rest.size() < 3) {
            h.issues.append({Problem::MissingStatusIndicator, 1});
            return h;
        }
        h.objects = parseCompactTlv(rest.left(rest.size() - 3), 1, &h.issues);
        const int s = rest.size() - 3;
        h.status = StatusIndicator{at(rest, s), static_cast<quint16>(at(rest, s + 1) << 8 | at(rest, s + 2))};
    } else if (indicator == 0x80) {
        h.category = Category::CompactTlv;
        h.objects = parseCompactTlv(rest, 1, &h.issues);
        for (const CompactTlvObject& o : std::as_const(h.objects)) {
            if (const auto s = o.status()) {
                h.status = s;
                break;
            }
        }
    } else if (indicator == 0x10) {
        h.category = Category::DirDataReference;
        if (rest.isEmpty()) {
            h.issues.append({Problem::MissingDirDataReference, 1});
        } else {
            h.dirDataReference = at(rest, 0);
        }
    } else if (indicator > 0x80 && indicator <= 0x8F) {
        h.category = Category::Rfu;
    } else {
        h.category = Category::Proprietary;
    }
    return h;
}

} // namespace tokendesk
