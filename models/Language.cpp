#include "Language.h"

#include "backend/common/Settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace tokendesk {

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString Language::stored()
{
    const QString code = Settings::instance().value(Settings::Key::Language).toString();
    return available().contains(code) ? code : QString();
}

void Language::store(const QString& code)
{
    Settings::instance().setValue(Settings::Key::Language, available().contains(code) ? code : QString());
}

QLocale Language::locale()
{
    const QString code = stored();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

QStringList Language::install(QCoreApplication& app, const QString& directory)
{
    const QLocale chosen = locale();
    if (!stored().isEmpty()) {
        // Dates and numbers in the chosen language too, not the system's inside German sentences.
        QLocale::setDefault(chosen);
    }
    QStringList loaded;
    // Parented to the application so they live as long as it.
    auto* qt = new QTranslator(&app);
    if (qt->load(chosen, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        loaded << qt->filePath();
    } else {
        delete qt;
    }
    auto* own = new QTranslator(&app);
    if (own->load(chosen, QStringLiteral("tokendesk"), QStringLiteral("_"), directory) ||
        own->load(QStringLiteral("tokendesk_en"), directory)) {
        QCoreApplication::installTranslator(own);
        loaded << own->filePath();
    } else {
        delete own;
    }
    return loaded;
}

} // namespace tokendesk
