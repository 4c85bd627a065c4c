#pragma once

#include "TokenCommand.h"
#include "backend/pkcs11/PinPrompter.h"

#include <QPointer>

class QWidget;

namespace tokendesk {

class PinFlow;

/// Change the PIN or the SO PIN / PUK of a token: finds the token (waiting for it when it
/// is not there), then runs a PinFlow, which reads the PIN status, shows the dialog, and runs
/// the operation off the GUI thread. Cancel is offered while waiting and while the dialog is
/// open; never while the token is being changed.
class ChangePinCommand : public TokenCommand
{
    Q_OBJECT

public:
    /// `operation`: ChangePin or ChangeSoPin (UnblockPinCommand for the third).
    ChangePinCommand(const TokenInfo& token, PinOperation operation, RegistryGetter registry, QWidget* window,
                     QObject* parent = nullptr);
    ~ChangePinCommand() override;

    QString title() const override;
    bool canCancel() const override;
    PinOperation operation() const { return m_operation; }
    /// The flow running, once the token was found (tests drive its dialog).
    PinFlow* flow() const { return m_flow; }

Q_SIGNALS:
    /// The flow started (tests wait for its dialog).
    void flowStarted(tokendesk::PinFlow* flow);

protected:
    void run() override;
    void abort() override;

private:
    PinOperation m_operation;
    QPointer<QWidget> m_window;
    QPointer<PinFlow> m_flow;
};

/// Unblock the PIN with the SO PIN / PUK (a new PIN is set).
class UnblockPinCommand : public ChangePinCommand
{
    Q_OBJECT

public:
    UnblockPinCommand(const TokenInfo& token, RegistryGetter registry, QWidget* window, QObject* parent = nullptr)
        : ChangePinCommand(token, PinOperation::UnblockPin, std::move(registry), window, parent)
    {}
};

} // namespace tokendesk
