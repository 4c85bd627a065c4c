#pragma once

#include <QObject>

class QActionGroup;
class QMenu;

namespace tokendesk {

class MainMenus;

/// Settings ▸ Language: the system's language or one TokenDesk is translated into (Language),
/// stored for the next start; the menu says so, as the open window keeps its texts.
class LanguageMenu : public QObject
{
    Q_OBJECT
public:
    /// Adds the submenu at the end of `menus`' Settings menu.
    explicit LanguageMenu(MainMenus* menus);

    QMenu* menu() const { return m_menu; }

private:
    QMenu* m_menu = nullptr;
    QActionGroup* m_choices = nullptr;
};

} // namespace tokendesk
