// Broken vendor modules (issue 15, docs/ISOLATION.md): four fakes (fake_broken_pkcs11.cpp) that
// segfault in C_GetTokenInfo, abort in C_Initialize, never return from C_FindObjects and crash on
// their 100th call, loaded together with SoftHSM2 and OpenSC on the simulated card, with
// isolation as it is by default. `tokendesk report` stays up, names each broken module with its
// reason, lists the other tokens and their certificates, and ends within the call time-out plus
// 2 s. This test is its children's subreaper: a module host orphaned by the report would become
// its child, so "no orphan, no zombie" is checked by pid.

#include "ChildProcesses.h"
#include "PeerProcess.h"
#include "SimCard.h"
#include "SoftHsmTokens.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <csignal>
#include <sys/prctl.h>

namespace {

constexpr int kTimeoutMs = 3000;

const QString kCrashing = QStringLiteral(TOKENDESK_FAKE_CRASHING_PKCS11);
const QString kAborting = QStringLiteral(TOKENDESK_FAKE_ABORTING_PKCS11);
const QString kHanging = QStringLiteral(TOKENDESK_FAKE_HANGING_PKCS11);
const QString kCrash100 = QStringLiteral(TOKENDESK_FAKE_CRASH100_PKCS11);

QJsonObject byField(const QJsonObject& report, const char* key, const char* field, const QString& value)
{
    for (const QJsonValue& v : report.value(QLatin1String(key)).toArray()) {
        if (v.toObject().value(QLatin1String(field)).toString() == value) {
            return v.toObject();
        }
    }
    return {};
}

} // namespace

