// ReaderDrivers: IFD handler bundles and reader.conf.d serial entries, as pcscd loads them.

#include "backend/pcsc/ReaderDrivers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

namespace {
void write(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        qFatal("cannot write %s", qPrintable(path));
    }
    f.write(content);
}

QByteArray testData(const QString& name)
{
    QFile f(qEnvironmentVariable("TOKENDESK_SOURCE_DIR") + QStringLiteral("/tests/unit/data/") + name);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("missing test data %s", qPrintable(f.fileName()));
    }
    return f.readAll();
}
} // namespace

class TestReaderDrivers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundleAndSerial()
    {
        QTemporaryDir dir;
        const QString drivers = dir.filePath(QStringLiteral("drivers"));
        const QString conf = dir.filePath(QStringLiteral("reader.conf.d"));
        write(drivers + QStringLiteral("/acme.bundle/Contents/Info.plist"),
              testData(QStringLiteral("acme-Info.plist")));
        write(drivers + QStringLiteral("/acme.bundle/Contents/Linux/libacme.so"), "ELF");
        write(drivers + QStringLiteral("/broken.bundle/Contents/Info.plist"), "<plist><dict><key>");
        write(drivers + QStringLiteral("/nolib.bundle/Contents/Info.plist"),
              "<plist><dict><key>CFBundleExecutable</key><string>gone.so</string>"
              "<key>CFBundleIdentifier</key><string>org.nolib</string></dict></plist>");
        write(drivers + QStringLiteral("/notabundle/file"), "x");
        write(conf + QStringLiteral("/virtual"), "# two readers\n"
                                                 "FRIENDLYNAME \"Virtual PCD\"\n"
                                                 "DEVICENAME   /dev/null:0x8C7B\n"
                                                 "LIBPATH      " +
                                                     drivers.toUtf8() +
                                                     "/acme.bundle/Contents/Linux/libacme.so\n"
                                                     "CHANNELID    0x8C7B # vpcd port\n"
                                                     "\n"
                                                     "FRIENDLYNAME Serial\n"
                                                     "LIBPATH /nonexistent/libserial.so\n"
                                                     "CHANNELID 0x0103F8\n");

        const QList<ReaderDriver> found = ReaderDrivers::scan(drivers, conf);
        QCOMPARE(found.size(), 5);

        const ReaderDriver& acme = found.at(0);
        QCOMPARE(acme.kind, ReaderDriver::Kind::Bundle);
        QCOMPARE(acme.id, QStringLiteral("com.example.acme"));
        QCOMPARE(acme.version, QStringLiteral("2.1.0"));
        QCOMPARE(acme.product, QStringLiteral("ACME pinpad driver"));
        QCOMPARE(acme.manufacturer, QStringLiteral("ACME Readers"));
        QCOMPARE(acme.supportedReaders, 3);
        QCOMPARE(acme.library, drivers + QStringLiteral("/acme.bundle/Contents/Linux/libacme.so"));
        QCOMPARE(acme.problem, ReaderDriver::Problem::None);

        QCOMPARE(found.at(1).id, QStringLiteral("broken"));
        QCOMPARE(found.at(1).problem, ReaderDriver::Problem::UnreadableInfo);
        QCOMPARE(found.at(2).id, QStringLiteral("org.nolib"));
        QCOMPARE(found.at(2).problem, ReaderDriver::Problem::MissingLibrary);

        const ReaderDriver& vpcd = found.at(3);
        QCOMPARE(vpcd.kind, ReaderDriver::Kind::Serial);
        QCOMPARE(vpcd.id, QStringLiteral("Virtual PCD"));
        QCOMPARE(vpcd.device, QStringLiteral("/dev/null:0x8C7B"));
        QCOMPARE(vpcd.channelId, 0x8C7Bu);
        QCOMPARE(vpcd.problem, ReaderDriver::Problem::None);
        QCOMPARE(found.at(4).id, QStringLiteral("Serial"));
        QCOMPARE(found.at(4).channelId, 0x0103F8u);
        QCOMPARE(found.at(4).problem, ReaderDriver::Problem::MissingLibrary);
    }

    // Info.plist is read by a scanner of its own (not QXmlStreamReader): what XML allows there is
    // understood, what it refuses is refused.
    void plistSyntax()
    {
        QTemporaryDir dir;
        const QString drivers = dir.filePath(QStringLiteral("drivers"));
        write(drivers + QStringLiteral("/a.bundle/Contents/Info.plist"),
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
              "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
              "<plist version=\"1.0\" note=\"a > inside quotes\">\n<!-- <dict> in a comment -->\n<dict>\n"
              "  <key>CFBundleIdentifier</key><string> org.a&amp;b </string>\n"
              "  <key>ifdManufacturerString</key><string><![CDATA[R&D <Labs>]]></string>\n"
              "  <key>ifdProductString</key><string>Lecteur &#233;tudiant &#x2014; caf\xc3\xa9</string>\n"
              "  <key>Nested</key><dict><key>CFBundleVersion</key><string>9.9</string></dict>\n"
              "  <key>CFBundleVersion</key><string>1.2</string>\n"
              "  <key>Flag</key><true/>\n"
              "  <key>ifdVendorID</key><array><string> 0x1 </string><string>0x2</string><string/></array>\n"
              "  <key>CFBundleExecutable</key><string>liba.so</string>\n"
              "</dict>\n</plist>\n");
        write(drivers + QStringLiteral("/b.bundle/Contents/Info.plist"),
              "<plist><dict><key>CFBundleIdentifier</key><string>b</dict></string></plist>");
        write(drivers + QStringLiteral("/c.bundle/Contents/Info.plist"),
              "<plist><dict><key>CFBundleIdentifier</key><string>&nbsp;</string></dict></plist>");
        write(drivers + QStringLiteral("/d.bundle/Contents/Info.plist"), "<plist><!-- never closed </plist>");

        const QList<ReaderDriver> found = ReaderDrivers::scan(drivers, dir.filePath(QStringLiteral("none")));
        QCOMPARE(found.size(), 4);
        const ReaderDriver& a = found.at(0);
        QCOMPARE(a.id, QStringLiteral("org.a&b"));
        QCOMPARE(a.manufacturer, QStringLiteral("R&D <Labs>"));
        QCOMPARE(a.product, QString::fromUtf8("Lecteur \xc3\xa9tudiant \xe2\x80\x94 caf\xc3\xa9"));
        QCOMPARE(a.version, QStringLiteral("1.2")); // the nested dict's key is not the top level's
        QCOMPARE(a.supportedReaders, 3);
        QCOMPARE(a.problem, ReaderDriver::Problem::MissingLibrary); // liba.so is not there
        for (int i = 1; i < 4; ++i) {
            QCOMPARE(found.at(i).problem, ReaderDriver::Problem::UnreadableInfo);
        }
    }

    // The arrays of reader IDs (CCID's are ~560 strings each) are counted on a fast path for plain
    // strings after the first; anything else there takes the general path, with its checks.
    void readerArrays()
    {
        QTemporaryDir dir;
        const QString drivers = dir.filePath(QStringLiteral("drivers"));
        const auto plist = [](const QByteArray& array) -> QByteArray {
            return "<plist><dict><key>CFBundleIdentifier</key><string>x</string>"
                   "<key>ifdVendorID</key><array>\n\t" +
                   array + "\n</array><key>ifdProductString</key><string>after</string></dict></plist>";
        };
        // Plain strings, references, CDATA, an empty element, a comment, white space between.
        write(drivers + QStringLiteral("/a.bundle/Contents/Info.plist"),
              plist("<string>0x1</string>\n\t<string>0x2</string><string>A&amp;B</string>"
                    "<!-- <string>not one</string> --><string><![CDATA[<x>]]></string><string/>"
                    "\t<string>0x&#51;</string> <string>0x7</string>"));
        // A bad reference, an unclosed string, a string closed by another element, after the first.
        write(drivers + QStringLiteral("/b.bundle/Contents/Info.plist"),
              plist("<string>0x1</string><string>0x2</string><string>&bogus;</string>"));
        write(drivers + QStringLiteral("/c.bundle/Contents/Info.plist"), plist("<string>0x1</string><string>0x2"));
        write(drivers + QStringLiteral("/d.bundle/Contents/Info.plist"),
              plist("<string>0x1</string><string>0x2</array>"));
        // pcscd loads any folder with ".bundle" in its name (strstr), a leftover "e.bundle.old" too,
        // and not "bundle" or "F.BUNDLE".
        write(drivers + QStringLiteral("/e.bundle.old/Contents/Info.plist"), plist("<string>0x1</string>"));
        write(drivers + QStringLiteral("/bundle/Contents/Info.plist"), plist("<string>0x1</string>"));
        write(drivers + QStringLiteral("/F.BUNDLE/Contents/Info.plist"), plist("<string>0x1</string>"));

        const QList<ReaderDriver> found = ReaderDrivers::scan(drivers, dir.filePath(QStringLiteral("none")));
        QCOMPARE(found.size(), 5);
        QCOMPARE(found.at(4).path, drivers + QStringLiteral("/e.bundle.old"));
        QCOMPARE(found.at(4).supportedReaders, 1);
        QCOMPARE(found.at(0).path, drivers + QStringLiteral("/a.bundle"));
        QCOMPARE(found.at(0).problem, ReaderDriver::Problem::MissingLibrary);
        QCOMPARE(found.at(0).supportedReaders, 7);
        QCOMPARE(found.at(0).product, QStringLiteral("after")); // the key after the array is read
        // Without the fast path: the same drivers.
        for (const ReaderDriver& d : found) {
            QFile f(d.path + QStringLiteral("/Contents/Info.plist"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(ReaderDrivers::readInfo(d.path, f.readAll(), ReaderDrivers::Scan::General), d);
        }
        for (int i = 1; i < 4; ++i) {
            QCOMPARE(found.at(i).problem, ReaderDriver::Problem::UnreadableInfo);
        }
    }

    // What a careless root might leave where pcscd's drivers are: a device, a FIFO, a huge file.
    // Each is an unreadable driver (or no serial entry), at once: nothing is read to its end.
    void filesThatAreNotDrivers()
    {
        QTemporaryDir dir;
        const QString drivers = dir.filePath(QStringLiteral("drivers"));
        const QString conf = dir.filePath(QStringLiteral("reader.conf.d"));
        QVERIFY(QDir().mkpath(drivers + QStringLiteral("/zero.bundle/Contents")));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), drivers + QStringLiteral("/zero.bundle/Contents/Info.plist")));
        QVERIFY(QDir().mkpath(drivers + QStringLiteral("/fifo.bundle/Contents")));
        QCOMPARE(
            QProcess::execute(QStringLiteral("mkfifo"), {drivers + QStringLiteral("/fifo.bundle/Contents/Info.plist")}),
            0);
        QVERIFY(QDir().mkpath(drivers + QStringLiteral("/folder.bundle/Contents/Info.plist")));
        // A well-formed plist one byte over the limit, and the same at the limit.
        const QByteArray plist = "<plist><dict><key>CFBundleIdentifier</key><string>big</string></dict></plist>";
        QByteArray huge = plist;
        huge.insert(7, QByteArray(ReaderDrivers::kMaxFileBytes - plist.size(), ' '));
        QCOMPARE(huge.size(), ReaderDrivers::kMaxFileBytes);
        write(drivers + QStringLiteral("/limit.bundle/Contents/Info.plist"), huge);
        huge.insert(7, ' ');
        write(drivers + QStringLiteral("/over.bundle/Contents/Info.plist"), huge);
        QVERIFY(QDir().mkpath(conf));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), conf + QStringLiteral("/zero")));
        QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {conf + QStringLiteral("/fifo")}), 0);
        // Line ends of another system: the same entry.
        write(conf + QStringLiteral("/crlf"), "FRIENDLYNAME \"Dos\"\r\nCHANNELID 0x10\r\n");

        QElapsedTimer timer;
        timer.start();
        const QList<ReaderDriver> found = ReaderDrivers::scan(drivers, conf);
        QVERIFY2(timer.elapsed() < 5000, "a device or FIFO was read");
        QCOMPARE(found.size(), 6);
        const QStringList unreadable{QStringLiteral("fifo"), QStringLiteral("folder"), QStringLiteral("over"),
                                     QStringLiteral("zero")};
        int at = 0;
        for (const QString& name : {QStringLiteral("fifo"), QStringLiteral("folder"), QStringLiteral("limit"),
                                    QStringLiteral("over"), QStringLiteral("zero")}) {
            const ReaderDriver& d = found.at(at++);
            QCOMPARE(d.path, drivers + QLatin1Char('/') + name + QStringLiteral(".bundle"));
            QCOMPARE(d.problem == ReaderDriver::Problem::UnreadableInfo, unreadable.contains(name));
        }
        QCOMPARE(found.at(2).id, QStringLiteral("big"));
        QCOMPARE(found.at(5).kind, ReaderDriver::Kind::Serial);
        QCOMPARE(found.at(5).id, QStringLiteral("Dos"));
        QCOMPARE(found.at(5).channelId, 0x10u);
    }

    // readInfo is readBundle's parser on bytes (the fuzzer's entry point): the same driver.
    void infoFromBytes()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("acme.bundle"));
        const QByteArray plist = testData(QStringLiteral("acme-Info.plist"));
        write(bundle + QStringLiteral("/Contents/Info.plist"), plist);
        QCOMPARE(ReaderDrivers::readInfo(bundle, plist), ReaderDrivers::readBundle(bundle));
        // A NUL in the library's name names no file (and is not handed to Qt, which would warn).
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Broken filename")));
        const QByteArray nul = "<plist><dict><key>CFBundleExecutable</key><string>lib" + QByteArray(1, '\0') +
                               "acme.so</string></dict></plist>";
        QCOMPARE(ReaderDrivers::readInfo(bundle, nul).problem, ReaderDriver::Problem::MissingLibrary);
        const ReaderDriver none = ReaderDrivers::readInfo(bundle, QByteArrayView());
        QCOMPARE(none.problem, ReaderDriver::Problem::UnreadableInfo);
        QCOMPARE(none.id, QStringLiteral("acme"));
    }

    void missingFoldersGiveNothing()
    {
        QVERIFY(ReaderDrivers::scan(QStringLiteral("/nonexistent/a"), QStringLiteral("/nonexistent/b")).isEmpty());
    }

    // The CCID driver Debian installs, with the version its package says.
    void installedCcidDriver()
    {
        QProcess dpkg;
        dpkg.start(QStringLiteral("dpkg-query"),
                   {QStringLiteral("-W"), QStringLiteral("-f=${Version}"), QStringLiteral("libccid")});
        QVERIFY(dpkg.waitForFinished());
        const QString packageVersion =
            QString::fromLatin1(dpkg.readAllStandardOutput()).section(QLatin1Char('-'), 0, 0);
        QVERIFY2(!packageVersion.isEmpty(), "libccid is installed by scripts/deps.sh");

        const QList<ReaderDriver> found = ReaderDrivers::scan();
        const auto ccid = std::find_if(found.cbegin(), found.cend(), [](const ReaderDriver& d) {
            return d.path.endsWith(QLatin1String("/ifd-ccid.bundle"));
        });
        QVERIFY(ccid != found.cend());
        QCOMPARE(ccid->version, packageVersion);
        QCOMPARE(ccid->problem, ReaderDriver::Problem::None);
        // Every reader of its list: the <string>s of the ifdVendorID array, counted apart.
        QFile plist(ccid->path + QStringLiteral("/Contents/Info.plist"));
        QVERIFY(plist.open(QIODevice::ReadOnly));
        const QByteArray text = plist.readAll();
        const qsizetype from = text.indexOf("<key>ifdVendorID</key>");
        QVERIFY(from >= 0);
        const qsizetype to = text.indexOf("</array>", from);
        QVERIFY(to > from);
        QCOMPARE(ccid->supportedReaders, int(text.mid(from, to - from).count("<string>")));
        QVERIFY(ccid->supportedReaders > 100);
        const auto vpcd = std::find_if(found.cbegin(), found.cend(), [](const ReaderDriver& d) {
            return d.library.endsWith(QLatin1String("libifdvpcd.so"));
        });
        QVERIFY(vpcd != found.cend());
        QCOMPARE(vpcd->channelId, 0x8C7Bu);
    }
};

QTEST_GUILESS_MAIN(TestReaderDrivers)
#include "tst_readerdrivers.moc"
