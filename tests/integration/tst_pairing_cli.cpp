// `tokendesk pair|unpair|pairings|whois` against pam_pkcs11's own pklogin_finder, on the simulated
// PIV card through OpenSC, each with a pam_pkcs11.conf of the test's own: for the digest and subject
// mappers, pklogin_finder prints the login after `pair` and nothing after `unpair`; with two mappers,
// `whois` names the login and mapper pklogin_finder finds in every combination (first, second, both
// with different logins, none; both orders). Also: an unfit certificate is refused without --force,
// pairing twice leaves one line, `pairings --json` has DESIGN.md's keys and marks the present card,
// and each pair/unpair writes one audit line to the configured file.

#include "PamPkcs11Peer.h"
#include "PeerProcess.h"
#include "SimCard.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kCert9a = QStringLiteral("pkcs11:manufacturer=piv_II;id=%01;type=cert");
const QString kToken = QStringLiteral("pkcs11:manufacturer=piv_II");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPairingCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pairFoundByPklogin_data();
    void pairFoundByPklogin();
    void unfitRefusedWithoutForce();
    void whoisAgreesWithPklogin_data();
    void whoisAgreesWithPklogin();
    void oddLinesAsPklogin();
    void pairingsJsonAndAudit();
    void usageErrors();

private:
    PeerResult tokendesk(const QStringList& args, int timeoutMs = 60000) const;
    QString mapfile(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    SimCard m_card;
    QByteArray m_sha256;
};

PeerResult TestPairingCli::tokendesk(const QStringList& args, int timeoutMs) const
{
    QProcessEnvironment env;
    // The settings (audit log) from the test's own folder, not the user's.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    return PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"), args, {}, env, timeoutMs);
}

void TestPairingCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(PeerProcess::which(QStringLiteral("pklogin_finder")), "pklogin_finder (libpam-pkcs11)");
    QVERIFY2(m_card.start(), qPrintable(m_card.errorString()));
    m_sha256 = m_card.certSha256(QStringLiteral("9a"));
    QCOMPARE(m_sha256.size(), 64);
}

void TestPairingCli::cleanupTestCase()
{
    m_card.stop();
}

void TestPairingCli::pairFoundByPklogin_data()
{
    QTest::addColumn<QString>("mapper");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("extra");
    QTest::newRow("digest sha1") << QStringLiteral("digest") << QStringLiteral("pam-digest") << QString();
    QTest::newRow("digest sha256") << QStringLiteral("digest") << QStringLiteral("pam-digest")
                                   << QStringLiteral("algorithm = \"sha256\";");
    QTest::newRow("subject") << QStringLiteral("subject") << QStringLiteral("pam-subject") << QString();
}

void TestPairingCli::pairFoundByPklogin()
{
    QFETCH(QString, mapper);
    QFETCH(QString, kind);
    QFETCH(QString, extra);
    const QString file = mapfile(mapper + QStringLiteral("_") + QString::number(qHash(extra)));
    QFile::remove(file);
    const QString conf = m_dir.filePath(QStringLiteral("pair.conf"));
    QVERIFY(pampeer::writeConfig(conf, {{mapper, file, extra}}));
    QString diagnostics;
    QCOMPARE(pampeer::findLogin(conf, &diagnostics), QString(""));

    const PeerResult paired =
        tokendesk({QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--cert"),
                   kCert9a, QStringLiteral("--pam-config"), conf, QStringLiteral("--force"), QStringLiteral("--json")});
    QVERIFY2(paired.ok(), paired.describe());
    const QJsonObject o = QJsonDocument::fromJson(paired.out).object();
    QCOMPARE(o.value(QStringLiteral("paired")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("store")).toString(), kind + QLatin1Char(':') + file);
    QCOMPARE(o.value(QStringLiteral("sha256")).toString().toLatin1(), m_sha256);
    QCOMPARE(pampeer::findLogin(conf, &diagnostics), QStringLiteral("alice"));

    // Twice: a no-op that says so, and one line in the file.
    const QByteArray once = readAll(file);
    const PeerResult again =
        tokendesk({QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--cert"),
                   kCert9a, QStringLiteral("--pam-config"), conf, QStringLiteral("--force")});
    QVERIFY2(again.ok(), again.describe());
    QVERIFY2(again.out.contains("Already paired"), again.out);
    QCOMPARE(readAll(file), once);
    QCOMPARE(once.count('\n'), 1);

    const PeerResult unpaired = tokendesk({QStringLiteral("unpair"), QStringLiteral("--user"), QStringLiteral("alice"),
                                           QStringLiteral("--pam-config"), conf});
    QVERIFY2(unpaired.ok(), unpaired.describe());
    QCOMPARE(pampeer::findLogin(conf, &diagnostics), QString(""));
    QCOMPARE(readAll(file), QByteArray());
    // Nothing left to unpair: refused, exit 1, with the code.
    const PeerResult nothing = tokendesk({QStringLiteral("unpair"), QStringLiteral("--user"), QStringLiteral("alice"),
                                          QStringLiteral("--pam-config"), conf, QStringLiteral("--json")});
    QCOMPARE(nothing.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(nothing.out)
                 .object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code")),
             QJsonValue(QStringLiteral("not_paired")));
}

