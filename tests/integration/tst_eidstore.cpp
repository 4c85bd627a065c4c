// EidStore (pam-eid): pam_pkcs11's opensc mapper store, ~LOGIN/.eid/authorized_certificates, against
// the real mapper. The accounts are PrivatePasswd's (a private mount namespace with its own
// /etc/passwd, or nss_wrapper where that is refused; homes in a temporary folder); pklogin_finder
// sees the same accounts and runs on the simulated PIV card through OpenSC, with a pam_pkcs11.conf
// of the test's own that uses the opensc mapper only. Checked: the mapper finds the login after pair() and nobody after
// unpair(); the folder and file are created 0755/0644 for the account; pairing twice adds nothing; other bytes of an
// existing file (certificates, comments, CRLF) stay as they were and the backup holds the previous
// bytes; a change made between read and write is refused; a read-only home, a link planted in the
// home and an unknown account give their typed errors and change nothing; a broken PEM block (where
// the mapper stops reading) does not hide the certificate pair() adds.

#include "PeerProcess.h"
#include "PrivatePasswd.h"
#include "SimCard.h"
#include "UserStoreFixture.h"
#include "backend/pairing/EidStore.h"
#include "backend/pairing/MapFileStore.h"
#include "backend/pairing/UserFile.h"
#include "backend/x509/CertificateParser.h"

#include <QCryptographicHash>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <sys/mount.h>

using namespace tokendesk;
using namespace UserStoreFixture;

namespace {
const PrivatePasswd::Account& alice = PrivatePasswd::kAlice;
const PrivatePasswd::Account& bob = PrivatePasswd::kBob;

QString eidFile(const PrivatePasswd::Account& a)
{
    return PrivatePasswd::instance()->home(a.login) + QStringLiteral("/.eid/authorized_certificates");
}
} // namespace

class TestEidStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void pairIsFoundByTheMapperAndUnpairUndoesIt();
    void pairingTwiceKeepsOneBlock();
    void existingFileComesBackByteForByte();
    void changeBetweenReadAndWriteIsRefused();
    void readOnlyHomeIsNotWritable();
    void linkInTheHomeIsRefused();
    void unknownAccountsAndConflicts();
    void brokenBlockDoesNotHideThePairing();

private:
    std::unique_ptr<SimCard> m_card;
    QTemporaryDir m_dir;
    QString m_config;
    CertificateInfo m_rsa; // the card's 9a certificate
    QByteArray m_otherPem; // a certificate on no card
};

void TestEidStore::initTestCase()
{
    QVERIFY(PrivatePasswd::instance());
    QVERIFY2(PeerProcess::which(QStringLiteral("pklogin_finder")), "pklogin_finder (libpam-pkcs11)");
    QVERIFY(m_dir.isValid());
    m_config = m_dir.filePath(QStringLiteral("pam_pkcs11.conf"));
    QVERIFY(writePamConfig(m_config, QStringLiteral("opensc")));
    // The accounts are the namespace's: alice and bob, no one else of the machine but root.
    const PeerResult getent = PeerProcess::run(QStringLiteral("getent"), {QStringLiteral("passwd")});
    QVERIFY2(getent.ok(), getent.describe().constData());
    QVERIFY2(
        getent.out.contains(QByteArray("alice:x:60001:60001::" + QFile::encodeName(PrivatePasswd::instance()->root()))),
        getent.out.constData());
    // Which way they came: bound over /etc/passwd in the namespace, or through nss_wrapper with
    // /etc/passwd as it was (TOKENDESK_TEST_NO_MOUNT_NAMESPACE=1 asks for that way).
    const bool inEtc = readFile(QStringLiteral("/etc/passwd")).contains("alice:x:60001:60001:");
    if (PrivatePasswd::instance()->mode() == PrivatePasswd::Mode::MountNamespace) {
        QVERIFY(inEtc);
    } else {
        QVERIFY(!inEtc);
        QVERIFY(qEnvironmentVariable("LD_PRELOAD").contains(QStringLiteral("libnss_wrapper.so")));
    }
    if (qgetenv(PrivatePasswd::kNoNamespaceVariable) == "1") {
        QCOMPARE(PrivatePasswd::instance()->mode(), PrivatePasswd::Mode::NssWrapper);
    }

    const PeerResult other = PeerProcess::run(
        QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-newkey"),
         QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
         QStringLiteral("-subj"), QStringLiteral("/CN=Not on the card"), QStringLiteral("-days"), QStringLiteral("5"),
         QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("k.pem")), QStringLiteral("-out"),
         m_dir.filePath(QStringLiteral("other.pem"))});
    QVERIFY2(other.ok(), other.describe().constData());
    m_otherPem = readFile(m_dir.filePath(QStringLiteral("other.pem")));
    QVERIFY(m_otherPem.startsWith("-----BEGIN CERTIFICATE-----\n"));

    m_card = std::make_unique<SimCard>();
    QVERIFY2(m_card->start(), qPrintable(m_card->errorString()));
    const auto rsa = CertificateParser::parsePem(m_card->certPem(QStringLiteral("9a")));
    QVERIFY(rsa);
    m_rsa = rsa.value();
    // Nobody is paired yet: the mapper finds no one.
    const PeerResult none = findLogin(m_config);
    QVERIFY2(none.finished && none.out.trimmed().isEmpty() && none.exitCode != 0, none.describe().constData());
}

