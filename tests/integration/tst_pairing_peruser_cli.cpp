// `tokendesk pair|unpair|whois` with pam_pkcs11's per-user mappers, against pklogin_finder, with test
// accounts in a private mount namespace (PrivatePasswd.h: nothing is added to the machine): the
// opensc mapper (~/.eid/authorized_certificates) and the openssh mapper (~/.ssh/authorized_keys)
// find the login after `pair` and nobody after `unpair`; with the opensc and digest mappers both
// configured, `whois` names the login and mapper pklogin_finder finds, in both orders.

#include "PamPkcs11Peer.h"
#include "PeerProcess.h"
#include "PrivatePasswd.h"
#include "SimCard.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

namespace {
const QString kCert9a = QStringLiteral("pkcs11:manufacturer=piv_II;id=%01;type=cert");
const QString kToken = QStringLiteral("pkcs11:manufacturer=piv_II");
} // namespace

class TestPairingPerUserCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void pairFoundByPklogin_data();
    void pairFoundByPklogin();
    void whoisAgreesWithPklogin_data();
    void whoisAgreesWithPklogin();

private:
    PeerResult tokendesk(const QStringList& args) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        return PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"), args, {}, env, 60000);
    }

    QTemporaryDir m_dir;
    SimCard m_card;
};

void TestPairingPerUserCli::initTestCase()
{
    QVERIFY(PrivatePasswd::instance());
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_card.start(), qPrintable(m_card.errorString()));
}

void TestPairingPerUserCli::cleanupTestCase()
{
    m_card.stop();
}

void TestPairingPerUserCli::init()
{
    QString error;
    QVERIFY2(PrivatePasswd::instance()->resetHome(PrivatePasswd::kAlice, &error), qPrintable(error));
    QVERIFY2(PrivatePasswd::instance()->resetHome(PrivatePasswd::kBob, &error), qPrintable(error));
}

void TestPairingPerUserCli::pairFoundByPklogin_data()
{
    QTest::addColumn<QString>("mapper");
    QTest::addColumn<QString>("file"); // in the home folder
    QTest::newRow("opensc") << QStringLiteral("opensc") << QStringLiteral(".eid/authorized_certificates");
    QTest::newRow("openssh") << QStringLiteral("openssh") << QStringLiteral(".ssh/authorized_keys");
}

void TestPairingPerUserCli::pairFoundByPklogin()
{
    QFETCH(QString, mapper);
    QFETCH(QString, file);
    const QString conf = m_dir.filePath(mapper + QStringLiteral(".conf"));
    QVERIFY(pampeer::writeConfig(conf, {{mapper, QString(), QString()}}));
    QCOMPARE(pampeer::findLogin(conf), QString(""));
    const PeerResult paired =
        tokendesk({QStringLiteral("pair"), QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--cert"),
                   kCert9a, QStringLiteral("--pam-config"), conf, QStringLiteral("--force"), QStringLiteral("--json")});
    QVERIFY2(paired.ok(), paired.describe());
    const QString path = PrivatePasswd::instance()->home(PrivatePasswd::kAlice.login) + QLatin1Char('/') + file;
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(st.st_uid, PrivatePasswd::kAlice.uid);
    QCOMPARE(QJsonDocument::fromJson(paired.out)
                 .object()
                 .value(QStringLiteral("warnings"))
                 .toArray()
                 .contains(QStringLiteral("no_local_account")),
             false);
    QCOMPARE(pampeer::findLogin(conf), QStringLiteral("alice"));
    const PeerResult unpaired = tokendesk({QStringLiteral("unpair"), QStringLiteral("--user"), QStringLiteral("alice"),
                                           QStringLiteral("--cert"), kCert9a, QStringLiteral("--pam-config"), conf});
    QVERIFY2(unpaired.ok(), unpaired.describe());
    QCOMPARE(pampeer::findLogin(conf), QString(""));
}

void TestPairingPerUserCli::whoisAgreesWithPklogin_data()
{
    QTest::addColumn<bool>("openscFirst");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("mapper");
    QTest::newRow("opensc first") << true << QStringLiteral("alice") << QStringLiteral("opensc");
    QTest::newRow("digest first") << false << QStringLiteral("bob") << QStringLiteral("digest");
}

void TestPairingPerUserCli::whoisAgreesWithPklogin()
{
    QFETCH(bool, openscFirst);
    QFETCH(QString, login);
    QFETCH(QString, mapper);
    const QString digestFile = m_dir.filePath(QStringLiteral("digest_mapping"));
    QFile::remove(digestFile);
    const pampeer::Mapper opensc{QStringLiteral("opensc"), QString(), QString()};
    const pampeer::Mapper digest{QStringLiteral("digest"), digestFile, QString()};
    const QString conf = m_dir.filePath(QStringLiteral("two.conf"));
    QVERIFY(pampeer::writeConfig(conf, openscFirst ? QList<pampeer::Mapper>{opensc, digest}
                                                   : QList<pampeer::Mapper>{digest, opensc}));
    // alice in her ~/.eid, bob in the digest file: the mapper order decides.
    const QList<QPair<QString, QString>> pairings{{QStringLiteral("alice"), QStringLiteral("pam-eid")},
                                                  {QStringLiteral("bob"), QStringLiteral("pam-digest:") + digestFile}};
    for (const auto& [user, store] : pairings) {
        const PeerResult r = tokendesk({QStringLiteral("pair"), QStringLiteral("--user"), user,
                                        QStringLiteral("--cert"), kCert9a, QStringLiteral("--store"), store,
                                        QStringLiteral("--pam-config"), conf, QStringLiteral("--force")});
        QVERIFY2(r.ok(), r.describe());
    }
    QCOMPARE(pampeer::findLogin(conf), login);
    const PeerResult whois =
        tokendesk({QStringLiteral("whois"), kToken, QStringLiteral("--pam-config"), conf, QStringLiteral("--json")});
    QVERIFY2(whois.ok(), whois.describe());
    const QJsonObject o = QJsonDocument::fromJson(whois.out).object();
    QCOMPARE(o.value(QStringLiteral("login")).toString(), login);
    QCOMPARE(o.value(QStringLiteral("mapper")).toString(), mapper);
    QCOMPARE(o.value(QStringLiteral("certain")).toBool(), true);
}

PRIVATE_PASSWD_TEST_MAIN(TestPairingPerUserCli)
#include "tst_pairing_peruser_cli.moc"
