#pragma once

#include "Command.h"
#include "TokenCommand.h"
#include "backend/pkcs11/TokenInfo.h"
#include "ui/VirtualTokenDialog.h"

#include <QPointer>

class QWidget;

namespace tokendesk {

/// "New Virtual Token…": the dialog (label, PIN twice), then VirtualTokens::create on a worker.
/// A label taken or refused is said in the dialog, which stays open; other failures end the
/// command with the sentence. Cancel works at the dialog, not while the token is being made.
class NewVirtualTokenCommand : public Command
{
    Q_OBJECT
public:
    NewVirtualTokenCommand(TokenCommand::RegistryGetter registry, QWidget* window);

    QString title() const override;
    bool canCancel() const override { return m_dialog && !m_working; }
    VirtualTokenDialog* dialog() const { return m_dialog; }

Q_SIGNALS:
    /// The dialog is open (tests fill it in).
    void dialogShown(tokendesk::VirtualTokenDialog* dialog);
    /// The token exists now (before finished()): the window has its watcher look for it.
    void tokenMade(const tokendesk::TokenInfo& token);

protected:
    void run() override;
    void abort() override;

private:
    void create();

    TokenCommand::RegistryGetter m_registry;
    QPointer<QWidget> m_window;
    QPointer<VirtualTokenDialog> m_dialog;
    bool m_working = false;
};

} // namespace tokendesk
