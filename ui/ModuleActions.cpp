#include "ModuleActions.h"

#include "MainMenus.h"
#include "MainWindow.h"
#include "backend/pkcs11/TokenWatcher.h"

#include <QAction>

namespace tokendesk {

ModuleActions::ModuleActions(MainWindow* window) : QObject(window), m_window(window)
{
    // Read at start (WindowMain): modules already loaded stay where they run.
    QAction* isolate = window->menus()->addSettingToggle(MainMenus::Menu::Settings, Settings::Key::IsolateModules,
                                                         QStringLiteral("isolateModules"),
                                                         tr("Run each PKCS#11 module in a &separate process"));
    isolate->setToolTip(tr("A module that crashes or hangs then cannot take TokenDesk with it. "
                           "Takes effect when TokenDesk starts again."));
}

void ModuleActions::retry(const QString& modulePath)
{
    if (TokenWatcher* watcher = m_window->tokenWatcher()) {
        watcher->retryModule(modulePath);
    }
}

} // namespace tokendesk
