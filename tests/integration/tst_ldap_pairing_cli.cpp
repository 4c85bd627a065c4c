// `tokendesk pair|unpair|pairings|whois --store ldap://...` against a private slapd
// (tests/harness/slapd.sh) with the simulated PIV card through OpenSC, checked by the real peers:
// ldapsearch sees the card certificate's exact bytes on the user's entry after `pair`;
// `sssctl cert-eval-rule` with the test's rule gives a filter that ldapsearch resolves to that
// user, and `whois` names the same user and rule (evaluated by libsss_certmap); after `unpair`
// neither finds anyone. A certificate with the paired one's serial number and issuer but another
// key: unpair says "not paired" and the paired one stays (a delete by value would have removed
// it); pair reports the clash in a sentence. Faults: wrong password, read-only bind DN, unknown
// user, untrusted LDAPS and StartTLS, a port that accepts and never answers (time-out within the
// configured limit), no server: each with its code and the directory as it was.

#include "PeerProcess.h"
#include "SimCard.h"
#include "SlapdFixture.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

const QString kCert9a = QStringLiteral("pkcs11:manufacturer=piv_II;id=%01;type=cert");
const QString kToken = QStringLiteral("pkcs11:manufacturer=piv_II");
const QString kRule = QStringLiteral("certmap/tokendesk.test/serial_issuer");
const QString kMatchRule = QStringLiteral("<KU>digitalSignature");
const QString kMapRule = QStringLiteral("LDAPU1:(userCertificate={serial_number!dec}${issuer_dn!nss_ldap})");

QString errorCode(const PeerResult& r)
{
    return QJsonDocument::fromJson(r.out)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

/// A loopback port that accepts connections (the kernel completes the handshake, the backlog
/// holds them) and never answers; its number, 0 on failure. The socket is closed with the object.
class SilentPort
{
public:
    SilentPort()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), length) == 0 && ::listen(m_fd, 16) == 0 &&
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
            m_port = ntohs(address.sin_port);
        }
    }
    ~SilentPort() { close(); }
    SilentPort(const SilentPort&) = delete;
    SilentPort& operator=(const SilentPort&) = delete;
    int port() const { return m_port; }
    void close()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }

private:
    int m_fd = -1;
    int m_port = 0;
};

} // namespace

class TestLdapPairingCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void pairWhoisUnpairAgreeWithPeers();
    void sameSerialAndIssuerIsNotTheCertificate();
    void faultsLeaveTheDirectoryAsItWas_data();
    void faultsLeaveTheDirectoryAsItWas();
    void tlsIsVerified();
    void silentServerTimesOut();
    void passwordNeverWritten();

private:
    enum class As
    {
        Anonymous,
        Writer,
        Reader
    };
    PeerResult tokendesk(const QStringList& args, As as = As::Anonymous, const QByteArray& password = {},
                         int timeoutMs = 60000) const;
    QStringList store() const { return {QStringLiteral("--store"), m_slapd.url + QLatin1Char('/') + m_slapd.base}; }

    QTemporaryDir m_dir;
    SlapdInstance m_slapd;
    SimCard m_card;
    QByteArray m_der;
    QByteArray m_pem;
    QString m_sssdConf;
};

PeerResult TestLdapPairingCli::tokendesk(const QStringList& args, As as, const QByteArray& password,
                                         int timeoutMs) const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    QStringList all = args;
    QByteArray input = password;
    if (as == As::Writer) {
        all << QStringLiteral("--bind-dn") << m_slapd.writerDn;
        if (input.isEmpty()) {
            input = m_slapd.writerPassword.toUtf8();
        }
    } else if (as == As::Reader) {
        all << QStringLiteral("--bind-dn") << m_slapd.readerDn;
        if (input.isEmpty()) {
            input = m_slapd.readerPassword.toUtf8();
        }
    }
    // The password is the first line of stdin, never an argument.
    return PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"), all, input.isEmpty() ? input : input + '\n', env,
                            timeoutMs);
}

void TestLdapPairingCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_slapd = SlapdInstance::shared();
    QVERIFY2(m_slapd.isValid(), "the slapd fixture (TOKENDESK_SLAPD_DIR)");
    QVERIFY2(m_card.start(), qPrintable(m_card.errorString()));
    m_pem = m_card.certPem(QStringLiteral("9a"));
    QVERIFY(!m_pem.isEmpty());
    const PeerResult der = PeerProcess::run(
        QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-outform"), QStringLiteral("DER")}, m_pem);
    QVERIFY2(der.ok(), der.describe());
    m_der = der.out;
    // SSSD's configuration for the test: a rule of higher priority that does not match the card
    // (so that the answer names the one that does), then the serial and issuer rule.
    m_sssdConf = m_dir.filePath(QStringLiteral("sssd.conf"));
    QFile conf(m_sssdConf);
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("[sssd]\nservices = nss, pam\ndomains = tokendesk.test\n\n"
               "[domain/tokendesk.test]\nid_provider = ldap\n\n"
               "[certmap/tokendesk.test/nobody]\nmatchrule = <SUBJECT>^CN=nobody at all$\n"
               "maprule = LDAP:(uid=bob)\npriority = 1\n\n"
               "[certmap/tokendesk.test/serial_issuer]\nmatchrule = " +
               kMatchRule.toUtf8() + "\nmaprule = " + kMapRule.toUtf8() + "\npriority = 10\n");
    conf.close();
    QDir().mkpath(m_dir.filePath(QStringLiteral("config/TokenDesk")));
}

void TestLdapPairingCli::cleanupTestCase()
{
    m_card.stop();
}

void TestLdapPairingCli::init()
{
    // Every test starts with alice without certificates (whatever an earlier failure left).
    if (!m_slapd.certificates(QStringLiteral("alice")).isEmpty()) {
        const PeerResult cleared = tokendesk(
            QStringList{QStringLiteral("unpair"), QStringLiteral("--user"), QStringLiteral("alice")} + store(),
            As::Writer);
        QVERIFY2(cleared.ok(), cleared.describe());
    }
    QVERIFY(m_slapd.certificates(QStringLiteral("alice")).isEmpty());
}

void TestLdapPairingCli::pairWhoisUnpairAgreeWithPeers()
{
    const PeerResult paired =
        tokendesk(QStringList{QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("alice"),
                              QStringLiteral("--cert"), kCert9a, QStringLiteral("--force"), QStringLiteral("--json")} +
                      store(),
                  As::Writer);
    QVERIFY2(paired.ok(), paired.describe());
    const QJsonObject o = QJsonDocument::fromJson(paired.out).object();
    QCOMPARE(o.value(QStringLiteral("paired")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("store")).toString(), m_slapd.url + QLatin1Char('/') + m_slapd.base);
    // ldapsearch: the card certificate's exact bytes, and nothing else.
    QCOMPARE(m_slapd.certificates(QStringLiteral("alice")), QList<QByteArray>{m_der});

    // SSSD's own tool gives the filter; ldapsearch resolves it to alice.
    PeerResult sssctl;
    const QString filter = SlapdInstance::sssctlEvalRule(m_pem, kMatchRule, kMapRule, &sssctl);
    QVERIFY2(!filter.isEmpty(), sssctl.describe());
    QCOMPARE(m_slapd.searchFilter(filter), QStringList{QStringLiteral("alice")});

    // whois names the same user, rule and filter.
    const QStringList whoisArgs = QStringList{QStringLiteral("whois"), kToken, QStringLiteral("--sssd-conf"),
                                              m_sssdConf, QStringLiteral("--json")} +
                                  store();
    const PeerResult who = tokendesk(whoisArgs);
    QVERIFY2(who.ok(), who.describe());
    const QJsonObject answer = QJsonDocument::fromJson(who.out).object();
    QCOMPARE(answer.value(QStringLiteral("found")).toBool(), true);
    QCOMPARE(answer.value(QStringLiteral("login")).toString(), QStringLiteral("alice"));
    QCOMPARE(answer.value(QStringLiteral("rule")).toString(), kRule);
    QCOMPARE(answer.value(QStringLiteral("filter")).toString(), filter);
    const PeerResult whoText =
        tokendesk(QStringList{QStringLiteral("whois"), kToken, QStringLiteral("--sssd-conf"), m_sssdConf} + store());
    QVERIFY2(whoText.out.contains("\"alice\"") && whoText.out.contains(kRule.toUtf8()), whoText.out);

    // pairings lists it, with the certificate's SHA-256 and the card marked present.
    const PeerResult listed = tokendesk(QStringList{QStringLiteral("pairings"), QStringLiteral("--json")} + store());
    QVERIFY2(listed.ok(), listed.describe());
    const QJsonArray rows = QJsonDocument::fromJson(listed.out).object().value(QStringLiteral("pairings")).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("login")).toString(), QStringLiteral("alice"));
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("sha256")).toString().toLatin1(),
             m_card.certSha256(QStringLiteral("9a")));
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("card_present")).toBool(), true);

    // Unpaired: neither ldapsearch through SSSD's filter nor whois finds anyone.
    const PeerResult unpaired = tokendesk(QStringList{QStringLiteral("unpair"), QStringLiteral("--user"),
                                                      QStringLiteral("alice"), QStringLiteral("--cert"), kCert9a} +
                                              store(),
                                          As::Writer);
    QVERIFY2(unpaired.ok(), unpaired.describe());
    QVERIFY(m_slapd.certificates(QStringLiteral("alice")).isEmpty());
    QVERIFY(m_slapd.searchFilter(filter).isEmpty());
    const PeerResult nobody = tokendesk(whoisArgs);
    QVERIFY2(nobody.ok(), nobody.describe());
    const QJsonObject none = QJsonDocument::fromJson(nobody.out).object();
    QCOMPARE(none.value(QStringLiteral("found")).toBool(), false);
    QCOMPARE(none.value(QStringLiteral("rule")).toString(), kRule);
}