void TestPairingCli::unfitRefusedWithoutForce()
{
    // The simulator's certificates are self-signed: nobody trusts them.
    const QString file = mapfile(QStringLiteral("unfit"));
    const PeerResult refused =
        tokendesk({QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--cert"),
                   kCert9a, QStringLiteral("--store"), QStringLiteral("pam-digest:") + file, QStringLiteral("--json")});
    QCOMPARE(refused.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(refused.out).object();
    QCOMPARE(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("not_fit_for_login"));
    QVERIFY(o.value(QStringLiteral("warnings")).toArray().contains(QStringLiteral("untrusted")));
    QVERIFY(!QFile::exists(file));
}

void TestPairingCli::whoisAgreesWithPklogin_data()
{
    QTest::addColumn<QString>("first");       // mapper used first
    QTest::addColumn<QString>("digestLogin"); // empty: not paired there
    QTest::addColumn<QString>("subjectLogin");
    QTest::addColumn<QString>("login"); // expected
    QTest::addColumn<QString>("mapper");
    QTest::newRow("in the first") << "digest"
                                  << "alice"
                                  << ""
                                  << "alice"
                                  << "digest";
    QTest::newRow("in the second") << "digest"
                                   << ""
                                   << "bob"
                                   << "bob"
                                   << "subject";
    QTest::newRow("in both, digest first") << "digest"
                                           << "alice"
                                           << "bob"
                                           << "alice"
                                           << "digest";
    QTest::newRow("in both, subject first") << "subject"
                                            << "alice"
                                            << "bob"
                                            << "bob"
                                            << "subject";
    QTest::newRow("in none") << "digest"
                             << ""
                             << ""
                             << ""
                             << "";
}

void TestPairingCli::whoisAgreesWithPklogin()
{
    QFETCH(QString, first);
    QFETCH(QString, digestLogin);
    QFETCH(QString, subjectLogin);
    QFETCH(QString, login);
    QFETCH(QString, mapper);
    const QString digestFile = mapfile(QStringLiteral("whois_digest"));
    const QString subjectFile = mapfile(QStringLiteral("whois_subject"));
    QFile::remove(digestFile);
    QFile::remove(subjectFile);
    const pampeer::Mapper digest{QStringLiteral("digest"), digestFile, QString()};
    const pampeer::Mapper subject{QStringLiteral("subject"), subjectFile, QString()};
    const QString conf = m_dir.filePath(QStringLiteral("whois.conf"));
    QVERIFY(pampeer::writeConfig(conf, first == QLatin1String("digest") ? QList<pampeer::Mapper>{digest, subject}
                                                                        : QList<pampeer::Mapper>{subject, digest}));
    const auto pair = [&](const QString& kind, const QString& file, const QString& user) {
        return tokendesk({QStringLiteral("pair"), QStringLiteral("--user"), user, QStringLiteral("--cert"), kCert9a,
                          QStringLiteral("--store"), kind + QLatin1Char(':') + file, QStringLiteral("--pam-config"),
                          conf, QStringLiteral("--force")});
    };
    if (!digestLogin.isEmpty()) {
        const PeerResult r = pair(QStringLiteral("pam-digest"), digestFile, digestLogin);
        QVERIFY2(r.ok(), r.describe());
    }
    if (!subjectLogin.isEmpty()) {
        const PeerResult r = pair(QStringLiteral("pam-subject"), subjectFile, subjectLogin);
        QVERIFY2(r.ok(), r.describe());
    }
    QString diagnostics;
    QCOMPARE(pampeer::findLogin(conf, &diagnostics), login);
    const PeerResult whois =
        tokendesk({QStringLiteral("whois"), kToken, QStringLiteral("--pam-config"), conf, QStringLiteral("--json")});
    QVERIFY2(whois.ok(), whois.describe());
    const QJsonObject o = QJsonDocument::fromJson(whois.out).object();
    QCOMPARE(o.value(QStringLiteral("found")).toBool(), !login.isEmpty());
    QCOMPARE(o.value(QStringLiteral("login")).toString(), login);
    QCOMPARE(o.value(QStringLiteral("mapper")).toString(), mapper);
    QCOMPARE(o.value(QStringLiteral("certain")).toBool(), true);
    if (!login.isEmpty()) {
        const QJsonObject pairing = o.value(QStringLiteral("pairing")).toObject();
        QCOMPARE(pairing.value(QStringLiteral("line")).toInt(), 1);
        QCOMPARE(pairing.value(QStringLiteral("sha256")).toString().toLatin1(), m_sha256);
    }
}

void TestPairingCli::oddLinesAsPklogin()
{
    // A CRLF line: pam_pkcs11 reads the login with "\r" (pklogin_finder prints it so); whois names it
    // with the warning that it matches no account.
    const QString digestFile = mapfile(QStringLiteral("crlf_digest"));
    QFile::remove(digestFile);
    const QString conf = m_dir.filePath(QStringLiteral("odd.conf"));
    QVERIFY(pampeer::writeConfig(conf, {{QStringLiteral("digest"), digestFile, QString()}}));
    const PeerResult paired =
        tokendesk({QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--cert"),
                   kCert9a, QStringLiteral("--pam-config"), conf, QStringLiteral("--force")});
    QVERIFY2(paired.ok(), paired.describe());
    {
        QFile f(digestFile);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray crlf = f.readAll().replace("\n", "\r\n");
        QVERIFY(f.resize(0) && f.seek(0) && f.write(crlf) == crlf.size());
    }
    const PeerResult finder = pampeer::runFinder(conf);
    QVERIFY2(finder.out == "alice\r\n", finder.describe());
    const PeerResult whois =
        tokendesk({QStringLiteral("whois"), kToken, QStringLiteral("--pam-config"), conf, QStringLiteral("--json")});
    QVERIFY2(whois.ok(), whois.describe());
    const QJsonObject o = QJsonDocument::fromJson(whois.out).object();
    QCOMPARE(o.value(QStringLiteral("login")).toString(), QStringLiteral("alice"));
    QVERIFY(o.value(QStringLiteral("pairing"))
                .toObject()
                .value(QStringLiteral("warnings"))
                .toArray()
                .contains(QStringLiteral("carriage_return")));

    // A pattern line before: pam_pkcs11 stops there, so pairing another login is refused with the
    // line, and whois names the pattern's login as pklogin_finder does.
    const QString subjectFile = mapfile(QStringLiteral("pattern_subject"));
    {
        QFile f(subjectFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("# everyone of the test\n^/.*$ -> staff\n");
    }
    QVERIFY(pampeer::writeConfig(conf, {{QStringLiteral("subject"), subjectFile, QString()}}));
    const PeerResult refused =
        tokendesk({QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("bob"), QStringLiteral("--cert"),
                   kCert9a, QStringLiteral("--pam-config"), conf, QStringLiteral("--force"), QStringLiteral("--json")});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(refused.out)
                 .object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("covered_by_pattern"));
    QCOMPARE(pampeer::findLogin(conf), QStringLiteral("staff"));
    const PeerResult patternWhois =
        tokendesk({QStringLiteral("whois"), kToken, QStringLiteral("--pam-config"), conf, QStringLiteral("--json")});
    QVERIFY2(patternWhois.ok(), patternWhois.describe());
    const QJsonObject p = QJsonDocument::fromJson(patternWhois.out).object();
    QCOMPARE(p.value(QStringLiteral("login")).toString(), QStringLiteral("staff"));
    QCOMPARE(p.value(QStringLiteral("pairing")).toObject().value(QStringLiteral("line")).toInt(), 2);
}

void TestPairingCli::pairingsJsonAndAudit()
{
    const QString configDir = m_dir.filePath(QStringLiteral("config/TokenDesk"));
    QVERIFY(QDir().mkpath(configDir));
    const QString audit = m_dir.filePath(QStringLiteral("audit.log"));
    QFile settings(configDir + QStringLiteral("/tokendesk.conf"));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[Pairing]\nAuditLog=" + audit.toUtf8() + "\n");
    settings.close();

    const QString file = mapfile(QStringLiteral("listed"));
    const QString store = QStringLiteral("pam-subject:") + file;
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# others\n/CN=Somebody Else -> carol\n");
    }
    const PeerResult paired =
        tokendesk({QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--cert"),
                   kCert9a, QStringLiteral("--store"), store, QStringLiteral("--force")});
    QVERIFY2(paired.ok(), paired.describe());
    const PeerResult listed =
        tokendesk({QStringLiteral("pairings"), QStringLiteral("--store"), store, QStringLiteral("--json")});
    QVERIFY2(listed.ok(), listed.describe());
    const QJsonArray rows = QJsonDocument::fromJson(listed.out).object().value(QStringLiteral("pairings")).toArray();
    QCOMPARE(rows.size(), 2);
    const QJsonObject carol = rows.at(0).toObject();
    QCOMPARE(carol.value(QStringLiteral("login")).toString(), QStringLiteral("carol"));
    QCOMPARE(carol.value(QStringLiteral("card_present")).toBool(), false);
    QVERIFY(carol.value(QStringLiteral("sha256")).isNull());
    const QJsonObject alice = rows.at(1).toObject();
    for (const char* key : {"login", "store", "sha256", "subject"}) {
        QVERIFY2(alice.contains(QLatin1String(key)), key);
    }
    QCOMPARE(alice.value(QStringLiteral("login")).toString(), QStringLiteral("alice"));
    QCOMPARE(alice.value(QStringLiteral("store")).toString(), store);
    QCOMPARE(alice.value(QStringLiteral("sha256")).toString().toLatin1(), m_sha256);
    QCOMPARE(alice.value(QStringLiteral("card_present")).toBool(), true);
    QCOMPARE(alice.value(QStringLiteral("line")).toInt(), 3);

    // The report names the pairing under the card's certificate, and only there.
    const PeerResult report =
        tokendesk({QStringLiteral("report"), QStringLiteral("--json"), QStringLiteral("--store"), store});
    QVERIFY2(report.ok(), report.describe());
    int withPairings = 0;
    for (const QJsonValue& v :
         QJsonDocument::fromJson(report.out).object().value(QStringLiteral("certificates")).toArray()) {
        const QJsonArray pairings = v.toObject().value(QStringLiteral("pairings")).toArray();
        if (pairings.isEmpty()) {
            continue;
        }
        ++withPairings;
        QCOMPARE(v.toObject().value(QStringLiteral("sha256")).toString().toLatin1(), m_sha256);
        QCOMPARE(pairings.size(), 1);
        QCOMPARE(pairings.at(0).toObject().value(QStringLiteral("login")).toString(), QStringLiteral("alice"));
        QCOMPARE(pairings.at(0).toObject().value(QStringLiteral("store")).toString(), store);
    }
    QCOMPARE(withPairings, 1);

    const PeerResult unpaired = tokendesk({QStringLiteral("unpair"), QStringLiteral("--user"), QStringLiteral("alice"),
                                           QStringLiteral("--cert"), kCert9a, QStringLiteral("--store"), store});
    QVERIFY2(unpaired.ok(), unpaired.describe());
    QCOMPARE(readAll(file), QByteArray("# others\n/CN=Somebody Else -> carol\n"));
    // One line per change: time, operator, action, login, store, SHA-256; nothing else.
    const QList<QByteArray> lines = readAll(audit).split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(2).isEmpty());
    const QRegularExpression pattern(
        QStringLiteral("^time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ operator=root action=(pair|unpair) "
                       "login=alice store=%1 sha256=%2( removed=1)?$")
            .arg(QRegularExpression::escape(store), QString::fromLatin1(m_sha256)));
    QVERIFY2(pattern.match(QString::fromUtf8(lines.at(0))).hasMatch(), lines.at(0));
    QVERIFY(lines.at(0).contains("action=pair"));
    QVERIFY2(pattern.match(QString::fromUtf8(lines.at(1))).hasMatch(), lines.at(1));
    QVERIFY(lines.at(1).contains("action=unpair"));
    QFile::remove(configDir + QStringLiteral("/tokendesk.conf"));
}

void TestPairingCli::usageErrors()
{
    QCOMPARE(tokendesk({QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("alice")}).exitCode, 2);
    QCOMPARE(tokendesk({QStringLiteral("unpair")}).exitCode, 2);
    QCOMPARE(tokendesk({QStringLiteral("whois")}).exitCode, 2);
    const PeerResult badStore = tokendesk(
        {QStringLiteral("pairings"), QStringLiteral("--store"), QStringLiteral("nfs:/x"), QStringLiteral("--json")});
    QCOMPARE(badStore.exitCode, 1);
    QVERIFY(badStore.out.contains("bad_store"));
    const PeerResult noConfig = tokendesk(
        {QStringLiteral("pairings"), QStringLiteral("--pam-config"), m_dir.filePath(QStringLiteral("missing.conf"))});
    QCOMPARE(noConfig.exitCode, 1);
    QVERIFY2(noConfig.err.contains("cannot be read"), noConfig.err);
}

QTEST_GUILESS_MAIN(TestPairingCli)
#include "tst_pairing_cli.moc"
