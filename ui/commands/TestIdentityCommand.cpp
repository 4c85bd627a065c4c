#include "TestIdentityCommand.h"

#include "AsyncTask.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "models/ErrorText.h"
#include "ui/DialogPinPrompter.h"

namespace tokendesk {

namespace {
using TestResult = Result<IdentityTestResult, Pkcs11Error>;
} // namespace

TestIdentityCommand::TestIdentityCommand(CertificateEntry entry, const TokenInfo& token, RegistryGetter registry,
                                         std::shared_ptr<DialogPinPrompter> prompter, QObject* parent)
    : TokenCommand(token, std::move(registry), parent), m_entry(std::move(entry)), m_prompter(std::move(prompter))
{}

QString TestIdentityCommand::title() const
{
    return tr("Test identity");
}

QString TestIdentityCommand::message(const TestResult& result)
{
    if (!result) {
        return tr("The identity test failed: %1").arg(ErrorText::pkcs11(result.error()));
    }
    const IdentityTestResult& r = result.value();
    if (!r.verified) {
        return tr("The token signed, but the certificate's key does not verify the signature: this key does not "
                  "belong to this certificate (%1).")
            .arg(r.verifyError);
    }
    return tr("The identity works: the token signed a random challenge (%1, %2 ms) and the certificate verified it.")
        .arg(r.mechanism)
        .arg(r.elapsedMs);
}

void TestIdentityCommand::run()
{
    AsyncTask::runThenCallback(
        this,
        [registry = registry(), entry = m_entry, token = token(), prompter = m_prompter]() -> TestResult {
            if (!registry) {
                return noModules();
            }
            auto found = registry->findToken(token);
            if (!found) {
                return found.error();
            }
            return IdentityTester::test(found.value(), entry, *prompter);
        },
        [this](const TestResult& r) {
            if (!r && r.error().kind == Pkcs11Error::Kind::TokenNotPresent) {
                waitFor(r.error(), [this] { run(); });
                return;
            }
            const QString key = token().key();
            finish(r && r.value().verified, message(r));
            Q_EMIT tokenChanged(key);
        });
}

} // namespace tokendesk
