// pam_pkcs11's digest and subject mapping files through MapFileStore: keys computed as the mappers
// compute them (compared with `openssl x509 -fingerprint` and `-subject -nameopt compat`), every other
// byte of the file kept (comments, odd spacing, CRLF, other users' lines), pairing twice a no-op, a
// conflicting line refused, an edit by someone else between read and write detected with nothing
// written, a file that cannot be written refused with nothing changed, owner, mode and backup.

#include "OpensslTool.h"
#include "backend/pairing/MapFileStore.h"
#include "backend/pairing/PamKeys.h"
#include "backend/x509/CertificateParser.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace tokendesk;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeAll(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

/// A store whose file someone else edits after TokenDesk read it (the test seam, named as such).
class EditedMeanwhileStore : public MapFileStore
{
public:
    using MapFileStore::MapFileStore;
    QByteArray edit;

protected:
    void aboutToWrite() const override
    {
        QFile f(path());
        if (f.open(QIODevice::Append)) {
            f.write(edit);
        }
    }
};

} // namespace

class TestMapFileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keysAsOpensslPrintsThem();
    void pairKeepsEveryOtherByte();
    void pairTwiceIsNoOpAndConflictRefused();
    void unpairRemovesOnlyThatLine();
    void unpairAllOfALogin();
    void firstLineWinsAndWarnings();
    void patternsAndIgnoreCase();
    void changedMeanwhileWritesNothing();
    void unwritableNamesTheFileAndChangesNothing();
    void ownerModeAndBackupKept();
    void badLoginsAndOddFiles();

private:
    QTemporaryDir m_dir;
    CertificateInfo m_alice;
    CertificateInfo m_bob;
};

void TestMapFileStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    OpensslTool tool(m_dir.path());
    for (const QString& name : {QStringLiteral("alice"), QStringLiteral("bob")}) {
        QVERIFY(tool.ok({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"),
                         QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-subj"),
                         QStringLiteral("/C=DE/O=Example Corp/CN=%1 Example").arg(name), QStringLiteral("-days"),
                         QStringLiteral("30"), QStringLiteral("-keyout"), tool.path(name + QStringLiteral(".key")),
                         QStringLiteral("-out"), tool.path(name + QStringLiteral(".pem"))}));
        auto parsed = CertificateParser::parseFile(tool.path(name + QStringLiteral(".pem")));
        QVERIFY(parsed.ok());
        (name == QLatin1String("alice") ? m_alice : m_bob) = parsed.value();
    }
}

void TestMapFileStore::keysAsOpensslPrintsThem()
{
    OpensslTool tool(m_dir.path());
    QByteArray out;
    QVERIFY(tool.ok({QStringLiteral("x509"), QStringLiteral("-in"), tool.path(QStringLiteral("alice.pem")),
                     QStringLiteral("-noout"), QStringLiteral("-fingerprint"), QStringLiteral("-sha1")},
                    &out));
    QCOMPARE(PamKeys::digest(m_alice.der, QStringLiteral("sha1")), out.trimmed().split('=').last());
    QVERIFY(tool.ok({QStringLiteral("x509"), QStringLiteral("-in"), tool.path(QStringLiteral("alice.pem")),
                     QStringLiteral("-noout"), QStringLiteral("-fingerprint"), QStringLiteral("-sha256")},
                    &out));
    QCOMPARE(PamKeys::digest(m_alice.der, QStringLiteral("sha256")), out.trimmed().split('=').last());
    // An algorithm the mapper does not know is SHA-1, as pam_pkcs11 falls back.
    QCOMPARE(PamKeys::digest(m_alice.der, QStringLiteral("nonsense")),
             PamKeys::digest(m_alice.der, QStringLiteral("sha1")));
    // X509_NAME_oneline, the form `openssl x509 -subject -nameopt compat` prints.
    QVERIFY(tool.ok({QStringLiteral("x509"), QStringLiteral("-in"), tool.path(QStringLiteral("alice.pem")),
                     QStringLiteral("-noout"), QStringLiteral("-subject"), QStringLiteral("-nameopt"),
                     QStringLiteral("compat")},
                    &out));
    QCOMPARE(PamKeys::subject(m_alice.der), out.trimmed().mid(QByteArray("subject=").size()));
    QCOMPARE(PamKeys::subject(m_alice.der), QByteArray("/C=DE/O=Example Corp/CN=alice Example"));
}

