#include "DialogPinPrompter.h"

#include "PinDialog.h"

#include <QLoggingCategory>
#include <QMessageBox>
#include <QThread>
#include <QWidget>
#include <future>
#include <memory>

Q_LOGGING_CATEGORY(lcPinDialog, "tokendesk.ui.pin", QtInfoMsg)

namespace tokendesk {

namespace {

/// One answer, set once on the GUI thread, waited for by the worker.
struct Answer
{
    std::promise<std::optional<SecureBytes>> promise;
    bool set = false;

    void give(std::optional<SecureBytes> secret)
    {
        if (!set) {
            set = true;
            promise.set_value(std::move(secret));
        }
    }
};

} // namespace

DialogPinPrompter::DialogPinPrompter(QWidget* parent) : QObject(nullptr), m_window(parent)
{
    qRegisterMetaType<tokendesk::PinDialog*>("tokendesk::PinDialog*");
}

DialogPinPrompter::~DialogPinPrompter()
{
    delete m_pinpadDialog.data();
}

std::optional<SecureBytes> DialogPinPrompter::askPin(const PinRequest& request)
{
    if (QThread::currentThread() == thread()) {
        qCWarning(lcPinDialog) << "askPin() on the GUI thread: refused (it would wait for itself)";
        return std::nullopt;
    }
    auto answer = std::make_shared<Answer>();
    std::future<std::optional<SecureBytes>> future = answer->promise.get_future();
    const bool queued = QMetaObject::invokeMethod(
        this,
        // Only the dialog's connections keep the promise: when they go (the dialog or this
        // prompter destroyed, the queued call dropped), the worker's future breaks: a cancel.
        [this, request, answer = std::move(answer)] {
            auto* dialog = new PinDialog(request, false, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::finished, dialog, [dialog, answer](int result) {
                if (result == QDialog::Accepted) {
                    answer->give(dialog->takeSecret());
                } else {
                    answer->give(std::nullopt);
                }
            });
            // The parent window closed under an open dialog: the worker gets a cancel.
            connect(dialog, &QObject::destroyed, dialog, [answer] { answer->give(std::nullopt); });
            dialog->open();
            Q_EMIT dialogOpened(dialog);
        },
        Qt::QueuedConnection);
    if (!queued) {
        return std::nullopt;
    }
    try {
        return future.get();
    } catch (const std::future_error&) {
        // The queued call was dropped (the prompter went away first): nothing was asked.
        return std::nullopt;
    }
}

bool DialogPinPrompter::confirmFinalTry(const PinRequest& request)
{
    if (QThread::currentThread() == thread()) {
        qCWarning(lcPinDialog) << "confirmFinalTry() on the GUI thread: refused (it would wait for itself)";
        return false;
    }
    auto promise = std::make_shared<std::promise<bool>>();
    std::future<bool> future = promise->get_future();
    const bool queued = QMetaObject::invokeMethod(
        this,
        [this, request, promise = std::move(promise)] {
            auto* box = new QMessageBox(QMessageBox::Warning, tr("Final try"),
                                        tr("One more wrong PIN locks %1 (serial %2). Enter it on the reader anyway?")
                                            .arg(request.token.label, request.token.serial),
                                        QMessageBox::Yes | QMessageBox::No, m_window);
            box->setObjectName(QStringLiteral("confirmFinalTry"));
            box->setDefaultButton(QMessageBox::No);
            box->setAttribute(Qt::WA_DeleteOnClose);
            auto answered = std::make_shared<bool>(false);
            connect(box, &QMessageBox::finished, box, [box, promise, answered](int) {
                if (!*answered) {
                    *answered = true;
                    promise->set_value(box->clickedButton() == box->button(QMessageBox::Yes));
                }
            });
            connect(box, &QObject::destroyed, box, [promise, answered] {
                if (!*answered) {
                    *answered = true;
                    promise->set_value(false);
                }
            });
            box->open();
        },
        Qt::QueuedConnection);
    if (!queued) {
        return false;
    }
    try {
        return future.get();
    } catch (const std::future_error&) {
        return false; // the question never opened: no
    }
}

void DialogPinPrompter::pinpadStarted(const PinRequest& request)
{
    QMetaObject::invokeMethod(
        this,
        [this, request] {
            delete m_pinpadDialog.data();
            m_pinpadDialog = new PinDialog(request, true, m_window);
            m_pinpadDialog->setAttribute(Qt::WA_DeleteOnClose);
            m_pinpadDialog->show();
            Q_EMIT dialogOpened(m_pinpadDialog);
        },
        Qt::QueuedConnection);
}

void DialogPinPrompter::pinpadFinished()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_pinpadDialog) {
                m_pinpadDialog->close();
            }
        },
        Qt::QueuedConnection);
}

} // namespace tokendesk
