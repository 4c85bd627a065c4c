#include "TokenActions.h"

#include "DialogPinPrompter.h"
#include "PinFlow.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "models/ErrorText.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace tokendesk {

namespace {
using TestResult = Result<IdentityTestResult, Pkcs11Error>;
using TokenResult = Result<Pkcs11Token, Pkcs11Error>;

Pkcs11Error noModules()
{
    Pkcs11Error error;
    error.kind = Pkcs11Error::Kind::ModuleNotLoaded;
    error.detail = QStringLiteral("the PKCS#11 modules are still loading");
    return error;
}
} // namespace

TokenActions::TokenActions(RegistryGetter registry, QWidget* window)
    : QObject(window), m_registry(std::move(registry)), m_window(window),
      m_prompter(new DialogPinPrompter(window), [](DialogPinPrompter* p) { p->deleteLater(); })
{
    qRegisterMetaType<tokendesk::PinFlow*>("tokendesk::PinFlow*");
    qRegisterMetaType<tokendesk::PinChangeDialog*>("tokendesk::PinChangeDialog*");
}

TokenActions::~TokenActions() = default;

QString TokenActions::testMessage(const TestResult& result)
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

void TokenActions::waitFor(const Pkcs11Error& absent, const TokenInfo& token, std::function<void()> retry)
{
    m_waitingKey = token.key();
    m_retry = std::move(retry);
    const QString label = absent.tokenLabel.isEmpty() ? token.label : absent.tokenLabel;
    const QString serial = absent.tokenSerial.isEmpty() ? token.serial : absent.tokenSerial;
    Q_EMIT waitingForToken(tr("Insert the card or token \u201c%1\u201d (serial %2) to continue.").arg(label, serial));
}

void TokenActions::tokenAppeared(const TokenContents& token)
{
    if (m_waitingKey.isEmpty() || token.key() != m_waitingKey) {
        return;
    }
    m_waitingKey.clear();
    const auto retry = std::exchange(m_retry, {});
    if (retry) {
        retry();
    }
}

void TokenActions::cancelWaiting()
{
    m_waitingKey.clear();
    m_retry = {};
}

void TokenActions::testIdentity(const CertificateEntry& entry, const TokenInfo& token)
{
    const auto registry = m_registry();
    auto* watcher = new QFutureWatcher<TestResult>(this);
    connect(watcher, &QFutureWatcher<TestResult>::finished, this, [this, watcher, entry, token] {
        watcher->deleteLater();
        const TestResult r = watcher->result();
        if (!r && r.error().kind == Pkcs11Error::Kind::TokenNotPresent) {
            waitFor(r.error(), token, [this, entry, token] { testIdentity(entry, token); });
            return;
        }
        Q_EMIT result(r && r.value().verified, testMessage(r));
        Q_EMIT tokenChanged(token.key());
    });
    const std::shared_ptr<DialogPinPrompter> prompter = m_prompter;
    watcher->setFuture(QtConcurrent::run([registry, entry, token, prompter]() -> TestResult {
        if (!registry) {
            return noModules();
        }
        auto found = registry->findToken(token);
        if (!found) {
            return found.error();
        }
        return IdentityTester::test(found.value(), entry, *prompter);
    }));
}

void TokenActions::changePin(const TokenInfo& token, PinChangeDialog::Mode mode)
{
    if (m_pinBusy) {
        return; // one PIN operation at a time, from the click on
    }
    m_pinBusy = true;
    const auto registry = m_registry();
    auto* watcher = new QFutureWatcher<TokenResult>(this);
    connect(watcher, &QFutureWatcher<TokenResult>::finished, this, [this, watcher, mode, token] {
        watcher->deleteLater();
        const TokenResult found = watcher->result();
        if (!found && found.error().kind == Pkcs11Error::Kind::TokenNotPresent) {
            m_pinBusy = false;
            waitFor(found.error(), token, [this, token, mode] { changePin(token, mode); });
            return;
        }
        if (!found) {
            m_pinBusy = false;
            Q_EMIT result(false, ErrorText::pkcs11(found.error()));
            return;
        }
        m_flow = new PinFlow(found.value(), mode, m_window);
        const QString key = found.value().info().key();
        connect(m_flow, &PinFlow::finished, this, [this, key](bool ok, const QString& message) {
            m_pinBusy = false;
            Q_EMIT result(ok, message);
            Q_EMIT tokenChanged(key);
        });
        Q_EMIT pinFlowStarted(m_flow);
        m_flow->start();
    });
    watcher->setFuture(QtConcurrent::run([registry, token]() -> TokenResult {
        if (!registry) {
            return noModules();
        }
        return registry->findToken(token);
    }));
}

} // namespace tokendesk