void TestMapFileStore::pairKeepsEveryOtherByte()
{
    const QString path = m_dir.filePath(QStringLiteral("digest_mapping"));
    const QByteArray original = "# Mapping for certificate sha1 digest\r\n"
                                "\r\n"
                                "   90:17:64:09:4C:42:D6:9C:91:52:7F:1C:86:00:23:DC:BB:5D:27:50 -> jantonio\r\n"
                                "garbage line without separator\n"
                                "\t# indented comment\n"
                                "AA:BB -> carol"; // no final newline
    QVERIFY(writeAll(path, original));
    MapFileStore store(MapFileStore::Kind::Digest, path);
    const auto paired = store.pair(m_alice, QStringLiteral("alice"));
    QVERIFY(paired.ok());
    QCOMPARE(paired.value(), PairOutcome::Added);
    const QByteArray line = PamKeys::digest(m_alice.der, QStringLiteral("sha1")) + " -> alice\n";
    // The file's last line gets the newline it lacked; our line ends in "\n", never "\r\n".
    QCOMPARE(readAll(path), original + "\n" + line);
    const auto listed = store.list();
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 3);
    QCOMPARE(listed.value().at(0).login, QStringLiteral("jantonio"));
    QCOMPARE(listed.value().at(0).line, 3);
    QVERIFY(listed.value().at(0).warnings.contains(PairingWarning::CarriageReturn));
    QCOMPARE(listed.value().at(2).login, QStringLiteral("alice"));
    QCOMPARE(listed.value().at(2).line, 7);
    QVERIFY(listed.value().at(2).warnings.isEmpty());
    // A missing file is an empty store, and pairing creates it with the one line.
    const QString fresh = m_dir.filePath(QStringLiteral("fresh_mapping"));
    MapFileStore freshStore(MapFileStore::Kind::Subject, fresh);
    QCOMPARE(freshStore.list().value().size(), 0);
    QVERIFY(freshStore.pair(m_bob, QStringLiteral("bob")).ok());
    QCOMPARE(readAll(fresh), QByteArray("/C=DE/O=Example Corp/CN=bob Example -> bob\n"));
}

void TestMapFileStore::pairTwiceIsNoOpAndConflictRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("twice"));
    QVERIFY(writeAll(path, "# head\n"));
    MapFileStore store(MapFileStore::Kind::Subject, path);
    QCOMPARE(store.pair(m_alice, QStringLiteral("alice")).value(), PairOutcome::Added);
    const QByteArray once = readAll(path);
    QCOMPARE(store.pair(m_alice, QStringLiteral("alice")).value(), PairOutcome::AlreadyPaired);
    QCOMPARE(readAll(path), once);
    const auto conflict = store.pair(m_alice, QStringLiteral("mallory"));
    QVERIFY(!conflict.ok());
    QCOMPARE(conflict.error().code, PairingError::Code::Conflict);
    QCOMPARE(conflict.error().detail, QStringLiteral("alice"));
    QCOMPARE(conflict.error().line, 2);
    QCOMPARE(readAll(path), once);
}

void TestMapFileStore::unpairRemovesOnlyThatLine()
{
    const QString path = m_dir.filePath(QStringLiteral("unpair"));
    const QByteArray digestAlice = PamKeys::digest(m_alice.der, QStringLiteral("sha1"));
    const QByteArray digestBob = PamKeys::digest(m_bob.der, QStringLiteral("sha1"));
    const QByteArray before = "# users\r\n" + digestBob + " -> bob\r\n" + digestAlice.toLower() +
                              " -> alice\r\n  # trailing\r\n" + digestBob + " -> alice\n";
    QVERIFY(writeAll(path, before));
    MapFileStore store(MapFileStore::Kind::Digest, path);
    // Digests compare without case, as the mapper compares them; a CRLF line still matches by key.
    const auto removed = store.unpair(QStringLiteral("alice"), &m_alice);
    QVERIFY(removed.ok());
    QCOMPARE(removed.value(), 1);
    QCOMPARE(readAll(path), "# users\r\n" + digestBob + " -> bob\r\n  # trailing\r\n" + digestBob + " -> alice\n");
    const auto again = store.unpair(QStringLiteral("alice"), &m_alice);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, PairingError::Code::NotPaired);
}

void TestMapFileStore::unpairAllOfALogin()
{
    const QString path = m_dir.filePath(QStringLiteral("all"));
    const QByteArray before = "A1:B2 -> alice\n# keep\nC3:D4 -> bob\nE5:F6 -> alice\n^FF.*$ -> alice\n";
    QVERIFY(writeAll(path, before));
    MapFileStore store(MapFileStore::Kind::Digest, path);
    const auto removed = store.unpair(QStringLiteral("alice"), nullptr);
    QVERIFY(removed.ok());
    QCOMPARE(removed.value(), 3);
    QCOMPARE(readAll(path), QByteArray("# keep\nC3:D4 -> bob\n"));
    QCOMPARE(readAll(path + QLatin1String(MapFileStore::kBackupSuffix)), before);
}

