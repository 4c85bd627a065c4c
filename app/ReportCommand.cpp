#include "ReportCommand.h"

#include "models/ErrorText.h"

#include <QJsonDocument>

namespace tokendesk {

int ReportCommand::run(bool json, QTextStream& out, QTextStream& err) const
{
    const SystemReport report = SystemReport::gather(m_smartcardList, m_options);
    if (json) {
        out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    } else {
        report.printText(out);
    }
    if (!report.readers()) {
        err << ErrorText::pcsc(report.readers().error()) << '\n';
        return 1;
    }
    return 0;
}

} // namespace tokendesk
