// PinManager against SoftHSM2 (PKCS#11 only: C_SetPIN, C_Login(CKU_SO) + C_InitPIN):
// every change is proved with pkcs11-tool, the real peer, logging in with the
// new secret (works) and the old one (fails).

#include "ModuleOptions.h"
#include "ScriptedPinPrompter.h"
#include "SoftHsmTokens.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/PinManager.h"

#include <QProcessEnvironment>
#include <QTest>

using namespace tokendesk;

namespace {
const QString kNewPin = QStringLiteral("11223344");
const QString kNewSoPin = QStringLiteral("99887766");
const QString kWrong = QStringLiteral("00000000");

ModuleRegistry::Options softhsmOnly()
{
    return testmodules::only(SoftHsmTokens::modulePath());
}

/// pkcs11-tool logs in to the token labelled "pins" as the user with `pin` (listing its
/// objects), or as SO (setting the user PIN again to SoftHsmTokens::kUserPin: SO login
/// needs a read-write session, which only such an operation opens).
bool logsIn(const QString& pin, bool so = false)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("TD_TRY"), pin);
    env.insert(QStringLiteral("TD_USER"), SoftHsmTokens::kUserPin);
    QStringList args{QStringLiteral("--module"), SoftHsmTokens::modulePath(), QStringLiteral("--token-label"),
                     QStringLiteral("pins"), QStringLiteral("--login")};
    if (so) {
        args << QStringLiteral("--login-type") << QStringLiteral("so") << QStringLiteral("--so-pin")
             << QStringLiteral("env:TD_TRY") << QStringLiteral("--init-pin") << QStringLiteral("--new-pin")
             << QStringLiteral("env:TD_USER");
    } else {
        args << QStringLiteral("--pin") << QStringLiteral("env:TD_TRY") << QStringLiteral("--list-objects");
    }
    return PeerProcess::run(QStringLiteral("pkcs11-tool"), args, {}, env).ok();
}
} // namespace

class TestPinManagerSoftHsm : public QObject
{
    Q_OBJECT

    std::unique_ptr<SoftHsmTokens> m_tokens;
    std::unique_ptr<ModuleRegistry> m_registry;

    PinManager manager()
    {
        const TokenScan scan = m_registry->scan();
        for (const TokenInfo& token : scan.tokens) {
            if (token.label == QLatin1String("pins")) {
                return PinManager(Pkcs11Token(m_registry->loaded().front(), token));
            }
        }
        qFatal("the SoftHSM token is missing");
    }

private Q_SLOTS:
    void init()
    {
        m_tokens = std::make_unique<SoftHsmTokens>();
        QVERIFY(m_tokens->isValid());
        QVERIFY2(m_tokens->createToken("pins"), qPrintable(m_tokens->errorString()));
        m_registry = std::make_unique<ModuleRegistry>(softhsmOnly());
    }
    void cleanup()
    {
        m_registry.reset();
        m_tokens.reset();
    }

    void status()
    {
        const auto status = manager().status();
        QVERIFY(status);
        QVERIFY(!status.value().piv);
        QCOMPARE(status.value().user.triesLeft, -1); // SoftHSM does not count
        QVERIFY(!status.value().user.locked());
        QVERIFY(status.value().minLength > 0);
    }

    void changePin()
    {
        ScriptedPinPrompter prompter({SoftHsmTokens::kUserPin, kNewPin});
        QVERIFY(manager().changePin(prompter));
        QVERIFY(logsIn(kNewPin));
        QVERIFY(!logsIn(SoftHsmTokens::kUserPin));
    }

    void wrongCurrentPinChangesNothing()
    {
        ScriptedPinPrompter prompter({kWrong, kNewPin});
        const auto result = manager().changePin(prompter);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, PinError::Kind::WrongSecret);
        QVERIFY(!result.error().soPin);
        QVERIFY(logsIn(SoftHsmTokens::kUserPin));
        QVERIFY(!logsIn(kNewPin));
    }

    void changeSoPin()
    {
        QVERIFY(logsIn(SoftHsmTokens::kSoPin, true));
        ScriptedPinPrompter prompter({SoftHsmTokens::kSoPin, kNewSoPin});
        QVERIFY(manager().changeSoPin(prompter));
        QVERIFY(logsIn(kNewSoPin, true));
        QVERIFY(!logsIn(SoftHsmTokens::kSoPin, true));
    }

    void unblockWithSoPin()
    {
        ScriptedPinPrompter wrong({kWrong, kNewPin});
        const auto failed = manager().unblockPin(wrong);
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind, PinError::Kind::WrongSecret);
        QVERIFY(failed.error().soPin);
        QVERIFY(logsIn(SoftHsmTokens::kUserPin));

        ScriptedPinPrompter prompter({SoftHsmTokens::kSoPin, kNewPin});
        QVERIFY(manager().unblockPin(prompter));
        QCOMPARE(prompter.requests.at(0).secret, PinRequest::Secret::SoPin);
        QCOMPARE(prompter.requests.at(1).secret, PinRequest::Secret::NewUserPin);
        QVERIFY(logsIn(kNewPin));
        QVERIFY(!logsIn(SoftHsmTokens::kUserPin));
    }

    void tooShortIsRefusedBeforeSending()
    {
        ScriptedPinPrompter prompter({SoftHsmTokens::kUserPin, QStringLiteral("1")});
        const auto result = manager().changePin(prompter);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, PinError::Kind::RuleViolation);
        QCOMPARE(result.error().rule, PinError::Rule::TooShort);
        QVERIFY(logsIn(SoftHsmTokens::kUserPin));
    }
};

QTEST_GUILESS_MAIN(TestPinManagerSoftHsm)
#include "tst_pinmanager_softhsm.moc"
