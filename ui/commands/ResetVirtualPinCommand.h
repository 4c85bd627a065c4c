#pragma once

#include "TokenCommand.h"
#include "ui/VirtualTokenDialog.h"

#include <QPointer>

class QWidget;

namespace tokendesk {

/// "Reset PIN…" of a virtual token TokenDesk made: the new PIN twice, set on a worker with the
/// SO PIN from the Secret Service (VirtualTokens::resetUserPin), which also unblocks a locked
/// PIN. Failures are said in the dialog, which stays open until Cancel or success.
class ResetVirtualPinCommand : public TokenCommand
{
    Q_OBJECT
public:
    ResetVirtualPinCommand(TokenInfo token, RegistryGetter registry, QWidget* window);

    QString title() const override;
    bool canCancel() const override { return m_dialog && !m_working; }
    VirtualTokenDialog* dialog() const { return m_dialog; }

Q_SIGNALS:
    void dialogShown(tokendesk::VirtualTokenDialog* dialog);

protected:
    void run() override;
    void abort() override;

private:
    void reset();

    QPointer<QWidget> m_window;
    QPointer<VirtualTokenDialog> m_dialog;
    bool m_working = false;
};

} // namespace tokendesk
