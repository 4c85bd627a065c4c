// libFuzzer entry point for a reader driver's Info.plist (ReaderDrivers::readInfo: TokenDesk's own
// scanner of the XML rules a property list uses, with a fast path for the plain strings of the
// reader arrays). Besides not crashing, invariants: the fast path changes nothing (the scan
// without it gives the same driver, field for field); an unreadable list names the bundle and
// nothing else; white space after the document changes nothing.

#include "FuzzCheck.h"
#include "backend/pcsc/ReaderDrivers.h"

#include <cstdint>

using namespace tokendesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray plist(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString bundle = QStringLiteral("/nonexistent/fuzz.bundle");
    const ReaderDriver driver = ReaderDrivers::readInfo(bundle, plist);
    FUZZ_CHECK(ReaderDrivers::readInfo(bundle, plist, ReaderDrivers::Scan::General) == driver);
    if (driver.problem == ReaderDriver::Problem::UnreadableInfo) {
        FUZZ_CHECK(driver.id == QStringLiteral("fuzz"));
        FUZZ_CHECK(driver.version.isEmpty() && driver.library.isEmpty() && driver.supportedReaders == 0);
    }
    const QByteArray trailing = plist + QByteArray("\n \t");
    FUZZ_CHECK(ReaderDrivers::readInfo(bundle, trailing) == driver);
    return 0;
}
