// AtomicFile: a file is replaced whole or not at all, keeps owner, group and mode, keeps a backup
// when asked, is not replaced when someone changed it meanwhile; only regular files are replaced,
// links are followed by the rules of fs.protected_symlinks, names are bytes. Run as root (as CI
// does), the owner and planted-link cases use a second uid (65534, nobody).

#include "backend/common/AtomicFile.h"
#include "backend/common/FileName.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace tokendesk;

namespace {
constexpr uid_t kOtherUid = 65534;
constexpr gid_t kOtherGid = 65534;

QByteArray bytesOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool put(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

struct stat statOf(const QString& path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
        st.st_mode = 0;
    }
    return st;
}
} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }
    /// Only the files a test made: no temporary file of AtomicFile's is left behind.
    QStringList entries(const QString& folder) const
    {
        return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                      QDir::Name);
    }
    static bool root() { return ::geteuid() == 0; }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void newFileGetsTheUmaskMode()
    {
        const mode_t mask = ::umask(022);
        const QString file = path(QStringLiteral("new.pem"));
        QVERIFY(AtomicFile::write(file, "hello").ok());
        ::umask(mask);
        QCOMPARE(bytesOf(file), QByteArray("hello"));
        QCOMPARE(statOf(file).st_mode & 07777, mode_t(0644));
    }

    void replaceKeepsOwnerGroupAndMode()
    {
        const QString file = path(QStringLiteral("owned.pem"));
        QVERIFY(put(file, "old"));
        QCOMPARE(::chmod(QFile::encodeName(file).constData(), 0640), 0);
        const uid_t uid = root() ? kOtherUid : ::geteuid();
        const gid_t gid = root() ? kOtherGid : ::getegid();
        QCOMPARE(::chown(QFile::encodeName(file).constData(), uid, gid), 0);
        const ino_t before = statOf(file).st_ino;
        QVERIFY(AtomicFile::write(file, "new").ok());
        const struct stat after = statOf(file);
        QCOMPARE(bytesOf(file), QByteArray("new"));
        QCOMPARE(after.st_mode & 07777, mode_t(0640));
        QCOMPARE(after.st_uid, uid);
        QCOMPARE(after.st_gid, gid);
        QVERIFY(after.st_ino != before); // a new file took the name: nobody saw it half-written
        QCOMPARE(entries(m_dir.path()).filter(QStringLiteral(".tmp")), QStringList());
    }

    void backupKeepsThePreviousFile()
    {
        const QString file = path(QStringLiteral("backed.txt"));
        QVERIFY(put(file, "first"));
        QCOMPARE(::chmod(QFile::encodeName(file).constData(), 0600), 0);
        AtomicFile::Options options;
        options.backupSuffix = QStringLiteral("~");
        QVERIFY(AtomicFile::write(file, "second", options).ok());
        QCOMPARE(bytesOf(file), QByteArray("second"));
        QCOMPARE(bytesOf(file + QLatin1Char('~')), QByteArray("first"));
        QCOMPARE(statOf(file + QLatin1Char('~')).st_mode & 07777, mode_t(0600));
        QVERIFY(AtomicFile::write(file, "third", options).ok());
        QCOMPARE(bytesOf(file + QLatin1Char('~')), QByteArray("second"));
    }

    void changedMeanwhileWritesNothing()
    {
        const QString file = path(QStringLiteral("shared.txt"));
        QVERIFY(put(file, "as read"));
        const auto read = AtomicFile::read(file);
        QVERIFY(read.ok());
        QCOMPARE(read.value(), QByteArray("as read"));
        QVERIFY(put(file, "someone else's edit"));
        AtomicFile::Options options;
        options.expected = read.value();
        const auto written = AtomicFile::write(file, "ours", options);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, FileError::Code::ChangedMeanwhile);
        QCOMPARE(bytesOf(file), QByteArray("someone else's edit"));
        // Read again, the same write goes through.
        options.expected = AtomicFile::read(file).value();
        QVERIFY(AtomicFile::write(file, "ours", options).ok());
        QCOMPARE(bytesOf(file), QByteArray("ours"));

        // "It did not exist" is an expectation too.
        const QString fresh = path(QStringLiteral("appeared.txt"));
        options.expected = AtomicFile::read(fresh).value();
        QVERIFY(options.expected->isEmpty());
        QVERIFY(put(fresh, "created meanwhile"));
        QCOMPARE(AtomicFile::write(fresh, "ours", options).error().code, FileError::Code::ChangedMeanwhile);
        QCOMPARE(bytesOf(fresh), QByteArray("created meanwhile"));
        QCOMPARE(entries(m_dir.path()).filter(QStringLiteral(".tmp")), QStringList());
    }

    void unwritableFolderLeavesTheFileAlone()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("locked.txt"));
        QVERIFY(put(file, "untouched"));
        QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
        if (root()) {
            // root writes anywhere: the write runs in a child as another user.
            QCOMPARE(::chown(QFile::encodeName(file).constData(), kOtherUid, kOtherGid), 0);
            const pid_t child = ::fork();
            if (child == 0) {
                if (::setgid(kOtherGid) != 0 || ::setuid(kOtherUid) != 0) {
                    ::_exit(100);
                }
                const auto written = AtomicFile::write(file, "changed");
                ::_exit(written.ok() ? 0 : 10 + static_cast<int>(written.error().code));
            }
            int status = 0;
            QCOMPARE(::waitpid(child, &status, 0), child);
            QVERIFY(WIFEXITED(status));
            QCOMPARE(WEXITSTATUS(status), 10 + static_cast<int>(FileError::Code::NotWritable));
        } else {
            QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0555), 0);
            const auto written = AtomicFile::write(file, "changed");
            QVERIFY(!written.ok());
            QCOMPARE(written.error().code, FileError::Code::NotWritable);
            QCOMPARE(written.error().codeName(), QStringLiteral("not_writable"));
            QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
        }
        QCOMPARE(bytesOf(file), QByteArray("untouched"));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("locked.txt")});
    }

    void onlyRegularFilesAreReplaced()
    {
        const QString fifo = path(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QCOMPARE(AtomicFile::write(fifo, "x").error().code, FileError::Code::NotRegular);
        QVERIFY(S_ISFIFO(statOf(fifo).st_mode));
        QCOMPARE(AtomicFile::write(m_dir.path(), "x").error().code, FileError::Code::NotRegular);
        QCOMPARE(AtomicFile::read(fifo).error().code, FileError::Code::NotRegular);
        if (root()) {
            // A stand-in for /dev/null: the same device numbers, in our folder.
            const QString device = path(QStringLiteral("null"));
            QCOMPARE(::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666, makedev(1, 3)), 0);
            const auto written = AtomicFile::write(device, "x");
            QCOMPARE(written.error().code, FileError::Code::NotRegular);
            QCOMPARE(written.error().codeName(), QStringLiteral("not_regular_file"));
            const struct stat st = statOf(device);
            QVERIFY(S_ISCHR(st.st_mode));
            QCOMPARE(st.st_rdev, makedev(1, 3));
        }
        QCOMPARE(entries(m_dir.path()).filter(QStringLiteral(".tmp")), QStringList());
    }

    void linksAreFollowedToRegularFiles()
    {
        const QString target = path(QStringLiteral("real.pem"));
        const QString link = path(QStringLiteral("link.pem"));
        const QString chain = path(QStringLiteral("chain.pem"));
        QVERIFY(put(target, "old"));
        QVERIFY(QFile::link(QStringLiteral("real.pem"), link)); // relative, as ln -s makes them
        QVERIFY(QFile::link(link, chain));
        QVERIFY(AtomicFile::write(chain, "new").ok());
        QCOMPARE(bytesOf(target), QByteArray("new"));
        QVERIFY(S_ISLNK(statOf(link).st_mode));
        QVERIFY(S_ISLNK(statOf(chain).st_mode));
        QCOMPARE(AtomicFile::resolve(chain).value(), target);

        const QString dangling = path(QStringLiteral("dangling.pem"));
        QVERIFY(QFile::link(path(QStringLiteral("nowhere.pem")), dangling));
        const auto written = AtomicFile::write(dangling, "x");
        QCOMPARE(written.error().code, FileError::Code::DanglingSymlink);
        QCOMPARE(written.error().target, path(QStringLiteral("nowhere.pem")));
        QVERIFY(!QFile::exists(path(QStringLiteral("nowhere.pem"))));

        const QString loop = path(QStringLiteral("loop"));
        QVERIFY(QFile::link(QStringLiteral("loop"), loop));
        QCOMPARE(AtomicFile::write(loop, "x").error().code, FileError::Code::SymlinkLoop);

        const QString toDevice = path(QStringLiteral("to-fifo"));
        const QString fifo = path(QStringLiteral("link-fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QVERIFY(QFile::link(fifo, toDevice));
        QCOMPARE(AtomicFile::write(toDevice, "x").error().code, FileError::Code::NotRegular);

        QCOMPARE(AtomicFile::write(path(QStringLiteral("no-folder/x.pem")), "x").error().code,
                 FileError::Code::FolderMissing);
    }

    void plantedLinkInAStickyFolderIsRefused()
    {
        if (!root()) {
            QSKIP("needs root to plant a link owned by another user (CI runs as root)");
        }
        QTemporaryDir shared; // as /tmp: sticky and world-writable
        QVERIFY(shared.isValid());
        QCOMPARE(::chmod(QFile::encodeName(shared.path()).constData(), 01777), 0);
        const QString victim = path(QStringLiteral("victim.conf"));
        QVERIFY(put(victim, "precious"));
        const QString planted = shared.filePath(QStringLiteral("export.pem"));
        QVERIFY(QFile::link(victim, planted));
        QCOMPARE(::lchown(QFile::encodeName(planted).constData(), kOtherUid, kOtherGid), 0);
        const auto written = AtomicFile::write(planted, "overwritten");
        QCOMPARE(written.error().code, FileError::Code::UnsafeSymlink);
        QCOMPARE(bytesOf(victim), QByteArray("precious"));
        QVERIFY(S_ISLNK(statOf(planted).st_mode));

        // The same link owned by the folder's owner (root here) or by us is followed.
        QCOMPARE(::lchown(QFile::encodeName(planted).constData(), 0, 0), 0);
        QVERIFY(AtomicFile::write(planted, "ours").ok());
        QCOMPARE(bytesOf(victim), QByteArray("ours"));
        QCOMPARE(entries(shared.path()), QStringList{QStringLiteral("export.pem")});
    }

    void namesAreBytes()
    {
        // Latin-1 "café" and a byte that is no character at all: the file gets exactly these bytes.
        const QByteArray name = QFile::encodeName(m_dir.path()) + "/caf\xE9-\xFF.pem";
        const QString held = FileName::fromBytes(name);
        QCOMPARE(FileName::toBytes(held), name);
        QVERIFY(AtomicFile::write(held, "bytes").ok());
        struct stat st = {};
        QCOMPARE(::stat(name.constData(), &st), 0);
        QCOMPARE(AtomicFile::read(held).value(), QByteArray("bytes"));
        QCOMPARE(::unlink(name.constData()), 0); // QTemporaryDir, through Qt's lossy names, could not
    }

    void fileNamesRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("ascii") << QByteArray("/tmp/a.pem") << QStringLiteral("/tmp/a.pem");
        QTest::newRow("utf-8") << QByteArray("caf\xC3\xA9 \xF0\x9F\x94\x91") << QStringLiteral("café 🔑");
        QTest::newRow("latin-1") << QByteArray("caf\xE9") << QString::fromUtf16(u"caf\xDCE9");
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << QString::fromUtf16(u"\xDCC0\xDCAF");
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << QString::fromUtf16(u"\xDCED\xDCA0\xDC80");
        QTest::newRow("cut") << QByteArray("a\xE2\x82") << QString::fromUtf16(u"a\xDCE2\xDC82");
    }
    void fileNamesRoundTrip()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QCOMPARE(FileName::fromBytes(bytes), text);
        QCOMPARE(FileName::toBytes(text), bytes);
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
