// The user's NSS database (Chromium's ~/.pki/nssdb) as a read-only token source:
// a database made with certutil, a CA certificate added with certutil -A and an
// identity imported with pk12util, read through NSS's softokn by ModuleRegistry
// and TokenWatcher. Both certificates are read, the identity is found, and the
// database files are byte for byte and time for time what they were.

#include "PeerProcess.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/TokenReader.h"
#include "backend/pkcs11/TokenWatcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

namespace {

QByteArray fileSha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

/// Every file of the folder: name -> SHA-256 and modification time.
QMap<QString, QString> fingerprint(const QString& dir)
{
    QMap<QString, QString> files;
    const QFileInfoList entries = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo& info : entries) {
        files.insert(info.fileName(), QString::fromLatin1(fileSha256(info.filePath())) + QLatin1Char(' ') +
                                          QString::number(info.lastModified().toMSecsSinceEpoch()));
    }
    return files;
}

QByteArray derSha256(const QString& pemPath)
{
    const PeerResult der =
        PeerProcess::run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), pemPath,
                                                     QStringLiteral("-outform"), QStringLiteral("DER")});
    return der.ok() ? QCryptographicHash::hash(der.out, QCryptographicHash::Sha256) : QByteArray();
}

ModuleRegistry::Options nssOnly(const QString& dir)
{
    ModuleRegistry::Options options;
    options.registered = false;
    options.environment = false;
    options.nssDatabase = dir;
    return options;
}

} // namespace

class TestNssDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void certificatesAndIdentityAreRead();
    void watcherShowsTheDatabase();
    void defaultIsTheUsersChromiumDatabase();
    void databaseIsUnchanged();

private:
    bool run(const QString& program, const QStringList& args);

    QTemporaryDir m_tmp;
    QString m_db;
    QByteArray m_caSha256;
    QByteArray m_userSha256;
    QMap<QString, QString> m_before;
};

bool TestNssDatabase::run(const QString& program, const QStringList& args)
{
    const PeerResult result = PeerProcess::run(program, args);
    if (!result.ok()) {
        qWarning().noquote() << program << QString::fromUtf8(result.describe());
    }
    return result.ok();
}

void TestNssDatabase::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(!ModuleRegistry::softoknPath().isEmpty());
    const QDir tmp(m_tmp.path());
    m_db = tmp.filePath(QStringLiteral("nssdb"));
    QVERIFY(tmp.mkpath(QStringLiteral("nssdb")));
    const QString sqlDb = QStringLiteral("sql:") + m_db;
    QVERIFY(run(QStringLiteral("certutil"),
                {QStringLiteral("-N"), QStringLiteral("--empty-password"), QStringLiteral("-d"), sqlDb}));

    // A CA, and a user certificate it signed, with the user's key in a .p12.
    const auto path = [&tmp](const char* name) {
        return tmp.filePath(QString::fromLatin1(name));
    };
    QVERIFY(run(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                 QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                 QStringLiteral("/CN=TokenDesk NSS Test CA/O=TokenDesk"), QStringLiteral("-addext"),
                 QStringLiteral("basicConstraints=critical,CA:true"), QStringLiteral("-keyout"), path("ca.key"),
                 QStringLiteral("-out"), path("ca.pem")}));
    QVERIFY(run(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                 QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                 QStringLiteral("/CN=NSS Test User/O=TokenDesk"), QStringLiteral("-keyout"), path("user.key"),
                 QStringLiteral("-out"), path("user.csr")}));
    QVERIFY(run(QStringLiteral("openssl"),
                {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), path("user.csr"),
                 QStringLiteral("-CA"), path("ca.pem"), QStringLiteral("-CAkey"), path("ca.key"),
                 QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("30"),
                 QStringLiteral("-out"), path("user.pem")}));
    // The .p12 password lives in a file of this test's folder, never on a command line.
    QFile pw(path("p12.pw"));
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write("nss-test-password\n");
    pw.close();
    QVERIFY(run(QStringLiteral("openssl"),
                {QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-inkey"), path("user.key"),
                 QStringLiteral("-in"), path("user.pem"), QStringLiteral("-name"), QStringLiteral("NSS Test User"),
                 QStringLiteral("-passout"), QStringLiteral("file:") + path("p12.pw"), QStringLiteral("-out"),
                 path("user.p12")}));

    QVERIFY(
        run(QStringLiteral("certutil"),
            {QStringLiteral("-A"), QStringLiteral("-n"), QStringLiteral("TokenDesk NSS Test CA"), QStringLiteral("-t"),
             QStringLiteral("C,,"), QStringLiteral("-i"), path("ca.pem"), QStringLiteral("-d"), sqlDb}));
    QVERIFY(run(QStringLiteral("pk12util"), {QStringLiteral("-i"), path("user.p12"), QStringLiteral("-d"), sqlDb,
                                             QStringLiteral("-w"), path("p12.pw")}));
    m_caSha256 = derSha256(path("ca.pem"));
    m_userSha256 = derSha256(path("user.pem"));
    QVERIFY(!m_caSha256.isEmpty() && !m_userSha256.isEmpty());
    // certutil -L, the peer, lists both.
    const PeerResult listed =
        PeerProcess::run(QStringLiteral("certutil"), {QStringLiteral("-L"), QStringLiteral("-d"), sqlDb});
    QVERIFY2(listed.ok() && listed.out.contains("TokenDesk NSS Test CA") && listed.out.contains("NSS Test User"),
             listed.describe().constData());
    // Files settle (sqlite journal) before the fingerprint of "before".
    QTest::qWait(1100);
    m_before = fingerprint(m_db);
    QVERIFY(m_before.contains(QStringLiteral("cert9.db")));
    QVERIFY(m_before.contains(QStringLiteral("key4.db")));
}

