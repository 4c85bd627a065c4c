#pragma once

#include "SerialMask.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <functional>

namespace tokendesk {

class ReportOutline;
class SystemReport;

/// `tokendesk report` as a file: the exact bytes the command prints (text, --json, --html),
/// which the report view saves and copies, so a ticket gets the same document from either.
/// Nothing in it can act on a terminal or a browser: text and JSON carry no control byte (as
/// TerminalSafeDevice writes them; JSON escapes DEL and C1 as \u007f...), and the HTML escapes
/// every character that means something in HTML, shows control characters as escapes, and forbids
/// scripts in its Content-Security-Policy.
class ReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)
public:
    enum class Format
    {
        Text,
        Json,
        Html,
    };

    static QByteArray write(const SystemReport& report, Format format, const SerialMask& mask = SerialMask());
    /// write(report, Format::Json, mask) in pieces, each given to `sink` as soon as it is made
    /// (a piece ends between two certificates), so that `report --json` never holds the
    /// certificates as one tree, one document and one string (1,000 of them: 1.5 MB of text).
    /// A masked report comes in one piece: the mask is applied to the whole text.
    static void writeJson(const SystemReport& report, const SerialMask& mask,
                          const std::function<void(const QByteArray&)>& sink);
    /// An outline as an HTML document (headings for depth 0, nested lists below).
    static QString html(const ReportOutline& outline, const QString& generated);
    /// Text as a terminal may show it: control bytes but newline and tab as escapes.
    static QByteArray terminalSafe(const QString& text);
    /// JSON whose strings hold DEL or C1 controls written as \u escapes (valid JSON, terminal-safe).
    static QByteArray safeJson(const QByteArray& json);
    /// The file name suffix of a format: "txt", "json", "html".
    static QString suffix(Format format);
};

} // namespace tokendesk
