// The tokens part of `tokendesk report`: SoftHSM2 tokens (through --module),
// the simulated PIV card through OpenSC, broken modules, all compared with
// what pkcs11-tool -L says.

#include "PeerProcess.h"
#include "SimCard.h"
#include "SoftHsmTokens.h"
#include "backend/pkcs11/Pkcs11Uri.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using tokendesk::Pkcs11Uri;

namespace {

const QString kFakeModule = QStringLiteral(TOKENDESK_FAKE_FAILING_PKCS11);

PeerResult runTokendesk(const QStringList& args, const QProcessEnvironment& env = {})
{
    return PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"), args, {}, env);
}

QJsonObject reportJson(const QStringList& extra, const QProcessEnvironment& env = {})
{
    const PeerResult run = runTokendesk(QStringList{QStringLiteral("report"), QStringLiteral("--json")} + extra, env);
    if (run.exitCode != 0) {
        qWarning("%s", run.describe().constData());
        return {};
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("%s", run.describe().constData());
    }
    return doc.object();
}

QList<QJsonObject> objects(const QJsonObject& report, const char* key, const char* field, const QString& value)
{
    QList<QJsonObject> found;
    const QJsonArray array = report.value(QLatin1String(key)).toArray();
    for (const QJsonValue& v : array) {
        if (v.toObject().value(QLatin1String(field)).toString() == value) {
            found << v.toObject();
        }
    }
    return found;
}

bool hasLabel(const QJsonObject& report, const QString& label)
{
    return !objects(report, "tokens", "label", label).isEmpty();
}

/// `triesLeft`: what the card says (PIV over PC/SC); -1: the token cannot tell, null in JSON.
void checkPin(const QJsonObject& token, int triesLeft = -1)
{
    const QJsonObject pin = token.value(QStringLiteral("pin")).toObject();
    QVERIFY(pin.contains(QStringLiteral("tries_left")));
    if (triesLeft < 0) {
        QVERIFY(pin.value(QStringLiteral("tries_left")).isNull());
    } else {
        QCOMPARE(pin.value(QStringLiteral("tries_left")).toInt(-1), triesLeft);
    }
    for (const char* key : {"low", "final_try", "locked"}) {
        QVERIFY2(pin.value(QLatin1String(key)).isBool(), key);
        QCOMPARE(pin.value(QLatin1String(key)).toBool(), false);
    }
}

} // namespace

