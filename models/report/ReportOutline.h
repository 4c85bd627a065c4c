#pragma once

#include <QList>
#include <QString>

namespace tokendesk {

/// The report's text as lines under headings: depth 0 is a section ("Tokens (2):"), each deeper
/// line belongs to the last line above it one level up. The text format indents two spaces a
/// level; the HTML format makes headings and nested lists of the same lines (ReportDocument).
class ReportOutline
{
public:
    struct Line
    {
        int depth = 0;
        QString text;
    };

    void add(int depth, const QString& text) { m_lines.append(Line{depth, text}); }
    const QList<Line>& lines() const { return m_lines; }

    /// The lines as `tokendesk report` prints them: two spaces a level, one line each.
    QString toText() const
    {
        QString text;
        for (const Line& line : m_lines) {
            text += QString(2 * line.depth, QLatin1Char(' ')) + line.text + QLatin1Char('\n');
        }
        return text;
    }

private:
    QList<Line> m_lines;
};

} // namespace tokendesk
