// SshKeyStore (ssh): ~LOGIN/.ssh/authorized_keys against the real tools, with PrivatePasswd's test
// accounts (a private mount namespace, no account added to the machine). Checked: the line pair()
// writes holds the key `ssh-keygen -D <OpenSC module>` prints for the same card key (type and
// base64) and a comment naming the certificate; pam_pkcs11's openssh mapper (pklogin_finder) finds
// the login for the card's RSA key and not for its P-256 key, which list() marks IgnoredByPam; the
// folder and file are created 0700/0600 for the account; lines with options, other keys, comments
// and CRLF stay byte for byte and unpair() removes exactly the line it wrote; unknown accounts.

#include "PeerProcess.h"
#include "PrivatePasswd.h"
#include "SimCard.h"
#include "UserStoreFixture.h"
#include "backend/pairing/MapFileStore.h"
#include "backend/pairing/OpenSshKey.h"
#include "backend/pairing/SshKeyStore.h"
#include "backend/x509/CertificateParser.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace tokendesk;
using namespace UserStoreFixture;

namespace {
const PrivatePasswd::Account& alice = PrivatePasswd::kAlice;

QString keysFile()
{
    return PrivatePasswd::instance()->home(alice.login) + QStringLiteral("/.ssh/authorized_keys");
}

/// The line of `type` that ssh-keygen -D printed.
QByteArray keygenLine(const QByteArray& keygen, const QByteArray& type)
{
    for (const QByteArray& line : keygen.split('\n')) {
        if (line.startsWith(QByteArray(type + ' '))) {
            return line;
        }
    }
    return {};
}
} // namespace

class TestSshKeyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void lineIsTheKeyOfSshKeygen();
    void openSshMapperFindsTheRsaKeyOnly();
    void otherLinesStayByteForByte();
    void unknownAccounts();

private:
    std::unique_ptr<SimCard> m_card;
    QTemporaryDir m_dir;
    QString m_config;
    CertificateInfo m_rsa; // 9a
    CertificateInfo m_ec;  // 9c, P-256
    QByteArray m_keygen;   // ssh-keygen -D's output for the card
};

void TestSshKeyStore::initTestCase()
{
    QVERIFY(PrivatePasswd::instance());
    QVERIFY2(PeerProcess::which(QStringLiteral("pklogin_finder")), "pklogin_finder (libpam-pkcs11)");
    QVERIFY2(PeerProcess::which(QStringLiteral("ssh-keygen")), "ssh-keygen (openssh-client)");
    QVERIFY(m_dir.isValid());
    m_config = m_dir.filePath(QStringLiteral("pam_pkcs11.conf"));
    QVERIFY(writePamConfig(m_config, QStringLiteral("openssh")));
    m_card = std::make_unique<SimCard>();
    QVERIFY2(m_card->start(), qPrintable(m_card->errorString()));
    const auto rsa = CertificateParser::parsePem(m_card->certPem(QStringLiteral("9a")));
    const auto ec = CertificateParser::parsePem(m_card->certPem(QStringLiteral("9c")));
    QVERIFY(rsa && ec);
    m_rsa = rsa.value();
    m_ec = ec.value();
    const PeerResult keygen =
        PeerProcess::run(QStringLiteral("ssh-keygen"), {QStringLiteral("-D"), PeerProcess::pkcs11Module()});
    QVERIFY2(keygen.ok(), keygen.describe().constData());
    m_keygen = keygen.out;
    QVERIFY2(!keygenLine(m_keygen, "ssh-rsa").isEmpty(), m_keygen.constData());
    QVERIFY2(!keygenLine(m_keygen, "ecdsa-sha2-nistp256").isEmpty(), m_keygen.constData());
}

void TestSshKeyStore::init()
{
    QString error;
    QVERIFY2(PrivatePasswd::instance()->resetHome(alice, &error), qPrintable(error));
}

void TestSshKeyStore::cleanupTestCase()
{
    m_card.reset();
}

