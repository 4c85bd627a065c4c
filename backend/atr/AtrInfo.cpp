#include "AtrInfo.h"

#include <algorithm>

namespace tokendesk {

namespace iso7816 {
// ISO 7816-3:2006, tables 7 and 8.
int fi(int index)
{
    static constexpr int table[16] = {372, 372, 558, 744, 1116, 1488, 1860, 0, 0, 512, 768, 1024, 1536, 2048, 0, 0};
    return index >= 0 && index < 16 ? table[index] : 0;
}

int di(int index)
{
    static constexpr int table[16] = {0, 1, 2, 4, 8, 16, 32, 64, 12, 20, 0, 0, 0, 0, 0, 0};
    return index >= 0 && index < 16 ? table[index] : 0;
}

int fMaxKHz(int index)
{
    static constexpr int table[16] = {4000, 5000, 6000, 8000,  12000, 16000, 20000, 0,
                                      0,    5000, 7500, 10000, 15000, 20000, 0,     0};
    return index >= 0 && index < 16 ? table[index] : 0;
}
} // namespace iso7816

bool AtrInfo::valid() const
{
    return std::none_of(issues.cbegin(), issues.cend(), [](const AtrIssue& i) { return i.isError(); });
}

QList<AtrIssue> AtrInfo::errors() const
{
    QList<AtrIssue> result;
    std::copy_if(issues.cbegin(), issues.cend(), std::back_inserter(result),
                 [](const AtrIssue& i) { return i.isError(); });
    return result;
}

QList<AtrIssue> AtrInfo::warnings() const
{
    QList<AtrIssue> result;
    std::copy_if(issues.cbegin(), issues.cend(), std::back_inserter(result),
                 [](const AtrIssue& i) { return !i.isError(); });
    return result;
}

bool AtrInfo::hasIssue(AtrIssue::Code code) const
{
    return std::any_of(issues.cbegin(), issues.cend(), [code](const AtrIssue& i) { return i.code == code; });
}

const InterfaceByte* AtrInfo::find(InterfaceByte::Kind kind, int index) const
{
    const auto it = std::find_if(interfaceBytes.cbegin(), interfaceBytes.cend(),
                                 [&](const InterfaceByte& b) { return b.kind == kind && b.index == index; });
    return it == interfaceBytes.cend() ? nullptr : &*it;
}

const InterfaceByte* AtrInfo::find(InterfaceByte::Meaning meaning) const
{
    const auto it = std::find_if(interfaceBytes.cbegin(), interfaceBytes.cend(),
                                 [&](const InterfaceByte& b) { return b.meaning == meaning; });
    return it == interfaceBytes.cend() ? nullptr : &*it;
}

int AtrInfo::fi() const
{
    const InterfaceByte* ta1 = find(InterfaceByte::Meaning::FiDi);
    return ta1 ? iso7816::fi(ta1->fiIndex()) : 372;
}

int AtrInfo::di() const
{
    const InterfaceByte* ta1 = find(InterfaceByte::Meaning::FiDi);
    return ta1 ? iso7816::di(ta1->diIndex()) : 1;
}

int AtrInfo::fMaxKHz() const
{
    const InterfaceByte* ta1 = find(InterfaceByte::Meaning::FiDi);
    return iso7816::fMaxKHz(ta1 ? ta1->fiIndex() : 1);
}

qint64 AtrInfo::bitRate(qint64 clockHz) const
{
    const int f = fi();
    return f == 0 ? 0 : clockHz * di() / f;
}

int AtrInfo::extraGuardTime() const
{
    const InterfaceByte* tc1 = find(InterfaceByte::Meaning::ExtraGuardTime);
    return tc1 ? tc1->value : 0;
}

int AtrInfo::workWaitingInteger() const
{
    const InterfaceByte* tc2 = find(InterfaceByte::Meaning::WorkWaitingInteger);
    return tc2 ? tc2->value : 10;
}

std::optional<int> AtrInfo::ifsc() const
{
    if (!protocols.contains(1)) {
        return std::nullopt;
    }
    const InterfaceByte* b = find(InterfaceByte::Meaning::Ifsc);
    return b ? b->value : 32;
}

std::optional<int> AtrInfo::bwi() const
{
    if (!protocols.contains(1)) {
        return std::nullopt;
    }
    const InterfaceByte* b = find(InterfaceByte::Meaning::Waiting);
    return b ? b->bwi() : 4;
}

std::optional<int> AtrInfo::cwi() const
{
    if (!protocols.contains(1)) {
        return std::nullopt;
    }
    const InterfaceByte* b = find(InterfaceByte::Meaning::Waiting);
    return b ? b->cwi() : 13;
}

std::optional<bool> AtrInfo::crc() const
{
    if (!protocols.contains(1)) {
        return std::nullopt;
    }
    const InterfaceByte* b = find(InterfaceByte::Meaning::ErrorDetection);
    return b ? b->crc() : false;
}

} // namespace tokendesk
