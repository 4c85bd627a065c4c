#pragma once

#include <QString>

namespace tokendesk {

/// Text that came from outside (a path, a URI, a label read from a token, a certificate field) as it
/// may be shown on a terminal or in a message: control characters (C0, DEL, C1, the bidi controls and
/// the line and paragraph separators) are written as escapes (\n, \t, \e, \x7F, \u{202E}), so that no
/// input can move the cursor, clear the screen, set a window title or start a line of its own in a
/// log; a byte that was not UTF-8 (FileName's lone surrogates) shows as \xNN, a backslash as \\.
/// Printable text, non-ASCII letters included, is kept.
class PrintableText
{
public:
    [[nodiscard]] static QString escape(const QString& text);
    /// The same, but backslashes kept as they are: for a sentence whose parts were escaped already,
    /// as the last guard before a terminal (CommandLine::fail).
    [[nodiscard]] static QString controls(const QString& text);

private:
    static QString escaped(const QString& text, bool backslashes);
};

} // namespace tokendesk
