#include "ReportCommand.h"

#include "models/ErrorText.h"

namespace tokendesk {

int ReportCommand::run(ReportDocument::Format format, QTextStream& out, QTextStream& err) const
{
    const SystemReport report = SystemReport::gather(m_smartcardList, m_options);
    // The same bytes the report view saves (they pass TerminalSafeDevice unchanged).
    out << QString::fromUtf8(ReportDocument::write(report, format, m_mask));
    if (!report.readers()) {
        err << ErrorText::pcsc(report.readers().error()) << '\n';
        return 1;
    }
    return 0;
}

} // namespace tokendesk