void TestEidStore::init()
{
    QString error;
    QVERIFY2(PrivatePasswd::instance()->resetHome(alice, &error), qPrintable(error));
    QVERIFY2(PrivatePasswd::instance()->resetHome(bob, &error), qPrintable(error));
}

void TestEidStore::cleanup()
{
    UserFile::setBeforeWriteHook({});
}

void TestEidStore::cleanupTestCase()
{
    m_card.reset();
}

void TestEidStore::pairIsFoundByTheMapperAndUnpairUndoesIt()
{
    EidStore store;
    QCOMPARE(store.kind(), QStringLiteral("pam-eid"));
    QCOMPARE(store.path(), QStringLiteral("~/.eid/authorized_certificates"));
    const auto paired = store.pair(m_rsa, QStringLiteral("alice"));
    QVERIFY2(paired, qPrintable(paired ? QString() : paired.error().codeName()));
    QCOMPARE(paired.value(), PairOutcome::Added);

    const PeerResult found = findLogin(m_config);
    QVERIFY2(found.ok(), found.describe().constData());
    QCOMPARE(found.out, QByteArray("alice\n"));

    const QString folder = PrivatePasswd::instance()->home(alice.login) + QStringLiteral("/.eid");
    const Owner f = ownerOf(folder);
    QVERIFY(f.exists && !f.isLink);
    QCOMPARE(f.mode, mode_t(0755));
    QCOMPARE(f.uid, alice.uid);
    QCOMPARE(f.gid, alice.gid);
    const Owner file = ownerOf(eidFile(alice));
    QCOMPARE(file.mode, mode_t(0644));
    QCOMPARE(file.uid, alice.uid);
    QCOMPARE(file.gid, alice.gid);
    QCOMPARE(readFile(eidFile(alice)), m_card->certPem(QStringLiteral("9a")));

    const auto pairings = store.list();
    QVERIFY(pairings);
    QCOMPARE(pairings.value().size(), 1);
    const Pairing& p = pairings.value().first();
    QCOMPARE(p.login, QStringLiteral("alice"));
    QCOMPARE(p.storePath, eidFile(alice));
    QCOMPARE(p.sha256, m_card->certSha256(QStringLiteral("9a")));
    QCOMPARE(p.subject, m_rsa.subject);
    QCOMPARE(p.line, 1);
    QVERIFY(p.warnings.isEmpty());
    const auto byCert = store.findByCertificate(m_rsa);
    QVERIFY(byCert && byCert.value().size() == 1 && byCert.value().first().login == QStringLiteral("alice"));

    const auto removed = store.unpair(QStringLiteral("alice"), &m_rsa);
    QVERIFY(removed);
    QCOMPARE(removed.value(), 1);
    QCOMPARE(readFile(eidFile(alice)), QByteArray());
    const PeerResult gone = findLogin(m_config);
    QVERIFY2(gone.finished && gone.exitCode != 0 && gone.out.trimmed().isEmpty(), gone.describe().constData());
    const auto again = store.unpair(QStringLiteral("alice"), &m_rsa);
    QVERIFY(!again);
    QCOMPARE(again.error().code, PairingError::Code::NotPaired);
}

