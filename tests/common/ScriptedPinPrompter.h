// A PinPrompter that answers from a script, as a user typing at the prompts
// would, and records what it was asked. Answers run out: cancelled.
// It types its answers also on a final try: whether a final try is sent is for
// the backend to decide, by asking confirmFinalTry() (recorded, answered with
// `confirmFinalTry`), so a test sees that the backend asked.
#pragma once

#include "backend/pkcs11/PinPrompter.h"

#include <QList>
#include <QString>

class ScriptedPinPrompter : public tokendesk::PinPrompter
{
public:
    explicit ScriptedPinPrompter(QStringList answers, bool confirmFinalTry = true)
        : m_answers(std::move(answers)), m_confirmFinalTry(confirmFinalTry)
    {}

    std::optional<tokendesk::SecureBytes> askPin(const tokendesk::PinRequest& request) override
    {
        requests.append(request);
        if (m_answers.isEmpty()) {
            return std::nullopt;
        }
        QString answer = m_answers.takeFirst();
        return tokendesk::SecureBytes::takeUtf8(answer);
    }
    bool confirmFinalTry(const tokendesk::PinRequest& request) override
    {
        finalTryConfirmations.append(request);
        return m_confirmFinalTry;
    }
    void pinpadStarted(const tokendesk::PinRequest& request) override { pinpadRequests.append(request); }

    QList<tokendesk::PinRequest> requests;
    QList<tokendesk::PinRequest> pinpadRequests;
    QList<tokendesk::PinRequest> finalTryConfirmations;

private:
    QStringList m_answers;
    bool m_confirmFinalTry;
};
