#pragma once

#include "TokenCommand.h"

#include <QMessageBox>
#include <QPointer>

class QWidget;

namespace tokendesk {

/// "Delete Virtual Token…": a confirmation that names the token and says every key on it goes
/// (Cancel is the default button; one click on Delete is all it takes), then the token and its
/// SO PIN are removed on a worker (VirtualTokens::remove). tokenChanged() then has the window's
/// watcher read SoftHSM2 again, so the token leaves the tree.
class DeleteVirtualTokenCommand : public TokenCommand
{
    Q_OBJECT
public:
    DeleteVirtualTokenCommand(TokenInfo token, RegistryGetter registry, QWidget* window);

    QString title() const override;
    bool canCancel() const override { return !m_box.isNull(); }
    QMessageBox* confirmation() const { return m_box; }

Q_SIGNALS:
    /// The confirmation ("deleteVirtualTokenConfirm") is open.
    void dialogShown(QMessageBox* box);

protected:
    void run() override;
    void abort() override;

private:
    void remove();

    QPointer<QWidget> m_window;
    QPointer<QMessageBox> m_box;
};

} // namespace tokendesk