void TestEidStore::pairingTwiceKeepsOneBlock()
{
    EidStore store;
    QCOMPARE(store.pair(m_rsa, QStringLiteral("alice")).value(), PairOutcome::Added);
    const QByteArray once = readFile(eidFile(alice));
    const auto twice = store.pair(m_rsa, QStringLiteral("alice"));
    QVERIFY(twice);
    QCOMPARE(twice.value(), PairOutcome::AlreadyPaired);
    QCOMPARE(readFile(eidFile(alice)), once);
    QCOMPARE(once.count("-----BEGIN CERTIFICATE-----"), 1);
}

void TestEidStore::existingFileComesBackByteForByte()
{
    // Another certificate, comments, a blank line, CRLF line ends, a file mode of the user's choice.
    QByteArray other = m_otherPem;
    other.replace("\n", "\r\n");
    const QByteArray before = "# certificates of alice\r\n\r\n" + other + "# end of list\r\n";
    QVERIFY(writeAs(alice, eidFile(alice), before, 0640, 0750));
    EidStore store;
    QCOMPARE(store.pair(m_rsa, QStringLiteral("alice")).value(), PairOutcome::Added);
    const QByteArray paired = readFile(eidFile(alice));
    QCOMPARE(paired, before + m_card->certPem(QStringLiteral("9a")));
    QCOMPARE(readFile(eidFile(alice) + QLatin1String(MapFileStore::kBackupSuffix)), before);
    const Owner kept = ownerOf(eidFile(alice));
    QCOMPARE(kept.mode, mode_t(0640));
    QCOMPARE(kept.uid, alice.uid);
    QCOMPARE(ownerOf(QFileInfo(eidFile(alice)).absolutePath()).mode, mode_t(0750));
    const PeerResult found = findLogin(m_config);
    QCOMPARE(found.out, QByteArray("alice\n"));

    // Both certificates are listed, in file order, with the line of their BEGIN.
    const auto pairings = store.findByLogin(QStringLiteral("alice"));
    QVERIFY(pairings);
    QCOMPARE(pairings.value().size(), 2);
    QCOMPARE(pairings.value().at(0).line, 3);
    QCOMPARE(pairings.value().at(1).sha256, m_card->certSha256(QStringLiteral("9a")));

    QCOMPARE(store.unpair(QStringLiteral("alice"), &m_rsa).value(), 1);
    QCOMPARE(readFile(eidFile(alice)), before);
    QCOMPARE(readFile(eidFile(alice) + QLatin1String(MapFileStore::kBackupSuffix)), paired);
    QCOMPARE(ownerOf(eidFile(alice)).mode, mode_t(0640));
}

void TestEidStore::changeBetweenReadAndWriteIsRefused()
{
    const QByteArray before = m_otherPem;
    QVERIFY(writeAs(alice, eidFile(alice), before, 0644, 0755));
    const QByteArray edit = QByteArrayLiteral("# added by someone else\n");
    int calls = 0;
    UserFile::setBeforeWriteHook([&](const QString& path) {
        ++calls;
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write(edit);
    });
    EidStore store;
    const auto paired = store.pair(m_rsa, QStringLiteral("alice"));
    QCOMPARE(calls, 1);
    QVERIFY(!paired);
    QCOMPARE(paired.error().code, PairingError::Code::ChangedMeanwhile);
    QCOMPARE(paired.error().path, eidFile(alice));
    QCOMPARE(readFile(eidFile(alice)), before + edit); // the other edit stands, ours is not written
    QVERIFY(!QFile::exists(eidFile(alice) + QLatin1String(MapFileStore::kBackupSuffix)));

    // The same for a file that did not exist when it was read.
    QVERIFY(QFile::remove(eidFile(alice)));
    const auto fresh = store.pair(m_rsa, QStringLiteral("alice"));
    QVERIFY(!fresh);
    QCOMPARE(fresh.error().code, PairingError::Code::ChangedMeanwhile);
    QCOMPARE(readFile(eidFile(alice)), edit);
}