void TestMapFileStore::firstLineWinsAndWarnings()
{
    const QString path = m_dir.filePath(QStringLiteral("first"));
    const QByteArray subject = PamKeys::subject(m_alice.der);
    QVERIFY(writeAll(path, subject + " -> alice\n" + subject + " -> mallory\n"));
    MapFileStore store(MapFileStore::Kind::Subject, path);
    const auto found = store.findByCertificate(m_alice);
    QVERIFY(found.ok());
    QCOMPARE(found.value().size(), 2);
    QCOMPARE(found.value().first().login, QStringLiteral("alice"));
    QCOMPARE(found.value().first().sha256, m_alice.sha256.toHex());
    QVERIFY(found.value().at(1).warnings.contains(PairingWarning::Shadowed));
    QCOMPARE(store.findByLogin(QStringLiteral("mallory")).value().size(), 1);
    QVERIFY(store.findByCertificate(m_bob).value().isEmpty());
}

void TestMapFileStore::patternsAndIgnoreCase()
{
    const QString path = m_dir.filePath(QStringLiteral("patterns"));
    QVERIFY(writeAll(path, "^/C=DE/O=Example Corp/CN=.* Example$ -> staff\n"));
    MapFileStore exact(MapFileStore::Kind::Subject, path);
    const auto found = exact.findByCertificate(m_bob);
    QVERIFY(found.ok());
    QCOMPARE(found.value().size(), 1);
    QCOMPARE(found.value().first().login, QStringLiteral("staff"));
    QVERIFY(found.value().first().warnings.contains(PairingWarning::Pattern));
    // A pattern stands for other certificates too: unpairing one certificate leaves it, and says
    // that the pattern still lets the card in.
    const auto unpaired = exact.unpair(QStringLiteral("staff"), &m_bob);
    QCOMPARE(unpaired.error().code, PairingError::Code::CoveredByPattern);
    QCOMPARE(unpaired.error().line, 1);
    QCOMPARE(unpaired.error().detail, QStringLiteral("staff"));
    // pam_pkcs11 stops at the first matching line, a pattern too: pairing with another login would
    // add a line it never reaches; with the pattern's login there is nothing to add.
    const auto behind = exact.pair(m_bob, QStringLiteral("bob"));
    QCOMPARE(behind.error().code, PairingError::Code::CoveredByPattern);
    QCOMPARE(behind.error().line, 1);
    QCOMPARE(exact.pair(m_bob, QStringLiteral("staff")).value(), PairOutcome::AlreadyPaired);
    QCOMPARE(readAll(path), QByteArray("^/C=DE/O=Example Corp/CN=.* Example$ -> staff\n"));

    QVERIFY(writeAll(path, PamKeys::subject(m_alice.der).toUpper() + " -> alice\n"));
    QVERIFY(exact.findByCertificate(m_alice).value().isEmpty());
    MapFileStore caseless(MapFileStore::Kind::Subject, path, QString(), true);
    QCOMPARE(caseless.findByCertificate(m_alice).value().size(), 1);
}

void TestMapFileStore::changedMeanwhileWritesNothing()
{
    const QString path = m_dir.filePath(QStringLiteral("meanwhile"));
    QVERIFY(writeAll(path, "# before\n"));
    EditedMeanwhileStore store(MapFileStore::Kind::Digest, path);
    store.edit = "AA:BB -> someone\n";
    const auto paired = store.pair(m_alice, QStringLiteral("alice"));
    QVERIFY(!paired.ok());
    QCOMPARE(paired.error().code, PairingError::Code::ChangedMeanwhile);
    // The other editor's line is there, ours is not.
    QCOMPARE(readAll(path), QByteArray("# before\nAA:BB -> someone\n"));
}

