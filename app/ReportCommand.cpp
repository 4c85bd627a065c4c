#include "ReportCommand.h"

#include "models/ErrorText.h"

#include <QIODevice>
#include <memory>

namespace tokendesk {

namespace {
/// The command's process ends when run() returns, and the system takes its memory back at once:
/// the report is kept, not freed field by field (freeing a 1,000-certificate report took ~2 ms of
/// CPU at the end of an ~85 ms command, docs/BENCHMARKS.md; git's UNLEAK and clang's -disable-free
/// do the same). Its modules are released before (waitForModules). Reachable from here to the
/// end, so a leak checker (LSan in the sanitizer builds) does not count it; a second report in
/// one process frees the first.
void keepUntilExit(std::unique_ptr<const SystemReport> report)
{
    static const SystemReport* kept = nullptr;
    delete kept;
    kept = report.release();
}
} // namespace

int ReportCommand::run(ReportDocument::Format format, QTextStream& out, QTextStream& err) const
{
    // Nothing loads a module after this report: its modules are finalized while it is written.
    SystemReport::Options options = m_options;
    options.finalizeWhileWritten = true;
    auto gathered = std::make_unique<const SystemReport>(SystemReport::gather(m_smartcardList, options));
    const SystemReport& report = *gathered;
    // The same bytes the report view saves (they pass TerminalSafeDevice unchanged).
    if (format == ReportDocument::Format::Json) {
        // Printed as it is made: 1,000 certificates' JSON never held whole (docs/BENCHMARKS.md).
        ReportDocument::writeJson(report, m_mask, [&out](const QByteArray& piece) {
            if (QIODevice* device = out.device()) {
                out.flush();
                device->write(piece);
            } else {
                out << QString::fromUtf8(piece);
            }
        });
    } else {
        out << QString::fromUtf8(ReportDocument::write(report, format, m_mask));
    }
    const int exitCode = report.readers() ? 0 : 1;
    if (!report.readers()) {
        err << ErrorText::pcsc(report.readers().error()) << '\n';
    }
    report.waitForModules();
    keepUntilExit(std::move(gathered));
    return exitCode;
}

} // namespace tokendesk
