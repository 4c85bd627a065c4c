#include "AtrCommand.h"

#include "backend/atr/AtrParser.h"
#include "models/AtrText.h"
#include "models/report/AtrReport.h"

#include <QJsonDocument>

namespace tokendesk {

int AtrCommand::run(const QString& hex, bool json, QTextStream& out, QTextStream& err) const
{
    const AtrInfo info = AtrParser::parseHex(hex);
    if (json) {
        QJsonObject document = AtrReport(m_smartcardList).toJson(info);
        if (info.bytes.isEmpty()) {
            document.insert(QStringLiteral("input"), hex);
        }
        out << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else {
        AtrReport(m_smartcardList).printText(info, out);
    }
    if (!info.valid()) {
        out.flush();
        err << AtrText::issue(info.errors().constFirst()) << '\n';
        return 1;
    }
    return 0;
}

} // namespace tokendesk
