#pragma once

#include "TokenCommand.h"
#include "backend/pkcs11/IdentityTester.h"

namespace tokendesk {

class DialogPinPrompter;

/// "Test this identity": signs a random challenge with the identity's key on its token and
/// verifies it with the certificate (IdentityTester), the PIN asked through the GUI's
/// DialogPinPrompter. A token that is not there is waited for.
class TestIdentityCommand : public TokenCommand
{
    Q_OBJECT

public:
    TestIdentityCommand(CertificateEntry entry, const TokenInfo& token, RegistryGetter registry,
                        std::shared_ptr<DialogPinPrompter> prompter, QObject* parent = nullptr);

    QString title() const override;
    /// The sentence for an outcome: works, does not verify, or failed and why.
    static QString message(const Result<IdentityTestResult, Pkcs11Error>& result);

protected:
    void run() override;

private:
    CertificateEntry m_entry;
    /// Shared with the jobs that use it: a job still running when the window goes keeps it
    /// alive (deleted later on the GUI thread), and its questions get a cancel.
    std::shared_ptr<DialogPinPrompter> m_prompter;
};

} // namespace tokendesk
