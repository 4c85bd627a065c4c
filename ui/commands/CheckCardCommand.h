#pragma once

#include "Command.h"
#include "backend/pairing/PairingSources.h"
#include "backend/pkcs11/Identity.h"

#include <functional>

namespace tokendesk {

/// "Check this card": who logs in with the token's certificates, in the token's order, by
/// pam_pkcs11's mappers and rules (LoginFinder), read off the GUI thread. finished() carries
/// PairingText::answer as its message.
class CheckCardCommand : public Command
{
    Q_OBJECT
public:
    using ChoiceGetter = std::function<PairingSources::Choice()>;

    CheckCardCommand(TokenContents token, ChoiceGetter choice, QObject* parent = nullptr);

    QString title() const override;
    QString tokenKey() const override { return m_token.key(); }

protected:
    void run() override;

private:
    TokenContents m_token;
    ChoiceGetter m_choice;
};

} // namespace tokendesk
