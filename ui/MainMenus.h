#pragma once

#include "backend/common/Settings.h"

#include <QObject>
#include <functional>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;

namespace tokendesk {

/// The main window's menu bar and tool bar, in the order a user reads them. A capability adds
/// its actions to a menu here (`menu(Menu::Help)->addAction(...)`) instead of editing the
/// window: new files plus one registration.
class MainMenus : public QObject
{
    Q_OBJECT
public:
    enum class Menu
    {
        File,
        Edit, ///< Copy, Find
        View, ///< Refresh
        Certificate,
        Token,
        Pairing,
        Settings,
        Help,
    };

    explicit MainMenus(QMainWindow* window);

    QMenu* menu(Menu which) const;
    QToolBar* toolBar() const { return m_toolBar; }
    /// A checkable entry that shows and stores a boolean setting; `toggled` runs with the stored
    /// value now and on every change.
    QAction* addSettingToggle(Menu where, Settings::Key key, const QString& objectName, const QString& text,
                              const std::function<void(bool)>& toggled = {});

private:
    QMenu* m_file = nullptr;
    QMenu* m_edit = nullptr;
    QMenu* m_view = nullptr;
    QMenu* m_certificate = nullptr;
    QMenu* m_token = nullptr;
    QMenu* m_pairing = nullptr;
    QMenu* m_settings = nullptr;
    QMenu* m_help = nullptr;
    QToolBar* m_toolBar = nullptr;
};

} // namespace tokendesk
