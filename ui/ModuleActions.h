#pragma once

#include <QObject>

namespace tokendesk {

class MainWindow;

/// What the window does about PKCS#11 modules themselves (docs/ISOLATION.md): Settings ▸ "Run each
/// PKCS#11 module in a separate process", and Retry of a module whose process crashed or hung.
class ModuleActions : public QObject
{
    Q_OBJECT

public:
    explicit ModuleActions(MainWindow* window);

public Q_SLOTS:
    /// Starts the module of this file again now (ModulePage's Retry).
    void retry(const QString& modulePath);

private:
    MainWindow* m_window;
};

} // namespace tokendesk
