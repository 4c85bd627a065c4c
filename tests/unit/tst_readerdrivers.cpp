// ReaderDrivers: IFD handler bundles and reader.conf.d serial entries, as pcscd loads them.

#include "backend/pcsc/ReaderDrivers.h"

#include <QDir>
#include <QProcess>
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
