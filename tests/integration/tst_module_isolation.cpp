// Module isolation (docs/ISOLATION.md): with TOKENDESK_ISOLATE=all,
// `tokendesk report --json` runs SoftHSM2 and OpenSC (the simulated card) each in
// a child process through p11-kit's RPC (p11-kit-client.so, tokendesk-module-host) and
// lists the same tokens as in process. A fake module that segfaults in
// C_GetTokenInfo ends the report in process; isolated, the report finishes, names
// that module as crashed with its signal, and lists the other modules' tokens.

#include "ChildProcesses.h"
#include "PeerProcess.h"
#include "SimCard.h"
#include "SoftHsmTokens.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <csignal>

namespace {

const QString kCrashingModule = QStringLiteral(TOKENDESK_FAKE_CRASHING_PKCS11);

PeerResult report(bool isolate, const QString& extraModules = {}, bool json = true)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("TOKENDESK_ISOLATE"), isolate ? QStringLiteral("all") : QStringLiteral("0"));
    if (!extraModules.isEmpty()) {
        env.insert(QStringLiteral("TOKENDESK_MODULES"), extraModules);
    }
    return PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"),
                            QStringList{QStringLiteral("report")} +
                                (json ? QStringList{QStringLiteral("--json")} : QStringList()) +
                                QStringList{QStringLiteral("--module"), SoftHsmTokens::modulePath()},
                            {}, env);
}

QJsonObject parse(const PeerResult& run)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (!run.ok() || error.error != QJsonParseError::NoError) {
        qWarning("%s", run.describe().constData());
        return {};
    }
    return doc.object();
}

QList<QJsonObject> objects(const QJsonObject& report, const char* key, const char* field, const QString& value)
{
    QList<QJsonObject> found;
    for (const QJsonValue& v : report.value(QLatin1String(key)).toArray()) {
        if (v.toObject().value(QLatin1String(field)).toString() == value) {
            found << v.toObject();
        }
    }
    return found;
}

QJsonObject module(const QJsonObject& report, const char* field, const QString& value)
{
    const QList<QJsonObject> found = objects(report, "modules", field, value);
    return found.size() == 1 ? found.constFirst() : QJsonObject();
}

} // namespace

class TestModuleIsolation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("TOKENDESK_BINARY")), "TOKENDESK_BINARY");
        QVERIFY2(qEnvironmentVariableIsSet("PCSCLITE_CSOCK_NAME"), "run inside the bench (testbench.sh exec)");
        QVERIFY2(QFile::exists(qEnvironmentVariable("TOKENDESK_MODULE_HOST")), "TOKENDESK_MODULE_HOST");
        QVERIFY(m_hsm.isValid());
        QVERIFY2(m_hsm.createToken("Isolated One"), qPrintable(m_hsm.errorString()));
        m_card.setSlots({QStringLiteral("9a=p256"), QStringLiteral("9c=rsa2048")});
        QVERIFY2(m_card.start(), qPrintable(m_card.errorString()));
    }

    void cleanupTestCase() { QVERIFY(m_card.stop()); }

    void sameTokensIsolatedAndInProcess()
    {
        const QJsonObject inProcess = parse(report(false));
        const QJsonObject isolated = parse(report(true));
        QVERIFY(!inProcess.isEmpty() && !isolated.isEmpty());
        // The same tokens, field for field (labels, serials, slots, flags, URIs, PIN state).
        const QJsonArray tokens = isolated.value(QStringLiteral("tokens")).toArray();
        QCOMPARE(tokens, inProcess.value(QStringLiteral("tokens")).toArray());
        QCOMPARE(objects(isolated, "tokens", "label", QStringLiteral("Isolated One")).size(), 1);
        QCOMPARE(objects(isolated, "tokens", "module", QStringLiteral("opensc-pkcs11")).size(), 1);
        // And the same certificates read from them (the card's two).
        QCOMPARE(isolated.value(QStringLiteral("certificates")), inProcess.value(QStringLiteral("certificates")));
        // Isolated where asked: SoftHSM2 and OpenSC in children, the trust store in process.
        for (const QString& path : {SoftHsmTokens::modulePath(), PeerProcess::pkcs11Module()}) {
            const QString canonical = QFileInfo(path).canonicalFilePath();
            QCOMPARE(module(isolated, "path", canonical).value(QStringLiteral("isolated")).toBool(), true);
            QCOMPARE(module(inProcess, "path", canonical).value(QStringLiteral("isolated")).toBool(), false);
        }
        const QJsonObject trust = module(isolated, "name", QStringLiteral("p11-kit-trust"));
        QVERIFY(!trust.isEmpty());
        QCOMPARE(trust.value(QStringLiteral("isolated")).toBool(), false);
    }

    void crashingModuleEndsTheReportInProcess()
    {
        const PeerResult run = report(false, kCrashingModule);
        QVERIFY2(run.started && run.finished, run.describe().constData());
        // Killed by SIGSEGV, or (built with AddressSanitizer) its report and exit status 1.
        QVERIFY2(run.exitCode != 0, run.describe().constData());
        QVERIFY2(!run.out.contains("\"tokens\""), run.describe().constData());
    }

    void crashingModuleIsNamedWhenIsolated()
    {
        const QJsonObject isolated = parse(report(true, kCrashingModule));
        QVERIFY(!isolated.isEmpty());
        const QJsonObject crashed = module(isolated, "path", kCrashingModule);
        QCOMPARE(crashed.value(QStringLiteral("isolated")).toBool(), true);
        QVERIFY(crashed.value(QStringLiteral("error")).isNull()); // it loaded and initialized
        const QJsonObject error = crashed.value(QStringLiteral("slot_list_error")).toObject();
        QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("module_crashed"));
        QCOMPARE(error.value(QStringLiteral("signal")).toInt(), SIGSEGV);
        QCOMPARE(error.value(QStringLiteral("function")).toString(), QStringLiteral("C_GetTokenInfo"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("CKR_DEVICE_ERROR"));
        QCOMPARE(error.value(QStringLiteral("message")).toString(),
                 QStringLiteral("The PKCS#11 module crashed (SIGSEGV)."));
        // Its token is gone with it; the others are all there.
        QVERIFY(objects(isolated, "tokens", "module_path", kCrashingModule).isEmpty());
        QCOMPARE(objects(isolated, "tokens", "label", QStringLiteral("Isolated One")).size(), 1);
        QCOMPARE(objects(isolated, "tokens", "module", QStringLiteral("opensc-pkcs11")).size(), 1);
        // Its child was reaped, none is left behind (neither zombie nor orphan).
        QCOMPARE(childprocesses::naming(kCrashingModule), QStringList());

        // The text report says it under the module.
        const PeerResult text = report(true, kCrashingModule, false);
        QVERIFY2(text.ok(), text.describe().constData());
        const QByteArray line = "  fake_crashing_pkcs11 (" + QFile::encodeName(kCrashingModule) + ")\n";
        const qsizetype at = text.out.indexOf(line);
        QVERIFY2(at >= 0, text.out.constData());
        QVERIFY2(text.out.indexOf("    The PKCS#11 module crashed (SIGSEGV).\n", at) > at, text.out.constData());
        QVERIFY(text.out.contains("Isolated One"));
    }

private:
    SoftHsmTokens m_hsm;
    SimCard m_card;
};

QTEST_GUILESS_MAIN(TestModuleIsolation)
#include "tst_module_isolation.moc"
