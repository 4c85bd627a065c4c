// The parts of directory pairing that need no server: the store's URL (read by libldap's own
// parser), RFC 4515 escaping, SSSD's configuration (certmap sections, priorities) and the rules
// evaluated by libsss_certmap, serial numbers in decimal (against openssl), and --store naming a
// directory through the store table.
#include "OpensslTool.h"
#include "backend/ldap/CertmapEvaluator.h"
#include "backend/ldap/CertmapRules.h"
#include "backend/ldap/LdapConnection.h"
#include "backend/ldap/LdapUrl.h"
#include "backend/pairing/StoreFactory.h"
#include "backend/x509/CertificateParser.h"
#include "backend/x509/CertificateSummary.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tokendesk;

class TestDirectoryParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        OpensslTool ssl(m_dir.path());
        QVERIFY(ssl.key(QStringLiteral("ca.key"), QStringLiteral("ec:P-256")));
        QVERIFY(ssl.selfSigned(QStringLiteral("ca.pem"), QStringLiteral("ca.key"),
                               QStringLiteral("/O=TokenDesk Test/CN=Directory CA"),
                               OpensslTool::config({}, "basicConstraints=critical,CA:TRUE\nkeyUsage=keyCertSign")));
        QVERIFY(ssl.key(QStringLiteral("user.key"), QStringLiteral("ec:P-256")));
        QVERIFY(ssl.issue(QStringLiteral("user.pem"), QStringLiteral("user.key"), QStringLiteral("/CN=Alice Example"),
                          QStringLiteral("ca.pem"), QStringLiteral("ca.key"),
                          "keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth",
                          {QStringLiteral("-set_serial"), QStringLiteral("0x0123456789ABCDEF0123")}));
        auto parsed = CertificateParser::parseFile(ssl.path(QStringLiteral("user.pem")));
        QVERIFY(parsed.ok());
        m_user = parsed.value();
    }

    void url_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("base");
        QTest::newRow("ldap") << "ldap://127.0.0.1:3389/ou=people,dc=example,dc=test" << true << "ldap://127.0.0.1:3389"
                              << "ou=people,dc=example,dc=test";
        QTest::newRow("default port") << "ldap://dir.example/dc=example" << true << "ldap://dir.example:389"
                                      << "dc=example";
        QTest::newRow("ldaps default port") << "ldaps://dir.example/dc=example" << true << "ldaps://dir.example:636"
                                            << "dc=example";
        QTest::newRow("escaped base") << "ldap://h/ou=a%20b,dc=x" << true << "ldap://h:389"
                                      << "ou=a b,dc=x";
        QTest::newRow("ipv6") << "ldap://[::1]:3389/dc=x" << true << "ldap://[::1]:3389"
                              << "dc=x";
        QTest::newRow("no base") << "ldap://h:389/" << false << ""
                                 << "";
        QTest::newRow("no host") << "ldap:///dc=x" << false << ""
                                 << "";
        QTest::newRow("other scheme") << "http://h/dc=x" << false << ""
                                      << "";
        QTest::newRow("ldapi") << "ldapi://%2Frun%2Fslapd/dc=x" << false << ""
                               << "";
        // "\?" for the fourth "?": "??!" is a trigraph, which GCC warns about (an error with -Werror).
        QTest::newRow("critical extension") << "ldap://h/dc=x???\?!bindname=cn=x" << false << ""
                                            << "";
        QTest::newRow("garbage") << "ldap://h:notaport/dc=x" << false << ""
                                 << "";
    }

    void url()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto parsed = LdapUrl::parse(text);
        QCOMPARE(parsed.ok(), valid);
        if (!valid) {
            QCOMPARE(parsed.error().code, PairingError::Code::BadStoreSpec);
            QCOMPARE(parsed.error().detail, text);
            return;
        }
        QFETCH(QString, server);
        QFETCH(QString, base);
        QCOMPARE(parsed.value().server, server);
        QCOMPARE(parsed.value().base, base);
        QCOMPARE(parsed.value().text, text);
    }

    void storeFromSpec()
    {
        auto store = StoreFactory::fromSpec(QStringLiteral("ldaps://127.0.0.1:3636/ou=people,dc=example"));
        QVERIFY(store.ok());
        QCOMPARE(store.value()->kind(), QStringLiteral("ldap"));
        QCOMPARE(store.value()->spec(), QStringLiteral("ldaps://127.0.0.1:3636/ou=people,dc=example"));
        QVERIFY(StoreFactory::kinds().contains(QStringLiteral("ldap")));
        const auto bad = StoreFactory::fromSpec(QStringLiteral("ldap://127.0.0.1:3389/"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, PairingError::Code::BadStoreSpec);
    }

    void escaping()
    {
        QCOMPARE(LdapConnection::escapeFilterValue(QStringLiteral("a*b(c)d\\e")),
                 QStringLiteral("a\\2ab\\28c\\29d\\5ce"));
        QCOMPARE(LdapConnection::escapeFilterValue(QStringLiteral("jürgen")), QStringLiteral("jürgen"));
        QCOMPARE(LdapConnection::escapeFilterValue(QString(QChar(0))), QStringLiteral("\\00"));
        QCOMPARE(LdapConnection::escapeFilterBytes(QByteArray("\x30\x82\x00\xff", 4)),
                 QStringLiteral("\\30\\82\\00\\ff"));
    }

    void decimalSerialMatchesOpenssl()
    {
        // 0x0123456789ABCDEF0123, 80 bits: more than any machine integer.
        QCOMPARE(CertificateSummary::decimalSerial(m_user.serial), QStringLiteral("5373003642731685151011"));
        QCOMPARE(CertificateSummary::decimalSerial(QStringLiteral("-01")), QStringLiteral("-1"));
        QVERIFY(CertificateSummary::decimalSerial(QStringLiteral("XYZ")).isEmpty());
        const auto summary = CertificateSummary::read(m_user.der);
        QVERIFY(summary.has_value());
        QCOMPARE(summary->serialDecimal, QStringLiteral("5373003642731685151011"));
        QCOMPARE(summary->subject, m_user.subject);
        QCOMPARE(summary->issuer, m_user.issuer);
        QCOMPARE(summary->notAfter, m_user.notAfter);
        QCOMPARE(summary->sha256, m_user.sha256);
        QVERIFY(!CertificateSummary::read(m_user.der + QByteArray(1, '\0')).has_value());
        QVERIFY(!CertificateSummary::read(m_user.der.left(100)).has_value());
        QVERIFY(!CertificateSummary::read(QByteArray()).has_value());
    }

    void certmapConfig()
    {
        const QByteArray conf = "[sssd]\nservices = nss, pam\ndomains = tokendesk.test\n\n"
                                "[domain/tokendesk.test]\nid_provider = ldap\n\n"
                                "# a comment\n"
                                "[certmap/tokendesk.test/low]\nmatchrule = <SUBJECT>.*\n"
                                "maprule = LDAP:(uid=nobody)\n\n"
                                "[certmap/tokendesk.test/by_serial]\n"
                                "matchrule = <ISSUER>^CN=Directory CA,O=TokenDesk Test$\n"
                                "maprule = LDAP:(userCertificate;binary={cert!bin})\n"
                                "priority = 10\n";
        auto rules = CertmapRules::parse(conf, QStringLiteral("sssd.conf"));
        QVERIFY(rules.ok());
        QCOMPARE(rules.value().size(), 2);
        QCOMPARE(rules.value().at(0).name, QStringLiteral("by_serial")); // priority 10 before none (lowest)
        QCOMPARE(rules.value().at(0).priority, 10u);
        QCOMPARE(rules.value().at(1).section(), QStringLiteral("certmap/tokendesk.test/low"));

        auto matched = CertmapEvaluator::evaluate(rules.value(), m_user.der, QStringLiteral("sssd.conf"));
        QVERIFY(matched.ok());
        QCOMPARE(matched.value().size(), 2);
        QCOMPARE(matched.value().at(0).rule.name, QStringLiteral("by_serial"));
        // libsss_certmap's {cert!bin}: every byte of the DER as \XX.
        QCOMPARE(matched.value().at(0).filter.toLower(),
                 QStringLiteral("(usercertificate;binary=%1)").arg(LdapConnection::escapeFilterBytes(m_user.der)));
        QCOMPARE(matched.value().at(1).filter, QStringLiteral("(uid=nobody)"));

        // No certmap section: SSSD's default rule, which wants digitalSignature and clientAuth.
        auto defaults = CertmapRules::parse("[sssd]\n", QStringLiteral("sssd.conf"));
        QVERIFY(defaults.ok());
        QCOMPARE(defaults.value().size(), 1);
        QVERIFY(defaults.value().constFirst().isDefault);
        auto byDefault = CertmapEvaluator::evaluate(defaults.value(), m_user.der, QStringLiteral("sssd.conf"));
        QVERIFY(byDefault.ok());
        QCOMPARE(byDefault.value().size(), 1);

        // A CA certificate has no clientAuth: the default rule does not match it.
        OpensslTool ssl(m_dir.path());
        auto ca = CertificateParser::parseFile(ssl.path(QStringLiteral("ca.pem")));
        QVERIFY(ca.ok());
        auto none = CertmapEvaluator::evaluate(defaults.value(), ca.value().der, QStringLiteral("sssd.conf"));
        QVERIFY(none.ok());
        QVERIFY(none.value().isEmpty());
    }

    void certmapConfigErrors()
    {
        auto badPriority =
            CertmapRules::parse("[certmap/d/r]\nmaprule = LDAP:(uid=x)\npriority = high\n", QStringLiteral("f"));
        QVERIFY(!badPriority.ok());
        QCOMPARE(badPriority.error().code, PairingError::Code::ConfigInvalid);
        QCOMPARE(badPriority.error().line, 3);
        auto badSection = CertmapRules::parse("[certmap/d/r\n", QStringLiteral("f"));
        QVERIFY(!badSection.ok());
        // A rule libsss_certmap refuses is said, with its section.
        auto rules = CertmapRules::parse("[certmap/d/broken]\nmatchrule = <NOSUCHCOMPONENT>x\nmaprule = LDAP:(uid=x)\n",
                                         QStringLiteral("f"));
        QVERIFY(rules.ok());
        auto refused = CertmapEvaluator::evaluate(rules.value(), m_user.der, QStringLiteral("f"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, PairingError::Code::ConfigInvalid);
        QVERIFY(refused.error().detail.contains(QLatin1String("certmap/d/broken")));
        // Not there, a folder, /dev/zero: unreadable or refused, never a hang.
        QCOMPARE(CertmapRules::read(m_dir.filePath(QStringLiteral("missing"))).error().code,
                 PairingError::Code::ConfigUnreadable);
        QVERIFY(!CertmapRules::read(QStringLiteral("/dev/zero")).ok());
    }

private:
    QTemporaryDir m_dir;
    CertificateInfo m_user;
};

QTEST_GUILESS_MAIN(TestDirectoryParts)
#include "tst_directoryparts.moc"
