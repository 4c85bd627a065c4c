#include "ReportCommand.h"

#include "models/ErrorText.h"

#include <QIODevice>

namespace tokendesk {

int ReportCommand::run(ReportDocument::Format format, QTextStream& out, QTextStream& err) const
{
    // Nothing loads a module after this report: its modules are finalized while it is written.
    SystemReport::Options options = m_options;
    options.finalizeWhileWritten = true;
    const SystemReport report = SystemReport::gather(m_smartcardList, options);
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
    if (!report.readers()) {
        err << ErrorText::pcsc(report.readers().error()) << '\n';
        return 1;
    }
    return 0;
}

} // namespace tokendesk
