#pragma once

#include "backend/pkcs11/PinPrompter.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace tokendesk {

class PinDialog;

/// The GUI's PinPrompter, for backend work on worker threads (QtConcurrent):
/// askPin() opens a PinDialog on the GUI thread (a queued invocation) and
/// blocks the calling worker until the user answers; the GUI thread itself is
/// never blocked and runs no nested event loop (the dialog is opened with
/// open(), window-modal). Cancel, closing the dialog, or the dialog's parent
/// going away: nullopt.
///
/// A PIN pad: pinpadStarted() shows the dialog without a field ("Enter your
/// PIN on the reader"), pinpadFinished() closes it; neither waits.
///
/// Threads: make and destroy it on the GUI thread; call askPin() only from a
/// worker. Called on the GUI thread it would wait for itself, so it refuses
/// (returns nullopt and warns) instead of deadlocking; there is no GUI-thread
/// mode, the backend is never called on the GUI thread.
class DialogPinPrompter : public QObject, public PinPrompter
{
    Q_OBJECT

public:
    /// `parent`: the window the dialogs belong to (may be null).
    explicit DialogPinPrompter(QWidget* parent = nullptr);
    ~DialogPinPrompter() override;

    std::optional<SecureBytes> askPin(const PinRequest& request) override;
    /// A PIN pad's final try: a question on the GUI thread, the worker waits for Yes or No.
    bool confirmFinalTry(const PinRequest& request) override;
    void pinpadStarted(const PinRequest& request) override;
    void pinpadFinished() override;

Q_SIGNALS:
    /// On the GUI thread, once a dialog is open: for tests, and for callers that place it.
    void dialogOpened(tokendesk::PinDialog* dialog);

private:
    QPointer<QWidget> m_window;
    QPointer<PinDialog> m_pinpadDialog; ///< GUI thread only
};

} // namespace tokendesk
