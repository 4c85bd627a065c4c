#include "PinFlow.h"

#include "backend/pkcs11/PinManager.h"
#include "commands/AsyncTask.h"
#include "models/PinText.h"

namespace tokendesk {

namespace {
/// Hands PinManager the secrets typed in the dialog, in the order it asks for them.
class TypedSecrets : public PinPrompter
{
public:
    TypedSecrets(SecureBytes current, SecureBytes next, bool finalTryConfirmed)
        : m_current(std::move(current)), m_next(std::move(next)), m_finalTryConfirmed(finalTryConfirmed)
    {}

    /// The final try was agreed in the dialog, or not at all: a count that dropped to one
    /// since the dialog read it (another program's wrong PIN) cancels instead.
    bool confirmFinalTry(const PinRequest& request) override
    {
        Q_UNUSED(request)
        return m_finalTryConfirmed;
    }

    std::optional<SecureBytes> askPin(const PinRequest& request) override
    {
        if (request.finalTry && !m_finalTryConfirmed) {
            return std::nullopt;
        }
        const bool isNew =
            request.secret == PinRequest::Secret::NewUserPin || request.secret == PinRequest::Secret::NewSoPin;
        SecureBytes& source = isNew ? m_next : m_current;
        if (source.isEmpty()) {
            return std::nullopt; // asked twice: never retry with the same secret
        }
        return std::exchange(source, SecureBytes());
    }

private:
    SecureBytes m_current;
    SecureBytes m_next;
    bool m_finalTryConfirmed = false;
};

using PinResult = Result<TokenPinStatus, PinError>;
} // namespace

PinFlow::PinFlow(Pkcs11Token token, PinChangeDialog::Mode mode, QWidget* parent)
    : QObject(parent), m_token(std::move(token)), m_mode(mode), m_parent(parent),
      m_piv(PinManager::isPiv(m_token.info()))
{}

QString PinFlow::errorText(const PinError& error, bool piv)
{
    if (error.kind == PinError::Kind::PinLocked) {
        // PinText's sentence names the command line; here the unblock dialog is the way on.
        return tr("The PIN is locked. Set a new PIN with the %1 to unblock it.").arg(PinText::soName(piv));
    }
    return PinText::error(error, piv);
}

void PinFlow::start()
{
    AsyncTask::runThenCallback(
        this, [token = m_token] { return PinManager(token).status(); },
        [this](const PinResult& status) {
            if (!status) {
                finish(false, errorText(status.error(), m_piv));
                return;
            }
            Q_EMIT statusRead(status.value());
            showDialog(status.value(), {});
        });
}

void PinFlow::showDialog(const TokenPinStatus& status, const QString& failure)
{
    if (m_dialog) {
        m_dialog->deleteLater();
    }
    m_dialog = new PinChangeDialog(status, m_mode, m_parent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose, false);
    if (!failure.isEmpty()) {
        m_dialog->showFailure(failure);
    }
    connect(m_dialog, &QDialog::accepted, this, [this] {
        auto [current, next] = m_dialog->takeSecrets();
        const bool finalTryConfirmed = m_dialog->finalTryConfirmed();
        m_dialog->hide();
        runOperation(std::move(current), std::move(next), finalTryConfirmed);
    });
    connect(m_dialog, &QDialog::rejected, this, [this] {
        PinError cancelled;
        cancelled.kind = PinError::Kind::Cancelled;
        finish(false, errorText(cancelled, m_piv));
    });
    m_dialog->open();
    Q_EMIT dialogShown(m_dialog);
}

void PinFlow::runOperation(SecureBytes current, SecureBytes next, bool finalTryConfirmed)
{
    auto prompter = std::make_shared<TypedSecrets>(std::move(current), std::move(next), finalTryConfirmed);
    AsyncTask::runThenCallback(
        this, [token = m_token, mode = m_mode, prompter] { return PinManager(token).run(mode, *prompter); },
        [this](const PinResult& result) { handleResult(result); });
}

void PinFlow::handleResult(const Result<TokenPinStatus, PinError>& result)
{
    if (result) {
        Q_EMIT statusRead(result.value());
        switch (m_mode) {
        case PinChangeDialog::Mode::ChangePin:
            finish(true, tr("The PIN was changed."));
            return;
        case PinChangeDialog::Mode::ChangeSoPin:
            finish(true, tr("The %1 was changed.").arg(PinText::soName(m_piv)));
            return;
        case PinChangeDialog::Mode::UnblockPin:
            finish(true, tr("The PIN was set and unblocked."));
            return;
        }
    }
    const PinError& error = result.error();
    const QString message = errorText(error, m_piv);
    const bool pinNowLocked = (error.kind == PinError::Kind::WrongSecret && !error.soPin && error.triesLeft == 0) ||
                              error.kind == PinError::Kind::PinLocked;
    if (pinNowLocked && m_mode == PinChangeDialog::Mode::ChangePin) {
        // A locked PIN leads to the unblock flow.
        m_mode = PinChangeDialog::Mode::UnblockPin;
    } else if (error.kind != PinError::Kind::WrongSecret || error.triesLeft == 0) {
        finish(false, message);
        return;
    }
    // Ask again (a new dialog, with the count read now): never retried by itself.
    AsyncTask::runThenCallback(
        this, [token = m_token] { return PinManager(token).status(); },
        [this, message, error](const PinResult& status) {
            if (!status) {
                finish(false, errorText(status.error(), m_piv));
                return;
            }
            TokenPinStatus now = status.value();
            // A PIV card tells the PUK's tries only in its answer to a wrong one: keep that
            // count, so the next dialog shows it and asks to confirm the final try.
            PinState& secret = error.soPin ? now.so : now.user;
            if (error.kind == PinError::Kind::WrongSecret && error.triesLeft >= 0 && secret.triesLeft < 0) {
                secret.triesLeft = error.triesLeft;
            }
            Q_EMIT statusRead(now);
            showDialog(now, message);
        });
}

void PinFlow::finish(bool succeeded, const QString& message)
{
    if (m_dialog) {
        m_dialog->hide();
        m_dialog->deleteLater();
    }
    Q_EMIT finished(succeeded, message);
    deleteLater();
}

} // namespace tokendesk