void TestMapFileStore::unwritableNamesTheFileAndChangesNothing()
{
    // A helpdesk operator without root: a child process as "nobody" tries a root-owned 0644 file.
    const QString folder = m_dir.filePath(QStringLiteral("rootonly"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755) == 0);
    const QString path = folder + QStringLiteral("/digest_mapping");
    const QByteArray before = "# root's\nAA:BB -> carol\n";
    QVERIFY(writeAll(path, before));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    int fds[2];
    QVERIFY(::pipe(fds) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ::close(fds[0]);
        if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
            ::_exit(3);
        }
        MapFileStore store(MapFileStore::Kind::Digest, path);
        const auto paired = store.pair(m_alice, QStringLiteral("alice"));
        const QByteArray answer = paired.ok() ? QByteArray("ok")
                                              : (paired.error().codeName() + QLatin1Char('|') + paired.error().path +
                                                 QLatin1Char('|') + paired.error().privilege)
                                                    .toUtf8();
        (void)!::write(fds[1], answer.constData(), size_t(answer.size()));
        ::_exit(0);
    }
    ::close(fds[1]);
    QByteArray answer;
    char buffer[512];
    ssize_t n;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) {
        answer.append(buffer, int(n));
    }
    ::close(fds[0]);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    QCOMPARE(QString::fromUtf8(answer), QStringLiteral("not_writable|%1|root").arg(path));
    QCOMPARE(readAll(path), before);
    QVERIFY(!QFile::exists(path + QLatin1String(MapFileStore::kBackupSuffix)));
}

void TestMapFileStore::ownerModeAndBackupKept()
{
    QCOMPARE(::geteuid(), uid_t(0)); // the test bench runs as root: chown to another uid needs it
    const QString path = m_dir.filePath(QStringLiteral("owned"));
    const QByteArray before = "# owned by 4242\n";
    QVERIFY(writeAll(path, before));
    const QByteArray bytes = QFile::encodeName(path);
    QVERIFY(::chown(bytes.constData(), 4242, 4343) == 0);
    QVERIFY(::chmod(bytes.constData(), 0640) == 0);
    MapFileStore store(MapFileStore::Kind::Subject, path);
    QVERIFY(store.pair(m_bob, QStringLiteral("bob")).ok());
    struct stat st = {};
    QCOMPARE(::stat(bytes.constData(), &st), 0);
    QCOMPARE(st.st_uid, uid_t(4242));
    QCOMPARE(st.st_gid, gid_t(4343));
    QCOMPARE(st.st_mode & 07777, mode_t(0640));
    QCOMPARE(readAll(path + QLatin1String(MapFileStore::kBackupSuffix)), before);
    QCOMPARE(readAll(path), before + PamKeys::subject(m_bob.der) + " -> bob\n");
}

void TestMapFileStore::badLoginsAndOddFiles()
{
    const QString path = m_dir.filePath(QStringLiteral("odd"));
    MapFileStore store(MapFileStore::Kind::Digest, path);
    for (const QString& login : {QString(), QStringLiteral("al ice"), QStringLiteral("alice\nroot"),
                                 QStringLiteral("alice\r"), QStringLiteral("a\tb"), QStringLiteral("x\u202Ey")}) {
        const auto paired = store.pair(m_alice, login);
        QVERIFY(!paired.ok());
        QCOMPARE(paired.error().code, PairingError::Code::BadLogin);
    }
    QVERIFY(!QFile::exists(path));
    // A folder, a device and a missing folder are typed errors, never a crash or a new file.
    MapFileStore folder(MapFileStore::Kind::Digest, m_dir.path());
    QCOMPARE(folder.list().error().code, PairingError::Code::NotRegular);
    MapFileStore device(MapFileStore::Kind::Digest, QStringLiteral("/dev/null"));
    QCOMPARE(device.pair(m_alice, QStringLiteral("alice")).error().code, PairingError::Code::NotRegular);
    MapFileStore missing(MapFileStore::Kind::Digest, m_dir.filePath(QStringLiteral("no/such/file")));
    QCOMPARE(missing.pair(m_alice, QStringLiteral("alice")).error().code, PairingError::Code::FolderMissing);
    // A line of 1 MB: read, not matched, kept.
    const QByteArray longLine = QByteArray(1 << 20, 'A') + " -> long\n";
    QVERIFY(writeAll(path, longLine));
    QVERIFY(store.pair(m_alice, QStringLiteral("alice")).ok());
    QVERIFY(readAll(path).startsWith(longLine));
    QCOMPARE(store.list().value().size(), 2);
    // pam_pkcs11 reads the file as a C string: the line with a NUL byte ends there, nothing after
    // it exists. So only the text before the NUL is an entry, and pairing (whose line would come
    // after it) is refused, naming the line.
    const QByteArray nul = QByteArray("AA:BB -> x\0tail\nCC:DD -> y\n", 27);
    QVERIFY(writeAll(path, nul));
    const auto listed = store.list();
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(listed.value().first().login, QStringLiteral("x"));
    const auto refused = store.pair(m_alice, QStringLiteral("alice"));
    QCOMPARE(refused.error().code, PairingError::Code::PamStopsReading);
    QCOMPARE(refused.error().line, 1);
    QCOMPARE(readAll(path), nul);
}

QTEST_GUILESS_MAIN(TestMapFileStore)
#include "tst_mapfilestore.moc"
