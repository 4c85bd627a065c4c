#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace tokendesk {

/// The language TokenDesk speaks: the system's, or the one chosen in Settings ▸ Language
/// (Settings::Key::Language). Read once, before the first text is made: a window's texts are set
/// when it is built, so a new choice applies at the next start.
class Language
{
public:
    /// The languages TokenDesk is translated into, as codes for Settings::Key::Language.
    static QStringList available();
    /// The stored choice: a code of available(), or empty for the system's language.
    static QString stored();
    /// Stores `code` (empty: the system's language); a code TokenDesk has no translation for
    /// stores the system's.
    static void store(const QString& code);
    /// The locale whose translations install() loads: the stored language's, else the system's.
    static QLocale locale();
    /// Installs Qt's and TokenDesk's translators for locale() into `app`, TokenDesk's from
    /// `directory` (the binary's resources). A language without a translation of TokenDesk gets
    /// the English one, whose plural forms make "1 token" of "%n tokens". Returns the files loaded.
    static QStringList install(QCoreApplication& app, const QString& directory = QStringLiteral(":/i18n"));
};

} // namespace tokendesk