class TestBrokenModules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("TOKENDESK_BINARY")), "TOKENDESK_BINARY");
        QVERIFY2(qEnvironmentVariableIsSet("PCSCLITE_CSOCK_NAME"), "run inside the bench (testbench.sh exec)");
        QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0);
        QVERIFY(m_hsm.isValid());
        QVERIFY2(m_hsm.createToken("Healthy Soft"), qPrintable(m_hsm.errorString()));
        m_card.setSlots({QStringLiteral("9a=p256"), QStringLiteral("9c=rsa2048")});
        QVERIFY2(m_card.start(), qPrintable(m_card.errorString()));
    }

    void cleanupTestCase() { QVERIFY(m_card.stop()); }

    void reportNamesEachBrokenModule()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TOKENDESK_MODULES"),
                   QStringList{kCrashing, kAborting, kHanging, kCrash100}.join(':'));
        env.insert(QStringLiteral("TOKENDESK_CALL_TIMEOUT_MS"), QString::number(kTimeoutMs));
        const QStringList before = childprocesses::children(); // the simulated card's
        QElapsedTimer clock;
        clock.start();
        const PeerResult run = PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"),
                                                {QStringLiteral("report"), QStringLiteral("--json"),
                                                 QStringLiteral("--module"), SoftHsmTokens::modulePath()},
                                                {}, env);
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(run.ok(), run.describe().constData());
        QVERIFY2(elapsed <= kTimeoutMs + 2000, qPrintable(QStringLiteral("report took %1 ms").arg(elapsed)));
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QVERIFY2(!report.isEmpty(), run.describe().constData());

        // Segfault in C_GetTokenInfo: the scan of its slots says so, no token.
        const QJsonObject crashing = byField(report, "modules", "path", kCrashing);
        QCOMPARE(crashing.value(QStringLiteral("isolated")).toBool(), true);
        QJsonObject error = crashing.value(QStringLiteral("slot_list_error")).toObject();
        QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("module_crashed"));
        QCOMPARE(error.value(QStringLiteral("signal")).toInt(), SIGSEGV);
        QCOMPARE(error.value(QStringLiteral("function")).toString(), QStringLiteral("C_GetTokenInfo"));

        // Abort in C_Initialize: the module itself failed.
        error = byField(report, "modules", "path", kAborting).value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("module_crashed"));
        QCOMPARE(error.value(QStringLiteral("signal")).toInt(), SIGABRT);
        QCOMPARE(error.value(QStringLiteral("function")).toString(), QStringLiteral("C_Initialize"));
        QCOMPARE(error.value(QStringLiteral("message")).toString(),
                 QStringLiteral("The PKCS#11 module crashed (SIGABRT)."));

        // Never returns from C_FindObjects: stopped after the time-out; its token stays, unread.
        error = byField(report, "modules", "path", kHanging).value(QStringLiteral("failure")).toObject();
        QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("module_stopped_answering"));
        QCOMPARE(error.value(QStringLiteral("function")).toString(), QStringLiteral("C_FindObjects"));
        QCOMPARE(error.value(QStringLiteral("timeout_ms")).toInt(), kTimeoutMs);
        const QJsonObject hangingToken = byField(report, "tokens", "module_path", kHanging);
        QCOMPARE(hangingToken.value(QStringLiteral("read_error")).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("module_stopped_answering"));

        // Crash on the 100th call: while its 80 objects are read.
        error = byField(report, "modules", "path", kCrash100).value(QStringLiteral("failure")).toObject();
        QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("module_crashed"));
        QCOMPARE(error.value(QStringLiteral("signal")).toInt(), SIGSEGV);

        // The healthy ones: SoftHSM2's token, and the card through OpenSC with its certificates.
        QVERIFY(!byField(report, "tokens", "label", QStringLiteral("Healthy Soft")).isEmpty());
        const QJsonObject card = byField(report, "tokens", "module", QStringLiteral("opensc-pkcs11"));
        QVERIFY2(!card.isEmpty(), run.out.constData());
        QVERIFY(!card.contains(QStringLiteral("read_error")));
        int cardCertificates = 0;
        for (const QJsonValue& c : report.value(QStringLiteral("certificates")).toArray()) {
            cardCertificates +=
                c.toObject().value(QStringLiteral("module")).toString() == QStringLiteral("opensc-pkcs11");
        }
        QCOMPARE(cardCertificates, 2);

        // No module host outlived the report: as the subreaper, this test would have inherited it.
        QCOMPARE(childprocesses::children(), before);
    }

    void textReportSaysWhy()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TOKENDESK_MODULES"), QStringList{kAborting, kHanging}.join(':'));
        env.insert(QStringLiteral("TOKENDESK_CALL_TIMEOUT_MS"), QString::number(kTimeoutMs));
        const QStringList before = childprocesses::children();
        const PeerResult run = PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"),
                                                {QStringLiteral("report"), QStringLiteral("--no-registered")}, {}, env);
        QVERIFY2(run.ok(), run.describe().constData());
        const QByteArray hanging = "  fake_hanging_pkcs11 (" + QFile::encodeName(kHanging) + ")\n";
        const qsizetype at = run.out.indexOf(hanging);
        QVERIFY2(at >= 0, run.out.constData());
        QVERIFY2(run.out.indexOf("    The PKCS#11 module stopped answering: C_FindObjects did not return within 3 "
                                 "seconds, so TokenDesk stopped it.\n",
                                 at) > at,
                 run.out.constData());
        QVERIFY2(run.out.contains("The PKCS#11 module crashed (SIGABRT)."), run.out.constData());
        QCOMPARE(childprocesses::children(), before);
    }

    void inProcessTheCrashEndsTheReport()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TOKENDESK_MODULES"), kCrashing);
        const PeerResult run = PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"),
                                                {QStringLiteral("report"), QStringLiteral("--json"),
                                                 QStringLiteral("--in-process"), QStringLiteral("--no-registered")},
                                                {}, env);
        QVERIFY2(run.started && run.finished, run.describe().constData());
        // Killed by SIGSEGV, or (built with AddressSanitizer) its report and exit status 1.
        QVERIFY2(run.exitCode != 0, run.describe().constData());
        QVERIFY2(!run.out.contains("\"tokens\""), run.describe().constData());
    }

private:
    SoftHsmTokens m_hsm;
    SimCard m_card;
};

QTEST_GUILESS_MAIN(TestBrokenModules)
#include "tst_broken_modules.moc"
