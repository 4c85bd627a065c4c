#include "LanguageMenu.h"

#include "MainMenus.h"
#include "models/Language.h"

#include <QActionGroup>
#include <QMenu>

namespace tokendesk {

namespace {
/// A language's own name, the same in every translation, so that it is found by someone who
/// cannot read the current one.
QString nativeName(const QString& code)
{
    if (code == QLatin1String("de")) {
        return QStringLiteral("&Deutsch");
    }
    if (code == QLatin1String("fr")) {
        return QStringLiteral("&Français");
    }
    return QStringLiteral("&English");
}
} // namespace

LanguageMenu::LanguageMenu(MainMenus* menus) : QObject(menus)
{
    QMenu* settings = menus->menu(MainMenus::Menu::Settings);
    settings->addSeparator();
    m_menu = settings->addMenu(tr("&Language"));
    m_menu->setObjectName(QStringLiteral("languageMenu"));
    m_choices = new QActionGroup(this);
    const QString stored = Language::stored();
    QStringList codes{QString()};
    codes << Language::available();
    for (const QString& code : codes) {
        QAction* choice = m_menu->addAction(code.isEmpty() ? tr("&System default") : nativeName(code));
        choice->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        choice->setData(code);
        choice->setCheckable(true);
        choice->setChecked(code == stored);
        m_choices->addAction(choice);
        if (code.isEmpty()) {
            m_menu->addSeparator();
        }
    }
    m_menu->addSeparator();
    QAction* note = m_menu->addAction(tr("Applies when TokenDesk starts again"));
    note->setObjectName(QStringLiteral("languageNote"));
    note->setEnabled(false);
    connect(m_choices, &QActionGroup::triggered, this,
            [](QAction* choice) { Language::store(choice->data().toString()); });
}

} // namespace tokendesk
