#include "ReportDocument.h"

#include "ReportOutline.h"
#include "SystemReport.h"
#include "models/PrintableText.h"
#include "models/TerminalSafeDevice.h"

#include <QJsonDocument>
#include <algorithm>
#include <cstring>
#include <future>

namespace tokendesk {

namespace {
/// A line of the report as HTML text: control characters as visible escapes, then HTML's own.
QString htmlText(const QString& text)
{
    return PrintableText::controls(text).toHtmlEscaped();
}

/// `object` as QJsonDocument writes it indented when it is an element of an array two levels
/// down ("certificates"): every line 8 spaces further in, no newline after the closing brace.
/// JSON strings hold no raw newline, so each newline of the text starts a line.
void appendNested(QByteArray& out, const QJsonObject& object)
{
    static constexpr char kIndent[] = "        ";
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Indented);
    const qsizetype end = text.endsWith('\n') ? text.size() - 1 : text.size();
    out += kIndent;
    qsizetype from = 0;
    for (qsizetype newline = text.indexOf('\n'); newline >= 0 && newline < end; newline = text.indexOf('\n', from)) {
        out.append(text.constData() + from, newline + 1 - from);
        out += kIndent;
        from = newline + 1;
    }
    out.append(text.constData() + from, end - from);
}

/// The unmasked JSON text in pieces: the report without its certificates is written by
/// QJsonDocument, and the certificates' elements, made and written on two threads a batch at a
/// time, go where its empty "certificates" array is (the first key: QJsonObject sorts keys).
void streamJson(const SystemReport& report, const SerialMask& mask, const std::function<void(const QByteArray&)>& sink)
{
    static constexpr char kHead[] = "{\n    \"certificates\": [\n";
    static constexpr char kEmptyHead[] = "{\n    \"certificates\": [\n    ]";
    const QByteArray rest = QJsonDocument(report.toJson(mask, false)).toJson(QJsonDocument::Indented);
    if (!rest.startsWith(kEmptyHead)) {
        // Not the layout this relies on (another Qt): the whole document at once.
        sink(ReportDocument::safeJson(QJsonDocument(report.toJson(mask)).toJson(QJsonDocument::Indented)));
        return;
    }
    sink(QByteArray(kHead));
    const auto entries = report.certificateEntries();
    const auto piece = [&](qsizetype from, qsizetype to) {
        QByteArray out;
        out.reserve((to - from) * 1600); // a certificate's element: ~1.5 kB
        for (qsizetype i = from; i < to; ++i) {
            if (i > 0) {
                out += ",\n";
            }
            const JsonFields fields = report.certificateFields(*entries[i].first, *entries[i].second, mask);
            const qsizetype mark = out.size();
            out += "        ";
            if (!fields.writeIndented(out, 2)) {
                out.truncate(mark); // a value JsonFields leaves to QJsonDocument
                appendNested(out, fields.toObject());
            }
        }
        return ReportDocument::safeJson(out);
    };
    // Two batches at a time, the second on another thread (1,000 certificates: ~15 ms on one).
    constexpr qsizetype kBatch = 100;
    for (qsizetype from = 0; from < entries.size(); from += 2 * kBatch) {
        const qsizetype middle = std::min(from + kBatch, entries.size());
        const qsizetype to = std::min(middle + kBatch, entries.size());
        auto second = std::async(to > middle ? std::launch::async : std::launch::deferred, piece, middle, to);
        sink(piece(from, middle));
        sink(second.get());
    }
    if (!entries.isEmpty()) {
        sink(QByteArray("\n"));
    }
    sink(ReportDocument::safeJson(rest.mid(static_cast<qsizetype>(std::strlen(kHead)))));
}
} // namespace

QByteArray ReportDocument::write(const SystemReport& report, Format format, const SerialMask& mask)
{
    const QStringList serials = mask.isOn() ? report.serials() : QStringList();
    switch (format) {
    case Format::Text:
        return terminalSafe(mask.everywhere(report.outline(mask).toText(), serials));
    case Format::Json: {
        QByteArray json;
        streamJson(report, mask, [&json](const QByteArray& piece) { json += piece; });
        return mask.isOn() ? mask.everywhere(QString::fromUtf8(json), serials).toUtf8() : json;
    }
    case Format::Html:
        return terminalSafe(mask.everywhere(html(report.outline(mask), report.generated()), serials));
    }
    return {};
}

void ReportDocument::writeJson(const SystemReport& report, const SerialMask& mask,
                               const std::function<void(const QByteArray&)>& sink)
{
    if (mask.isOn()) {
        sink(write(report, Format::Json, mask));
        return;
    }
    streamJson(report, mask, sink);
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
    const auto mayNeedEscape = [](char c) {
        return c == '\x7F' || c == '\xC2';
    };
    if (std::none_of(json.cbegin(), json.cend(), mayNeedEscape)) {
        return json; // the usual case, shared and not copied byte by byte
    }
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