class TestPkcs11Report : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("TOKENDESK_BINARY")), "TOKENDESK_BINARY");
        QVERIFY2(qEnvironmentVariableIsSet("PCSCLITE_CSOCK_NAME"), "run inside the bench (testbench.sh exec)");
        QVERIFY2(PeerProcess::which(QStringLiteral("pkcs11-tool")), "pkcs11-tool");
        for (int reader : {0, 1}) {
            QString error;
            QVERIFY2(SimCard::waitForCardPresent(reader, false, 5000, &error), qPrintable(error));
        }
    }

    void softhsmTokensAsPkcs11ToolListsThem()
    {
        SoftHsmTokens hsm;
        QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
        QVERIFY2(hsm.createToken("Report One"), qPrintable(hsm.errorString()));
        QVERIFY2(hsm.createToken(QStringLiteral("Bericht \u00fc").toUtf8()), qPrintable(hsm.errorString()));
        // SoftHSM named with --module and registered with p11-kit: one module entry.
        const QJsonObject report = reportJson({QStringLiteral("--module"), SoftHsmTokens::modulePath()});
        QVERIFY(!report.isEmpty());
        const QList<QJsonObject> modules = objects(report, "modules", "path", SoftHsmTokens::modulePath());
        QCOMPARE(modules.size(), 1);
        QVERIFY(modules.constFirst().value(QStringLiteral("error")).isNull());
        QCOMPARE(modules.constFirst().value(QStringLiteral("name")).toString(), QStringLiteral("softhsm2"));
        // The trust module is listed as a module, its token is not.
        const QList<QJsonObject> trust = objects(report, "modules", "name", QStringLiteral("p11-kit-trust"));
        QCOMPARE(trust.size(), 1);
        QCOMPARE(trust.constFirst().value(QStringLiteral("system")).toBool(), true);
        QVERIFY(!hasLabel(report, QStringLiteral("System Trust")));

        const QList<QJsonObject> tokens = objects(report, "tokens", "module_path", SoftHsmTokens::modulePath());
        QCOMPARE(tokens.size(), 2); // the free slot's uninitialized token is left out
        for (const QJsonObject& token : tokens) {
            const QString label = token.value(QStringLiteral("label")).toString();
            const SoftHsmTokens::Listed peer = hsm.listed(label.toUtf8());
            QVERIFY2(peer.initialized, qPrintable(label));
            QCOMPARE(token.value(QStringLiteral("serial")).toString().toUtf8(), peer.serial);
            QCOMPARE(token.value(QStringLiteral("manufacturer")).toString().toUtf8(), peer.manufacturer);
            QCOMPARE(token.value(QStringLiteral("model")).toString().toUtf8(), peer.model);
            QCOMPARE(token.value(QStringLiteral("module")).toString(), QStringLiteral("softhsm2"));
            QCOMPARE(QString::number(token.value(QStringLiteral("min_pin_length")).toInt()) + QLatin1Char('/') +
                         QString::number(token.value(QStringLiteral("max_pin_length")).toInt()),
                     QString::fromUtf8(peer.pinLengths));
            const QJsonObject flags = token.value(QStringLiteral("flags")).toObject();
            QCOMPARE(flags.value(QStringLiteral("login_required")).toBool(), peer.flags.contains("login required"));
            QCOMPARE(flags.value(QStringLiteral("token_initialized")).toBool(), true);
            checkPin(token);
            const auto uri = Pkcs11Uri::parse(token.value(QStringLiteral("uri")).toString());
            QVERIFY(uri);
            QCOMPARE(uri.value().tokenLabel(), label);
            QCOMPARE(uri.value().tokenSerial(), token.value(QStringLiteral("serial")).toString());
        }
        // The token URIs are p11tool's.
        const PeerResult urls = hsm.p11tool({QStringLiteral("--list-token-urls")});
        QVERIFY2(urls.ok(), urls.describe().constData());
        for (const QJsonObject& token : tokens) {
            QVERIFY2(urls.out.contains(token.value(QStringLiteral("uri")).toString().toUtf8()),
                     urls.describe().constData());
        }

        // --all-tokens: the trust store's token and the uninitialized one too.
        const QJsonObject all = reportJson({QStringLiteral("--all-tokens")});
        QVERIFY(hasLabel(all, QStringLiteral("System Trust")));
        QCOMPARE(objects(all, "tokens", "module_path", SoftHsmTokens::modulePath()).size(), 3);

        // The text form names the tokens and their URIs.
        const PeerResult text = runTokendesk({QStringLiteral("report")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Report One") &&
                     text.out.contains(tokens.constFirst().value(QStringLiteral("uri")).toString().toUtf8()),
                 text.out.constData());
    }

    void pivCardAsPkcs11ToolListsIt()
    {
        SimCard card;
        card.setSlots({QStringLiteral("9a=p256"), QStringLiteral("9c=p256")});
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        const PeerResult listing =
            PeerProcess::run(QStringLiteral("pkcs11-tool"),
                             {QStringLiteral("--module"), PeerProcess::pkcs11Module(), QStringLiteral("-L")});
        QVERIFY2(listing.ok(), listing.describe().constData());
        static const QRegularExpression serialRe(QStringLiteral("serial num\\s*:\\s*(\\S+)"));
        static const QRegularExpression labelRe(QStringLiteral("token label\\s*:\\s*(.*)\\n"));
        const QString serial = serialRe.match(QString::fromUtf8(listing.out)).captured(1);
        const QString label = labelRe.match(QString::fromUtf8(listing.out)).captured(1).trimmed();
        QVERIFY(card.guid().endsWith(serial));

        const QJsonObject report = reportJson({});
        const QList<QJsonObject> tokens = objects(report, "tokens", "module", QStringLiteral("opensc-pkcs11"));
        QCOMPARE(tokens.size(), 1);
        const QJsonObject token = tokens.constFirst();
        QCOMPARE(token.value(QStringLiteral("serial")).toString(), serial);
        QCOMPARE(token.value(QStringLiteral("label")).toString(), label);
        QVERIFY(token.value(QStringLiteral("slot"))
                    .toObject()
                    .value(QStringLiteral("description"))
                    .toString()
                    .startsWith(SimCard::readerName(0)));
        QCOMPARE(token.value(QStringLiteral("slot")).toObject().value(QStringLiteral("removable")).toBool(), true);
        // The card tells its PIN's tries left, read over PC/SC without spending one.
        checkPin(token, card.pinTriesLeft());
        QCOMPARE(card.pinTriesLeft(), 3);
        // The reader the card is in, and the token on it, in one report.
        const QList<QJsonObject> readers = objects(report, "readers", "name", SimCard::readerName(0));
        QCOMPARE(readers.size(), 1);
        QCOMPARE(readers.constFirst().value(QStringLiteral("card_present")).toBool(), true);
        QVERIFY(card.stop());
    }

    void brokenModulesAreReported()
    {
        SoftHsmTokens hsm;
        QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
        QVERIFY2(hsm.createToken("Still here"), qPrintable(hsm.errorString()));
        QProcessEnvironment env;
        env.insert(QStringLiteral("TOKENDESK_MODULES"), kFakeModule);
        const QJsonObject report =
            reportJson({QStringLiteral("--module"), QStringLiteral("/nonexistent/libnone.so")}, env);
        QVERIFY(!report.isEmpty());
        const QList<QJsonObject> missing =
            objects(report, "modules", "path", QStringLiteral("/nonexistent/libnone.so"));
        QCOMPARE(missing.size(), 1);
        const QJsonObject missingError = missing.constFirst().value(QStringLiteral("error")).toObject();
        QCOMPARE(missingError.value(QStringLiteral("kind")).toString(), QStringLiteral("module_not_loaded"));
        QVERIFY(!missingError.value(QStringLiteral("message")).toString().isEmpty());
        const QList<QJsonObject> fake = objects(report, "modules", "path", kFakeModule);
        QCOMPARE(fake.size(), 1);
        const QJsonObject fakeError = fake.constFirst().value(QStringLiteral("error")).toObject();
        QCOMPARE(fakeError.value(QStringLiteral("code")).toString(), QStringLiteral("CKR_GENERAL_ERROR"));
        QCOMPARE(fakeError.value(QStringLiteral("function")).toString(), QStringLiteral("C_Initialize"));
        // Nothing else is hidden by them.
        QVERIFY(hasLabel(report, QStringLiteral("Still here")));
        QCOMPARE(objects(report, "modules", "name", QStringLiteral("opensc-pkcs11")).size(), 1);

        const PeerResult text = runTokendesk(
            {QStringLiteral("report"), QStringLiteral("--module"), QStringLiteral("/nonexistent/libnone.so")}, env);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("CKR_GENERAL_ERROR in C_Initialize"), text.out.constData());
        QVERIFY(text.out.contains("Still here"));
    }
};

QTEST_GUILESS_MAIN(TestPkcs11Report)
#include "tst_pkcs11_report.moc"
