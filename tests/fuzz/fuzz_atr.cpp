// libFuzzer entry point for the ATR parser and the compact-TLV parser. The input is
// taken three ways: as ATR bytes, as hex text, and as historical bytes. Besides not
// crashing, a few invariants must hold; a broken one aborts, which the fuzzer reports.

#include "FuzzCheck.h"
#include "backend/atr/AtrParser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tokendesk;

namespace {

void exercise(const CompactTlvObject& o)
{
    FUZZ_CHECK(o.value.size() <= o.length);
    if (const auto cs = o.cardService()) {
        static_cast<void>(cs->access());
    }
    if (const auto caps = o.capabilities()) {
        FUZZ_CHECK(caps->maxLogicalChannels() >= 1 && caps->maxLogicalChannels() <= 8);
        FUZZ_CHECK(caps->dataUnitQuartets() >= 1);
        static_cast<void>(caps->writeBehaviour());
        static_cast<void>(caps->channelAssignment());
    }
    if (const auto status = o.status()) {
        FUZZ_CHECK(status->lcs || status->sw);
    }
    if (const auto aid = o.applicationIdentifier()) {
        static_cast<void>(aid->storageStandard());
        static_cast<void>(aid->storageCardName());
        FUZZ_CHECK(aid->rid().size() + aid->pix().size() == aid->aid.size());
    }
}

void checkHistorical(const HistoricalBytes& h)
{
    for (const CompactTlvObject& o : h.objects) {
        exercise(o);
        FUZZ_CHECK(o.offset >= 0 && o.offset < h.bytes.size());
    }
}

void checkAtr(const AtrInfo& info)
{
    const int size = static_cast<int>(info.bytes.size());
    int previous = 1;
    for (const InterfaceByte& b : info.interfaceBytes) {
        FUZZ_CHECK(b.offset >= previous && b.offset < size);
        previous = b.offset + 1;
    }
    FUZZ_CHECK(info.historical.bytes.size() <= info.historicalLength());
    FUZZ_CHECK(!info.tckValid || info.tck);
    FUZZ_CHECK(!info.tck || info.tckExpected || info.hasIssue(AtrIssue::Code::UnexpectedTck));
    FUZZ_CHECK(info.valid() == info.errors().isEmpty());
    FUZZ_CHECK(info.errors().size() + info.warnings().size() == info.issues.size());
    FUZZ_CHECK(size <= AtrInfo::kMaxLength || info.hasIssue(AtrIssue::Code::TooLong));
    FUZZ_CHECK(!info.protocols.contains(15));
    // The accessors never divide by zero, whatever TA1 says.
    static_cast<void>(info.bitRate(AtrInfo::kDefaultClockHz));
    static_cast<void>(info.fMaxKHz());
    static_cast<void>(info.ifsc());
    static_cast<void>(info.bwi());
    static_cast<void>(info.cwi());
    static_cast<void>(info.crc());
    static_cast<void>(info.extraGuardTime());
    static_cast<void>(info.workWaitingInteger());
    checkHistorical(info.historical);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const AtrInfo info = AtrParser::parse(bytes);
    checkAtr(info);
    if (!bytes.isEmpty()) {
        // The same bytes spelt in hex give the same analysis.
        FUZZ_CHECK(AtrParser::parseHex(QString::fromLatin1(bytes.toHex(':'))) == info);
    }

    const AtrInfo fromText = AtrParser::parseHex(QString::fromLatin1(bytes));
    checkAtr(fromText);

    checkHistorical(HistoricalBytes::parse(bytes));
    QList<HistoricalBytes::Issue> issues;
    const QList<CompactTlvObject> objects = HistoricalBytes::parseCompactTlv(bytes, 0, &issues);
    for (const CompactTlvObject& o : objects) {
        exercise(o);
    }
    return 0;
}