void TestEidStore::readOnlyHomeIsNotWritable()
{
    const QString home = PrivatePasswd::instance()->home(alice.login);
    // With a file there (unpair and pair both refused, the file untouched), then without (.eid not created).
    const QByteArray before = m_card->certPem(QStringLiteral("9a")) + "# keep\n";
    QVERIFY(writeAs(alice, eidFile(alice), before, 0644, 0755));
    const QByteArray h = QFile::encodeName(home);
    QCOMPARE(::mount(h.constData(), h.constData(), nullptr, MS_BIND, nullptr), 0);
    const auto unmount = qScopeGuard([&h] { ::umount2(h.constData(), MNT_DETACH); });
    QCOMPARE(::mount(nullptr, h.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr), 0);

    EidStore store;
    const auto unpaired = store.unpair(QStringLiteral("alice"), &m_rsa);
    QVERIFY(!unpaired);
    QCOMPARE(unpaired.error().code, PairingError::Code::NotWritable);
    QCOMPARE(unpaired.error().path, eidFile(alice));
    QVERIFY(!unpaired.error().privilege.isEmpty());
    QCOMPARE(readFile(eidFile(alice)), before);

    // Writable again only to set up the next case: no file, no folder.
    ::umount2(h.constData(), MNT_DETACH);
    QVERIFY(QDir(home + QStringLiteral("/.eid")).removeRecursively());
    QCOMPARE(::mount(h.constData(), h.constData(), nullptr, MS_BIND, nullptr), 0);
    QCOMPARE(::mount(nullptr, h.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr), 0);
    const auto paired = store.pair(m_rsa, QStringLiteral("alice"));
    QVERIFY(!paired);
    QCOMPARE(paired.error().code, PairingError::Code::NotWritable);
    QCOMPARE(paired.error().path, eidFile(alice));
    QVERIFY(!QFileInfo::exists(home + QStringLiteral("/.eid")));
}