void TestLdapPairingCli::sameSerialAndIssuerIsNotTheCertificate()
{
    // Another key, the card certificate's serial number and issuer (as subject of a self-signed
    // certificate, so that its issuer is the card's issuer).
    const QString issuer =
        QString::fromUtf8(PeerProcess::run(QStringLiteral("openssl"),
                                           {QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-issuer"),
                                            QStringLiteral("-nameopt"), QStringLiteral("compat")},
                                           m_pem)
                              .out.trimmed()
                              .mid(int(qstrlen("issuer="))));
    const QString serial = QString::fromUtf8(
        PeerProcess::run(QStringLiteral("openssl"),
                         {QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-serial")}, m_pem)
            .out.trimmed()
            .mid(int(qstrlen("serial="))));
    QVERIFY(issuer.startsWith(QLatin1Char('/')));
    QVERIFY(!serial.isEmpty());
    const QString clash = m_dir.filePath(QStringLiteral("clash.pem"));
    const PeerResult made =
        PeerProcess::run(QStringLiteral("openssl"), {QStringLiteral("req"),
                                                     QStringLiteral("-x509"),
                                                     QStringLiteral("-newkey"),
                                                     QStringLiteral("ec"),
                                                     QStringLiteral("-pkeyopt"),
                                                     QStringLiteral("ec_paramgen_curve:P-256"),
                                                     QStringLiteral("-nodes"),
                                                     QStringLiteral("-keyout"),
                                                     m_dir.filePath(QStringLiteral("clash.key")),
                                                     QStringLiteral("-subj"),
                                                     issuer,
                                                     QStringLiteral("-set_serial"),
                                                     QStringLiteral("0x") + serial,
                                                     QStringLiteral("-days"),
                                                     QStringLiteral("30"),
                                                     QStringLiteral("-addext"),
                                                     QStringLiteral("keyUsage=critical,digitalSignature"),
                                                     QStringLiteral("-addext"),
                                                     QStringLiteral("extendedKeyUsage=clientAuth"),
                                                     QStringLiteral("-out"),
                                                     clash});
    QVERIFY2(made.ok(), made.describe());

    const PeerResult paired =
        tokendesk(QStringList{QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("alice"),
                              QStringLiteral("--cert"), kCert9a, QStringLiteral("--force")} +
                      store(),
                  As::Writer);
    QVERIFY2(paired.ok(), paired.describe());
    const QByteArray csn = m_slapd.entryCsn(QStringLiteral("alice"));

    // Unpair of the look-alike: not paired, the card's certificate stays (byte for byte, entry untouched).
    const PeerResult unpair =
        tokendesk(QStringList{QStringLiteral("unpair"), QStringLiteral("--user"), QStringLiteral("alice"),
                              QStringLiteral("--cert"), clash, QStringLiteral("--json")} +
                      store(),
                  As::Writer);
    QCOMPARE(unpair.exitCode, 1);
    QCOMPARE(errorCode(unpair), QStringLiteral("not_paired"));
    QCOMPARE(m_slapd.certificates(QStringLiteral("alice")), QList<QByteArray>{m_der});
    QCOMPARE(m_slapd.entryCsn(QStringLiteral("alice")), csn);

    // Pair of the look-alike: the clash said in a sentence, not a bare result 20.
    const QStringList pairClash = QStringList{QStringLiteral("pair"),
                                              QStringLiteral("--user"),
                                              QStringLiteral("alice"),
                                              QStringLiteral("--cert"),
                                              clash,
                                              QStringLiteral("--force")} +
                                  store();
    const PeerResult refused = tokendesk(pairClash + QStringList{QStringLiteral("--json")}, As::Writer);
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(errorCode(refused), QStringLiteral("same_serial_and_issuer"));
    const PeerResult said = tokendesk(pairClash, As::Writer);
    QVERIFY2(said.err.contains("same serial number and issuer"), said.err);
    QVERIFY2(!said.err.contains("result 20"), said.err);
    QCOMPARE(m_slapd.certificates(QStringLiteral("alice")), QList<QByteArray>{m_der});

    // The card's certificate itself for bob: alice holds it (found by serial and issuer, then
    // compared byte for byte), so it is refused and bob's entry stays as it was.
    const QByteArray bobCsn = m_slapd.entryCsn(QStringLiteral("bob"));
    const PeerResult toBob =
        tokendesk(QStringList{QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("bob"),
                              QStringLiteral("--cert"), kCert9a, QStringLiteral("--force"), QStringLiteral("--json")} +
                      store(),
                  As::Writer);
    QCOMPARE(toBob.exitCode, 1);
    QCOMPARE(errorCode(toBob), QStringLiteral("paired_with_another"));
    QVERIFY2(QJsonDocument::fromJson(toBob.out)
                 .object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .contains(QLatin1String("\"alice\"")),
             toBob.out);
    QVERIFY(m_slapd.certificates(QStringLiteral("bob")).isEmpty());
    QCOMPARE(m_slapd.entryCsn(QStringLiteral("bob")), bobCsn);
}

void TestLdapPairingCli::faultsLeaveTheDirectoryAsItWas_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("as");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QString>("code");
    QTest::newRow("wrong password") << "bob" << int(As::Writer) << QByteArray("not the password")
                                    << "invalid_credentials";
    QTest::newRow("read-only bind DN") << "bob" << int(As::Reader) << QByteArray() << "insufficient_access";
    QTest::newRow("anonymous") << "bob" << int(As::Anonymous) << QByteArray() << "insufficient_access";
    QTest::newRow("no such user") << "mallory" << int(As::Writer) << QByteArray() << "no_such_account";
    QTest::newRow("filter characters in the login")
        << "*)(uid=*" << int(As::Writer) << QByteArray() << "no_such_account";
}

void TestLdapPairingCli::faultsLeaveTheDirectoryAsItWas()
{
    QFETCH(QString, user);
    QFETCH(int, as);
    QFETCH(QByteArray, password);
    QFETCH(QString, code);
    const QByteArray bobCsn = m_slapd.entryCsn(QStringLiteral("bob"));
    const PeerResult r =
        tokendesk(QStringList{QStringLiteral("pair"), QStringLiteral("--user"), user, QStringLiteral("--cert"), kCert9a,
                              QStringLiteral("--force"), QStringLiteral("--json")} +
                      store(),
                  As(as), password);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(errorCode(r), code);
    QVERIFY(m_slapd.certificates(QStringLiteral("bob")).isEmpty());
    QVERIFY(m_slapd.certificates(QStringLiteral("alice")).isEmpty());
    QCOMPARE(m_slapd.entryCsn(QStringLiteral("bob")), bobCsn);
}

void TestLdapPairingCli::tlsIsVerified()
{
    const QString ldaps = m_slapd.ldapsUrl + QLatin1Char('/') + m_slapd.base;
    const QStringList list{QStringLiteral("pairings"), QStringLiteral("--json"), QStringLiteral("--store")};
    // The test CA is not the system's: refused, with no plain-text fallback.
    const PeerResult untrusted = tokendesk(list + QStringList{ldaps});
    QCOMPARE(untrusted.exitCode, 1);
    const QJsonArray errors = QJsonDocument::fromJson(untrusted.out).object().value(QStringLiteral("errors")).toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("tls_failure"));
    const PeerResult trusted = tokendesk(list + QStringList{ldaps, QStringLiteral("--ca-file"), m_slapd.caFile});
    QVERIFY2(trusted.ok(), trusted.describe());
    // StartTLS likewise.
    const QString plain = m_slapd.url + QLatin1Char('/') + m_slapd.base;
    const PeerResult startUntrusted = tokendesk(list + QStringList{plain, QStringLiteral("--starttls")});
    QCOMPARE(startUntrusted.exitCode, 1);
    QVERIFY2(startUntrusted.out.contains("tls_failure"), startUntrusted.out);
    const PeerResult startTrusted =
        tokendesk(list + QStringList{plain, QStringLiteral("--starttls"), QStringLiteral("--ca-file"), m_slapd.caFile});
    QVERIFY2(startTrusted.ok(), startTrusted.describe());
    // A CA file that is not there is said as such.
    const PeerResult missing =
        tokendesk(list + QStringList{ldaps, QStringLiteral("--ca-file"), m_dir.filePath(QStringLiteral("none.pem"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("none.pem"), missing.err);
    QVERIFY2(missing.out.contains("tls_failure"), missing.out);
}

void TestLdapPairingCli::silentServerTimesOut()
{
    // A port that accepts (the kernel completes the handshake) and never answers; no server at all.
    SilentPort silent;
    QVERIFY(silent.port() > 0);
    QFile settings(m_dir.filePath(QStringLiteral("config/TokenDesk/tokendesk.conf")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[Directory]\nTimeoutMs=1000\n");
    settings.close();
    for (const QString& scheme : {QStringLiteral("ldap"), QStringLiteral("ldaps")}) {
        QElapsedTimer timer;
        timer.start();
        const PeerResult r =
            tokendesk({QStringLiteral("pairings"), QStringLiteral("--json"), QStringLiteral("--store"),
                       QStringLiteral("%1://127.0.0.1:%2/%3").arg(scheme).arg(silent.port()).arg(m_slapd.base)});
        const qint64 elapsed = timer.elapsed();
        qInfo() << scheme << "silent server: gave up after" << elapsed << "ms";
        QVERIFY2(r.finished && r.exitCode == 1, r.describe());
        QVERIFY2(r.out.contains("directory_timeout"), r.out);
        QVERIFY2(elapsed < 1000 + 3000, qPrintable(QString::number(elapsed)));
    }
    silent.close();
    const PeerResult gone = tokendesk({QStringLiteral("pairings"), QStringLiteral("--json"), QStringLiteral("--store"),
                                       QStringLiteral("ldap://127.0.0.1:%1/%2").arg(silent.port()).arg(m_slapd.base)});
    // Refused at once; libldap's write to the refused socket raises SIGPIPE, which must not end it.
    QVERIFY2(gone.finished && gone.exitCode == 1, gone.describe());
    QVERIFY2(gone.out.contains("directory_unreachable"), gone.out);
    QVERIFY(settings.remove());
}

void TestLdapPairingCli::passwordNeverWritten()
{
    const PeerResult paired =
        tokendesk(QStringList{QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("alice"),
                              QStringLiteral("--cert"), kCert9a, QStringLiteral("--force")} +
                      store(),
                  As::Writer);
    QVERIFY2(paired.ok(), paired.describe());
    const QByteArray secret = m_slapd.writerPassword.toUtf8();
    // The test runs with tokendesk.* debug logging on: nothing it said holds the password.
    QVERIFY(!paired.out.contains(secret));
    QVERIFY(!paired.err.contains(secret));
    // Nor any file it wrote (settings, audit log).
    QDirIterator files(m_dir.filePath(QStringLiteral("config")), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile f(files.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(secret), qPrintable(f.fileName()));
    }
    // No password at all: refused before the directory is asked.
    const PeerResult none =
        PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"),
                         QStringList{QStringLiteral("unpair"), QStringLiteral("--user"), QStringLiteral("alice"),
                                     QStringLiteral("--bind-dn"), m_slapd.writerDn, QStringLiteral("--json")} +
                             store());
    QCOMPARE(none.exitCode, 1);
    QCOMPARE(errorCode(none), QStringLiteral("no_password"));
    QCOMPARE(m_slapd.certificates(QStringLiteral("alice")), QList<QByteArray>{m_der});
}

QTEST_GUILESS_MAIN(TestLdapPairingCli)
#include "tst_ldap_pairing_cli.moc"