void TestSshKeyStore::lineIsTheKeyOfSshKeygen()
{
    SshKeyStore store;
    QCOMPARE(store.kind(), QStringLiteral("ssh"));
    QCOMPARE(store.pair(m_rsa, QStringLiteral("alice")).value(), PairOutcome::Added);
    QCOMPARE(store.pair(m_ec, QStringLiteral("alice")).value(), PairOutcome::Added);
    const QList<QByteArray> lines = readFile(keysFile()).split('\n');
    QCOMPARE(lines.size(), 3); // two lines and the empty rest after the last "\n"
    QVERIFY(lines.at(2).isEmpty());
    for (int i = 0; i < 2; ++i) {
        const QByteArray type = i == 0 ? "ssh-rsa" : "ecdsa-sha2-nistp256";
        const CertificateInfo& cert = i == 0 ? m_rsa : m_ec;
        const QList<QByteArray> ours = lines.at(i).split(' ');
        const QList<QByteArray> theirs = keygenLine(m_keygen, type).split(' ');
        QCOMPARE(ours.at(0), type);
        QCOMPARE(ours.at(0), theirs.at(0));
        QCOMPARE(ours.at(1), theirs.at(1));
        const QByteArray comment = "tokendesk: " + cert.subject.toUtf8() + ", sha256 " + cert.sha256.toHex();
        QCOMPARE(lines.at(i).mid(ours.at(0).size() + ours.at(1).size() + 2), comment);
    }
    const Owner folder = ownerOf(QFileInfo(keysFile()).absolutePath());
    QCOMPARE(folder.mode, mode_t(0700));
    QCOMPARE(folder.uid, alice.uid);
    QCOMPARE(folder.gid, alice.gid);
    const Owner file = ownerOf(keysFile());
    QCOMPARE(file.mode, mode_t(0600));
    QCOMPARE(file.uid, alice.uid);
    QCOMPARE(file.gid, alice.gid);

    // Twice: nothing added.
    const QByteArray before = readFile(keysFile());
    QCOMPARE(store.pair(m_rsa, QStringLiteral("alice")).value(), PairOutcome::AlreadyPaired);
    QCOMPARE(readFile(keysFile()), before);

    const auto found = store.findByCertificate(m_ec);
    QVERIFY(found);
    QCOMPARE(found.value().size(), 1);
    QCOMPARE(found.value().first().line, 2);
    QCOMPARE(found.value().first().sha256, m_ec.sha256.toHex());
}

void TestSshKeyStore::openSshMapperFindsTheRsaKeyOnly()
{
    SshKeyStore store;
    const PeerResult none = findLogin(m_config);
    QVERIFY2(none.finished && none.exitCode != 0 && none.out.trimmed().isEmpty(), none.describe().constData());

    // The card's P-256 key: fine for sshd, but the openssh mapper reads ssh-rsa lines only.
    QCOMPARE(store.pair(m_ec, QStringLiteral("alice")).value(), PairOutcome::Added);
    const PeerResult ecOnly = findLogin(m_config);
    QVERIFY2(ecOnly.finished && ecOnly.exitCode != 0 && ecOnly.out.trimmed().isEmpty(), ecOnly.describe().constData());
    auto pairings = store.list();
    QVERIFY(pairings);
    QCOMPARE(pairings.value().size(), 1);
    QVERIFY(pairings.value().first().warnings.contains(PairingWarning::IgnoredByPam));

    QCOMPARE(store.pair(m_rsa, QStringLiteral("alice")).value(), PairOutcome::Added);
    const PeerResult found = findLogin(m_config);
    QVERIFY2(found.ok(), found.describe().constData());
    QCOMPARE(found.out, QByteArray("alice\n"));
    pairings = store.list();
    QVERIFY(pairings);
    QCOMPARE(pairings.value().size(), 2);
    QVERIFY(pairings.value().at(1).warnings.isEmpty());

    QCOMPARE(store.unpair(QStringLiteral("alice"), &m_rsa).value(), 1);
    const PeerResult gone = findLogin(m_config);
    QVERIFY2(gone.finished && gone.exitCode != 0 && gone.out.trimmed().isEmpty(), gone.describe().constData());
    // All of alice's card pairings: the EC line goes too.
    QCOMPARE(store.unpair(QStringLiteral("alice"), nullptr).value(), 1);
    QCOMPARE(readFile(keysFile()), QByteArray());
}