void TestNssDatabase::certificatesAndIdentityAreRead()
{
    const ModuleRegistry registry(nssOnly(m_db));
    QCOMPARE(registry.modules().size(), 1);
    const ModuleInfo module = registry.modules().constFirst();
    QVERIFY2(module.ok(), qPrintable(module.error ? module.error->codeName() : QString()));
    QCOMPARE(module.name, ModuleRegistry::nssDatabaseName(m_db));
    QCOMPARE(module.name, QStringLiteral("NSS database (%1)").arg(m_db));
    QCOMPARE(module.path, ModuleRegistry::softoknPath());

    const TokenScan scan = registry.scan();
    QVERIFY(scan.errors.isEmpty());
    // "NSS Generic Crypto Services" is hidden: only the database's token.
    QCOMPARE(scan.tokens.size(), 1);
    const TokenInfo token = scan.tokens.constFirst();
    QCOMPARE(token.label, QStringLiteral("NSS Certificate DB"));

    const TokenContents contents = TokenReader::read(Pkcs11Token(registry.loaded().front(), token));
    QVERIFY(!contents.error);
    QCOMPARE(contents.certificates.size(), 2);
    QMap<QByteArray, CertificateEntry> byHash;
    for (const CertificateEntry& entry : contents.certificates) {
        byHash.insert(entry.sha256(), entry);
    }
    QVERIFY(byHash.contains(m_caSha256));
    QVERIFY(byHash.contains(m_userSha256));
    QCOMPARE(byHash.value(m_caSha256).keyState, CertificateEntry::KeyState::None);
    // An empty-password database needs no login: the user's key is visible, the identity is there.
    QCOMPARE(byHash.value(m_userSha256).keyState, CertificateEntry::KeyState::Present);
    QCOMPARE(contents.identities().size(), 1);
    QVERIFY(byHash.value(m_userSha256).info);
    QVERIFY(byHash.value(m_userSha256).info->subject.contains(QStringLiteral("NSS Test User")));
}

void TestNssDatabase::watcherShowsTheDatabase()
{
    TokenWatcher watcher(nssOnly(m_db));
    QSignalSpy added(&watcher, &TokenWatcher::tokenAdded);
    watcher.start();
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.busy(), 20000);
    QCOMPARE(watcher.modules().constFirst().name, ModuleRegistry::nssDatabaseName(m_db));
    const TokenContents token = added.constFirst().at(0).value<TokenContents>();
    QCOMPARE(token.certificates.size(), 2);
    QCOMPARE(token.identities().size(), 1);
    QCOMPARE(token.identities().constFirst().sha256(), m_userSha256);
    // A reader event does not read the database again (no readers there).
    const quint64 scans = watcher.scanCount();
    watcher.rescan();
    QTRY_VERIFY_WITH_TIMEOUT(watcher.scanCount() > scans, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.busy(), 20000);
    QCOMPARE(added.size(), 1);
    watcher.stop();
}

void TestNssDatabase::defaultIsTheUsersChromiumDatabase()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray oldHome = qgetenv("HOME");
    const auto restore = qScopeGuard([&] { qputenv("HOME", oldHome); });
    qputenv("HOME", QFile::encodeName(home.path()));
    QVERIFY(ModuleRegistry::defaultNssDatabase().isEmpty()); // no ~/.pki/nssdb
    QVERIFY(ModuleRegistry::Options().nssDatabase.isEmpty());

    const QString nssdb = QDir(home.path()).filePath(QStringLiteral(".pki/nssdb"));
    QVERIFY(QDir().mkpath(nssdb));
    QVERIFY(ModuleRegistry::defaultNssDatabase().isEmpty()); // no cert9.db: not an SQL database
    QVERIFY(run(QStringLiteral("certutil"), {QStringLiteral("-N"), QStringLiteral("--empty-password"),
                                             QStringLiteral("-d"), QStringLiteral("sql:") + nssdb}));
    QCOMPARE(ModuleRegistry::defaultNssDatabase(), nssdb);
    QCOMPARE(ModuleRegistry::nssDatabaseName(nssdb), QStringLiteral("NSS database (~/.pki/nssdb)"));

    ModuleRegistry::Options options;
    options.registered = false;
    options.environment = false;
    QCOMPARE(options.nssDatabase, nssdb);
    const ModuleRegistry registry(options);
    QCOMPARE(registry.modules().size(), 1);
    QCOMPARE(registry.modules().constFirst().name, QStringLiteral("NSS database (~/.pki/nssdb)"));
    QVERIFY(registry.modules().constFirst().ok());
    const TokenScan scan = registry.scan();
    QCOMPARE(scan.tokens.size(), 1);
    QCOMPARE(TokenReader::read(Pkcs11Token(registry.loaded().front(), scan.tokens.constFirst())).certificates.size(),
             0);
}

void TestNssDatabase::databaseIsUnchanged()
{
    // Read-only: the same files, the same bytes, the same times, after every read above.
    QCOMPARE(fingerprint(m_db), m_before);
}

QTEST_GUILESS_MAIN(TestNssDatabase)
#include "tst_nssdatabase.moc"
