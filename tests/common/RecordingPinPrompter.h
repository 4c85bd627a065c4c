// A PinPrompter for the IdentityTester tests (STYLE.md 6, XCA's PwDialogMock): answers every
// request with one PIN, or cancels, and records every request so a test can prove the
// backend asked exactly once and with what it said (purpose, final try, token), and every final
// try it asked to confirm. Thread-safe: the tests call the backend from a worker thread with a
// bounded wait.
#pragma once

#include "backend/pkcs11/PinPrompter.h"

#include <QList>
#include <mutex>

class RecordingPinPrompter : public tokendesk::PinPrompter
{
public:
    RecordingPinPrompter() = default; // cancels
    explicit RecordingPinPrompter(const QByteArray& pin) : m_pin(pin), m_answers(true) {}

    std::optional<tokendesk::SecureBytes> askPin(const tokendesk::PinRequest& request) override
    {
        const std::lock_guard<std::mutex> lock(m_lock);
        m_requests.append(request);
        if (!m_answers) {
            return std::nullopt;
        }
        return tokendesk::SecureBytes(m_pin.constData(), m_pin.size());
    }
    /// A prompter that answers also agrees to a PIN pad's final try; one that cancels does not.
    bool confirmFinalTry(const tokendesk::PinRequest& request) override
    {
        const std::lock_guard<std::mutex> lock(m_lock);
        m_finalTryConfirmations.append(request);
        return m_answers;
    }
    void pinpadStarted(const tokendesk::PinRequest& request) override
    {
        const std::lock_guard<std::mutex> lock(m_lock);
        m_pinpadRequests.append(request);
    }

    QList<tokendesk::PinRequest> requests() const
    {
        const std::lock_guard<std::mutex> lock(m_lock);
        return m_requests;
    }
    int asked() const { return int(requests().size()); }
    /// What the backend asked confirmFinalTry() for, in order.
    QList<tokendesk::PinRequest> finalTryConfirmations() const
    {
        const std::lock_guard<std::mutex> lock(m_lock);
        return m_finalTryConfirmations;
    }
    int pinpadStartedCount() const
    {
        const std::lock_guard<std::mutex> lock(m_lock);
        return int(m_pinpadRequests.size());
    }

private:
    mutable std::mutex m_lock;
    QByteArray m_pin;
    bool m_answers = false;
    QList<tokendesk::PinRequest> m_requests;
    QList<tokendesk::PinRequest> m_pinpadRequests;
    QList<tokendesk::PinRequest> m_finalTryConfirmations;
};