void TestEidStore::linkInTheHomeIsRefused()
{
    // alice plants ~/.eid -> a folder of root's: root must not write there on her behalf.
    QTemporaryDir elsewhere;
    QVERIFY(elsewhere.isValid());
    // Readable for alice, so that the read succeeds and the write is what is refused.
    QVERIFY(QFile::setPermissions(elsewhere.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                        QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                        QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                        QFileDevice::ExeOther));
    const QString home = PrivatePasswd::instance()->home(alice.login);
    QVERIFY(QFile::link(elsewhere.path(), home + QStringLiteral("/.eid")));
    EidStore store;
    const auto paired = store.pair(m_rsa, QStringLiteral("alice"));
    QVERIFY(!paired);
    QCOMPARE(paired.error().code, PairingError::Code::NotRegular);
    QCOMPARE(paired.error().detail, QStringLiteral("symlink"));
    QVERIFY(QDir(elsewhere.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());

    // A link as the file itself, to a file of root's.
    QVERIFY(QFile::remove(home + QStringLiteral("/.eid")));
    QVERIFY(writeAs(alice, eidFile(alice), QByteArray(), 0644, 0755));
    QVERIFY(QFile::remove(eidFile(alice)));
    const QString target = elsewhere.filePath(QStringLiteral("root-owned"));
    QVERIFY(writeAs(PrivatePasswd::Account{"root", 0, 0}, target, "root's\n", 0644, 0755));
    QVERIFY(QFile::link(target, eidFile(alice)));
    const auto viaLink = store.pair(m_rsa, QStringLiteral("alice"));
    QVERIFY(!viaLink);
    QCOMPARE(viaLink.error().code, PairingError::Code::NotRegular);
    QCOMPARE(viaLink.error().detail, QStringLiteral("symlink"));
    QCOMPARE(readFile(target), QByteArray("root's\n"));
}

void TestEidStore::unknownAccountsAndConflicts()
{
    EidStore store;
    const auto nobody = store.pair(m_rsa, QStringLiteral("nosuchuser"));
    QVERIFY(!nobody);
    QCOMPARE(nobody.error().code, PairingError::Code::NoSuchAccount);
    QCOMPARE(nobody.error().detail, QStringLiteral("nosuchuser"));
    // carol is in passwd, but her home folder does not exist.
    const auto homeless = store.pair(m_rsa, QStringLiteral("carol"));
    QVERIFY(!homeless);
    QCOMPARE(homeless.error().code, PairingError::Code::NoSuchAccount);
    QVERIFY(!QFileInfo::exists(PrivatePasswd::instance()->home("carol") + QStringLiteral("-missing")));
    const auto unpairNobody = store.unpair(QStringLiteral("nosuchuser"), nullptr);
    QVERIFY(!unpairNobody);
    QCOMPARE(unpairNobody.error().code, PairingError::Code::NoSuchAccount);
    QCOMPARE(store.pair(m_rsa, QStringLiteral("../alice")).error().code, PairingError::Code::BadLogin);

    // alice first: the mapper would still find alice after pairing bob, so bob is refused.
    QCOMPARE(store.pair(m_rsa, QStringLiteral("alice")).value(), PairOutcome::Added);
    const auto conflict = store.pair(m_rsa, QStringLiteral("bob"));
    QVERIFY(!conflict);
    QCOMPARE(conflict.error().code, PairingError::Code::Conflict);
    QCOMPARE(conflict.error().detail, QStringLiteral("alice"));
    QVERIFY(!QFileInfo::exists(eidFile(bob)));
}

void TestEidStore::brokenBlockDoesNotHideThePairing()
{
    // A block without its END line: the mapper's PEM_read_bio_X509 loop stops there, so a
    // certificate appended after it would never be found. pair() puts it before the broken block.
    const QByteArray broken = "-----BEGIN CERTIFICATE-----\nMIIBroken\n";
    const QByteArray before = m_otherPem + broken;
    QVERIFY(writeAs(alice, eidFile(alice), before, 0644, 0755));
    EidStore store;
    QCOMPARE(store.pair(m_rsa, QStringLiteral("alice")).value(), PairOutcome::Added);
    QCOMPARE(readFile(eidFile(alice)), m_otherPem + m_card->certPem(QStringLiteral("9a")) + broken);
    const PeerResult found = findLogin(m_config);
    QVERIFY2(found.ok(), found.describe().constData());
    QCOMPARE(found.out, QByteArray("alice\n"));
    QCOMPARE(store.unpair(QStringLiteral("alice"), &m_rsa).value(), 1);
    QCOMPARE(readFile(eidFile(alice)), before);

    // A certificate after the broken block is listed, and marked as one the mapper ignores.
    QVERIFY(writeAs(alice, eidFile(alice), broken + m_card->certPem(QStringLiteral("9a")), 0644, 0755));
    const auto pairings = store.list();
    QVERIFY(pairings);
    QCOMPARE(pairings.value().size(), 1);
    QVERIFY(pairings.value().first().warnings.contains(PairingWarning::IgnoredByPam));
    const PeerResult ignored = findLogin(m_config);
    QVERIFY2(ignored.finished && ignored.exitCode != 0 && ignored.out.trimmed().isEmpty(),
             ignored.describe().constData());
}

PRIVATE_PASSWD_TEST_MAIN(TestEidStore)
#include "tst_eidstore.moc"
