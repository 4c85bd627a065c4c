// libFuzzer entry point for a reader driver's Info.plist (ReaderDrivers::readInfo: TokenDesk's own
// scanner of the XML rules a property list uses, with a fast path for the plain strings of the
// reader arrays). Besides not crashing, invariants: an unreadable list names the bundle and
// nothing else; a readable one counts no negative number of readers; the result does not depend
// on the fast path (the same bytes with every `<string>` written `<string >`, which only the
// general path reads, give the same count and the same verdict, where no quote can make a tag's
// name run on past a `<string>`); trailing white space changes nothing.

#include "FuzzCheck.h"
#include "backend/pcsc/ReaderDrivers.h"

#include <cstdint>

using namespace tokendesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray plist(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString bundle = QStringLiteral("/nonexistent/fuzz.bundle");
    const ReaderDriver driver = ReaderDrivers::readInfo(bundle, plist);
    FUZZ_CHECK(driver.kind == ReaderDriver::Kind::Bundle);
    FUZZ_CHECK(driver.path == bundle);
    if (driver.problem == ReaderDriver::Problem::UnreadableInfo) {
        FUZZ_CHECK(driver.id == QStringLiteral("fuzz"));
        FUZZ_CHECK(driver.version.isEmpty() && driver.library.isEmpty() && driver.supportedReaders == 0);
    } else {
        // No library exists under /nonexistent.
        FUZZ_CHECK(driver.problem == ReaderDriver::Problem::MissingLibrary);
        FUZZ_CHECK(driver.supportedReaders >= 0);
        FUZZ_CHECK(driver.library.startsWith(bundle + QStringLiteral("/Contents/Linux/")));
    }

    // Not where a quote can make a tag run on past a `<string>` (a '>' in an attribute value does
    // not end a tag): there the space would end that tag's name early and change the document.
    if (!plist.contains('"') && !plist.contains('\'')) {
        QByteArray general = plist;
        general.replace("<string>", "<string >");
        const ReaderDriver slow = ReaderDrivers::readInfo(bundle, general);
        FUZZ_CHECK(slow.problem == driver.problem);
        FUZZ_CHECK(slow.supportedReaders == driver.supportedReaders);
    }

    const QByteArray trailing = plist + QByteArray("\n \t");
    const ReaderDriver padded = ReaderDrivers::readInfo(bundle, trailing);
    FUZZ_CHECK(padded == driver);
    return 0;
}