void TestSshKeyStore::otherLinesStayByteForByte()
{
    const PeerResult other =
        PeerProcess::run(QStringLiteral("ssh-keygen"),
                         {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                          QString(), QStringLiteral("-C"), QStringLiteral("alice@laptop"), QStringLiteral("-f"),
                          m_dir.filePath(QStringLiteral("id_ed25519"))});
    QVERIFY2(other.ok(), other.describe().constData());
    const QByteArray otherKey = readFile(m_dir.filePath(QStringLiteral("id_ed25519.pub"))).trimmed();
    QVERIFY(otherKey.startsWith("ssh-ed25519 "));
    const QByteArray before = "# alice's keys\r\n" +
                              QByteArray("from=\"10.0.0.0/8\",command=\"echo \\\"hi there\\\"\" ") + otherKey +
                              "\r\n\r\n  " + otherKey + " second copy, leading blanks\n" + "not a key at all\n";
    QVERIFY(writeAs(alice, keysFile(), before, 0644, 0755));
    SshKeyStore store;
    const auto listed = store.list();
    QVERIFY(listed);
    QCOMPARE(listed.value().size(), 2); // the options line and the indented one; comments and junk are not keys
    QCOMPARE(listed.value().at(0).line, 2);
    QVERIFY(listed.value().at(1).warnings.contains(PairingWarning::IgnoredByPam));

    QCOMPARE(store.pair(m_rsa, QStringLiteral("alice")).value(), PairOutcome::Added);
    const QByteArray paired = readFile(keysFile());
    QVERIFY(paired.startsWith(before));
    const QByteArray added = paired.mid(before.size());
    QVERIFY(added.startsWith(QByteArray(keygenLine(m_keygen, "ssh-rsa").split(' ').mid(0, 2).join(' ') + ' ')));
    QCOMPARE(added.count('\n'), 1);
    QCOMPARE(ownerOf(keysFile()).mode, mode_t(0644)); // the user's mode is kept
    QCOMPARE(readFile(keysFile() + QLatin1String(MapFileStore::kBackupSuffix)), before);
    const PeerResult found = findLogin(m_config);
    QCOMPARE(found.out, QByteArray("alice\n"));

    // Pairing again adds nothing; unpair() removes exactly the line pair() wrote.
    QCOMPARE(store.pair(m_rsa, QStringLiteral("alice")).value(), PairOutcome::AlreadyPaired);
    QCOMPARE(store.unpair(QStringLiteral("alice"), &m_rsa).value(), 1);
    QCOMPARE(readFile(keysFile()), before);
    // Unpairing all of alice's card pairings leaves her own keys alone.
    const auto none = store.unpair(QStringLiteral("alice"), nullptr);
    QVERIFY(!none);
    QCOMPARE(none.error().code, PairingError::Code::NotPaired);
    QCOMPARE(readFile(keysFile()), before);
}

void TestSshKeyStore::unknownAccounts()
{
    SshKeyStore store;
    const auto nobody = store.pair(m_rsa, QStringLiteral("nosuchuser"));
    QVERIFY(!nobody);
    QCOMPARE(nobody.error().code, PairingError::Code::NoSuchAccount);
    const auto homeless = store.pair(m_rsa, QStringLiteral("carol"));
    QVERIFY(!homeless);
    QCOMPARE(homeless.error().code, PairingError::Code::NoSuchAccount);
    const auto unpairNobody = store.unpair(QStringLiteral("nosuchuser"), &m_rsa);
    QVERIFY(!unpairNobody);
    QCOMPARE(unpairNobody.error().code, PairingError::Code::NoSuchAccount);
}

PRIVATE_PASSWD_TEST_MAIN(TestSshKeyStore)
#include "tst_sshkeystore.moc"
