#include "ReportDocument.h"

#include "ReportOutline.h"
#include "SystemReport.h"
#include "models/PrintableText.h"
#include "models/TerminalSafeDevice.h"

#include <QJsonDocument>

namespace tokendesk {

namespace {
/// A line of the report as HTML text: control characters as visible escapes, then HTML's own.
QString htmlText(const QString& text)
{
    return PrintableText::controls(text).toHtmlEscaped();
}
} // namespace

QByteArray ReportDocument::write(const SystemReport& report, Format format, const SerialMask& mask)
{
    const QStringList serials = mask.isOn() ? report.serials() : QStringList();
    switch (format) {
    case Format::Text:
        return terminalSafe(mask.everywhere(report.outline(mask).toText(), serials));
    case Format::Json: {
        const QByteArray json = safeJson(QJsonDocument(report.toJson(mask)).toJson(QJsonDocument::Indented));
        return mask.isOn() ? mask.everywhere(QString::fromUtf8(json), serials).toUtf8() : json;
    }
    case Format::Html:
        return terminalSafe(mask.everywhere(html(report.outline(mask), report.generated()), serials));
    }
    return {};
}

QString ReportDocument::suffix(Format format)
{
    switch (format) {
    case Format::Text:
        return QStringLiteral("txt");
    case Format::Json:
        return QStringLiteral("json");
    case Format::Html:
        return QStringLiteral("html");
    }
    return {};
}

QByteArray ReportDocument::terminalSafe(const QString& text)
{
    bool pending = false;
    QByteArray out = TerminalSafeDevice::escape(text.toUtf8(), &pending);
    if (pending) {
        out += '\xC2'; // as TerminalSafeDevice ends: a C2 at the very end is no control
    }
    return out;
}

QByteArray ReportDocument::safeJson(const QByteArray& json)
{
    // Outside strings JSON has only ASCII punctuation: a DEL or a C1 control is inside a string,
    // where \u00XX means the same character.
    QByteArray out;
    out.reserve(json.size());
    for (qsizetype i = 0; i < json.size(); ++i) {
        const auto c = static_cast<unsigned char>(json.at(i));
        if (c == 0x7F) {
            out += "\\u007f";
        } else if (c == 0xC2 && i + 1 < json.size() && static_cast<unsigned char>(json.at(i + 1)) >= 0x80 &&
                   static_cast<unsigned char>(json.at(i + 1)) <= 0x9F) {
            out += "\\u00" + QByteArray::number(static_cast<unsigned char>(json.at(i + 1)), 16);
            ++i;
        } else {
            out += char(c);
        }
    }
    return out;
}

QString ReportDocument::html(const ReportOutline& outline, const QString& generated)
{
    const QString title = tr("TokenDesk report");
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    // Defence in depth: even a line that escaped escaping could run no script and load nothing.
    h += QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        "style-src 'unsafe-inline'\">\n");
    h += QStringLiteral("<title>%1</title>\n").arg(htmlText(title));
    h += QStringLiteral("<style>body{font-family:sans-serif}ul{list-style:none;padding-left:1.5em}"
                        "li{font-family:monospace;white-space:pre-wrap;overflow-wrap:anywhere}</style>\n");
    h += QStringLiteral("</head>\n<body>\n<h1>%1</h1>\n").arg(htmlText(title));
    h += QStringLiteral("<p><time datetime=\"%1\">%2</time></p>\n")
             .arg(htmlText(generated), htmlText(tr("Report made %1").arg(generated)));
    int open = 0; // lists open: the depth of the last line
    const auto closeTo = [&h, &open](int depth) {
        while (open > depth) {
            h += QStringLiteral("</li>\n</ul>\n");
            --open;
        }
    };
    bool first = true;
    for (const ReportOutline::Line& line : outline.lines()) {
        if (first) {
            first = false;
            if (line.depth == 0 && line.text == tr("Report made %1").arg(generated)) {
                continue; // said above, under the title
            }
        }
        if (line.depth == 0) {
            closeTo(0);
            h += QStringLiteral("<h2>%1</h2>\n").arg(htmlText(line.text));
            continue;
        }
        if (line.depth <= open) {
            closeTo(line.depth);
            h += QStringLiteral("</li>\n");
        }
        while (open < line.depth) {
            h += QStringLiteral("<ul>\n");
            ++open;
            if (open < line.depth) {
                h += QStringLiteral("<li>"); // a level the text skips
            }
        }
        h += QStringLiteral("<li>") + htmlText(line.text);
    }
    closeTo(0);
    h += QStringLiteral("</body>\n</html>\n");
    return h;
}

} // namespace tokendesk
