#include "MainMenus.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>

namespace tokendesk {

MainMenus::MainMenus(QMainWindow* window) : QObject(window)
{
    QMenuBar* bar = window->menuBar();
    m_file = bar->addMenu(tr("&File"));
    m_edit = bar->addMenu(tr("&Edit"));
    m_view = bar->addMenu(tr("&View"));
    m_certificate = bar->addMenu(tr("&Certificate"));
    m_token = bar->addMenu(tr("&Token"));
    m_pairing = bar->addMenu(tr("&Pairing"));
    m_settings = bar->addMenu(tr("&Settings"));
    m_help = bar->addMenu(tr("&Help"));
    m_file->setObjectName(QStringLiteral("fileMenu"));
    m_edit->setObjectName(QStringLiteral("editMenu"));
    m_view->setObjectName(QStringLiteral("viewMenu"));
    m_certificate->setObjectName(QStringLiteral("certificateMenu"));
    m_token->setObjectName(QStringLiteral("tokenMenu"));
    m_pairing->setObjectName(QStringLiteral("pairingMenu"));
    m_settings->setObjectName(QStringLiteral("settingsMenu"));
    m_help->setObjectName(QStringLiteral("helpMenu"));

    QAction* aboutQt = m_help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);

    m_toolBar = window->addToolBar(tr("Actions"));
    m_toolBar->setObjectName(QStringLiteral("actionsToolbar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
}

QMenu* MainMenus::menu(Menu which) const
{
    switch (which) {
    case Menu::File:
        return m_file;
    case Menu::Edit:
        return m_edit;
    case Menu::View:
        return m_view;
    case Menu::Certificate:
        return m_certificate;
    case Menu::Token:
        return m_token;
    case Menu::Pairing:
        return m_pairing;
    case Menu::Settings:
        return m_settings;
    case Menu::Help:
        return m_help;
    }
    return m_help;
}

QAction* MainMenus::addSettingToggle(Menu where, Settings::Key key, const QString& objectName, const QString& text,
                                     const std::function<void(bool)>& toggled)
{
    QAction* action = menu(where)->addAction(text);
    action->setObjectName(objectName);
    action->setCheckable(true);
    action->setChecked(Settings::instance().boolValue(key));
    connect(action, &QAction::toggled, this, [key, toggled](bool on) {
        Settings::instance().setValue(key, on);
        if (toggled) {
            toggled(on);
        }
    });
    if (toggled) {
        toggled(action->isChecked());
    }
    return action;
}

} // namespace tokendesk
