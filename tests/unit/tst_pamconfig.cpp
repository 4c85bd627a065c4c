// pam_pkcs11.conf as pam_pkcs11's scconf reads it: the Debian example file (which has items without
// ";" that scconf accepts with a warning), mappers and their files in use_mappers order, what scconf
// refuses, and odd input (endless nesting, unterminated strings, NUL bytes) without a crash.

#include "backend/pairing/MapFileStore.h"
#include "backend/pairing/PamConfig.h"
#include "backend/pairing/StoreFactory.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

class TestPamConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void debianExample();
    void mappersAndStoresInOrder();
    void leniencyAsScconf();
    void refusedAsScconf_data();
    void refusedAsScconf();
    void caseAndRepeatsAsScconf();
    void mapfileUrlsAsPam_data();
    void mapfileUrlsAsPam();
    void oddInput();
    void storeSpecs();
};

void TestPamConfig::debianExample()
{
    // Shipped by libpam-pkcs11 (a dependency of the test bench), copied by people as their configuration.
    const QString example = QStringLiteral("/usr/share/doc/libpam-pkcs11/examples/pam_pkcs11.conf.example");
    QVERIFY2(QFile::exists(example), "libpam-pkcs11 is installed by scripts/deps.sh");
    const auto config = PamConfig::read(example);
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().detail));
    QCOMPARE(
        config.value().useMappers(),
        (QStringList{QStringLiteral("digest"), QStringLiteral("cn"), QStringLiteral("pwent"), QStringLiteral("uid"),
                     QStringLiteral("mail"), QStringLiteral("subject"), QStringLiteral("null")}));
    const PamMapper digest = config.value().mapper(QStringLiteral("digest"));
    QVERIFY(digest.configured);
    QCOMPARE(digest.algorithm, QStringLiteral("sha1"));
    QCOMPARE(digest.mapfile, QStringLiteral("/etc/pam_pkcs11/digest_mapping"));
    const PamMapper subject = config.value().mapper(QStringLiteral("subject"));
    QCOMPARE(subject.mapfile, QStringLiteral("/etc/pam_pkcs11/subject_mapping"));
    QCOMPARE(subject.ignoreCase, false);
    QCOMPARE(config.value().mapper(QStringLiteral("cn")).mapfileUrl, QStringLiteral("none"));
    QCOMPARE(config.value().mapper(QStringLiteral("cn")).ignoreCase, true);
    QVERIFY(!config.value().mapper(QStringLiteral("nonexistent")).configured);
    // The default store is the first mapper TokenDesk writes: digest.
    const auto store = StoreFactory::defaultStore(config.value());
    QVERIFY(store);
    QCOMPARE(store->spec(), QStringLiteral("pam-digest:/etc/pam_pkcs11/digest_mapping"));
}

void TestPamConfig::mappersAndStoresInOrder()
{
    const QByteArray text = "pam_pkcs11 {\n"
                            "  use_mappers = cn, subject, digest;\n"
                            "  mapper subject { mapfile = file:///srv/subject_map; ignorecase = yes; }\n"
                            "  mapper digest { algorithm = \"sha256\"; mapfile = file:///srv/digest map; }\n"
                            "  mapper cn { mapfile = \"none\"; }\n"
                            "}\n";
    const auto config = PamConfig::parse(text, QStringLiteral("test.conf"));
    QVERIFY(config.ok());
    const auto mappers = StoreFactory::fromPamConfig(config.value());
    QCOMPARE(int(mappers.size()), 3);
    QCOMPARE(mappers[0].mapper, QStringLiteral("cn"));
    QVERIFY(!mappers[0].store);
    QCOMPARE(mappers[0].why, QStringLiteral("not_managed"));
    QCOMPARE(mappers[1].store->spec(), QStringLiteral("pam-subject:/srv/subject_map"));
    // "file:///srv/digest map" is two words to scconf: the value is the first.
    QCOMPARE(mappers[2].store->spec(), QStringLiteral("pam-digest:/srv/digest"));
    QCOMPARE(static_cast<MapFileStore*>(mappers[2].store.get())->algorithm(), QStringLiteral("sha256"));
    QCOMPARE(config.value().mapper(QStringLiteral("subject")).ignoreCase, true);
}

void TestPamConfig::leniencyAsScconf()
{
    // A value followed by a word without ";" ends the item; "key = ;" has no value; "}" after a value
    // closes the block; an unclosed block at the end is closed; a plain path is not a file:// URL.
    const QByteArray text = "pam_pkcs11 {\n"
                            "  use_mappers = digest\n"
                            "  mapper digest { mapfile = /etc/pam_pkcs11/digest_mapping }\n"
                            "  mapper subject { ignorecase = ; mapfile = file:///x/s\n";
    const auto config = PamConfig::parse(text, QStringLiteral("lenient.conf"));
    QVERIFY(config.ok());
    QCOMPARE(config.value().useMappers(), QStringList{QStringLiteral("digest")});
    const PamMapper digest = config.value().mapper(QStringLiteral("digest"));
    QCOMPARE(digest.mapfileUrl, QStringLiteral("/etc/pam_pkcs11/digest_mapping"));
    QVERIFY(digest.mapfile.isEmpty());
    QString why;
    QVERIFY(!StoreFactory::forMapper(digest, &why));
    QCOMPARE(why, QStringLiteral("not_local_file"));
    QCOMPARE(config.value().mapper(QStringLiteral("subject")).mapfile, QStringLiteral("/x/s"));
}

void TestPamConfig::refusedAsScconf_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::newRow("= without a name") << QByteArray("pam_pkcs11 {\n = x;\n}") << 2;
    QTest::newRow("{ without a name") << QByteArray("\n\n{ }") << 3;
    QTest::newRow("} after a name") << QByteArray("pam_pkcs11 { key }") << 1;
    QTest::newRow("too many }") << QByteArray("pam_pkcs11 { }\n}") << 2;
    QTest::newRow(", first") << QByteArray(", x") << 1;
    QTest::newRow("two names") << QByteArray("mapper a b { }") << 1;
}

void TestPamConfig::refusedAsScconf()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    const auto config = PamConfig::parse(text, QStringLiteral("bad.conf"));
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code, PairingError::Code::ConfigInvalid);
    QCOMPARE(config.error().line, line);
    QCOMPARE(config.error().path, QStringLiteral("bad.conf"));
}

void TestPamConfig::caseAndRepeatsAsScconf()
{
    // scconf appends a repeated key's values to its first item and looks keys and blocks up
    // without case: pam_pkcs11 runs digest and opensc here, and reads the subject mapper's file.
    const QByteArray text = "PAM_PKCS11 {\n"
                            "  use_mappers = digest;\n"
                            "  Mapper Subject { MapFile = ; mapfile = file:///srv/s; }\n"
                            "  USE_MAPPERS = opensc;\n"
                            "}\n";
    const auto config = PamConfig::parse(text, QStringLiteral("case.conf"));
    QVERIFY(config.ok());
    QCOMPARE(config.value().useMappers(), (QStringList{QStringLiteral("digest"), QStringLiteral("opensc")}));
    QCOMPARE(config.value().mapper(QStringLiteral("subject")).mapfile, QStringLiteral("/srv/s"));
}

void TestPamConfig::mapfileUrlsAsPam_data()
{
    // src/common/uri.c: "file:" in lower case; an authority is dropped; no %-decoding.
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("path");
    QTest::newRow("absolute") << "file:///etc/pam_pkcs11/digest_mapping"
                              << "/etc/pam_pkcs11/digest_mapping";
    QTest::newRow("one slash") << "file:/etc/x"
                               << "/etc/x";
    QTest::newRow("host dropped") << "file://host/etc/x"
                                  << "/etc/x";
    QTest::newRow("no decoding") << "file:///etc/a%20b"
                                 << "/etc/a%20b";
    QTest::newRow("upper case scheme") << "FILE:///etc/x"
                                       << "";
    QTest::newRow("plain path") << "/etc/x"
                                << "";
    QTest::newRow("http") << "http://host/x"
                          << "";
}

void TestPamConfig::mapfileUrlsAsPam()
{
    QFETCH(QString, url);
    QFETCH(QString, path);
    QCOMPARE(PamConfig::localPath(url), path);
}

void TestPamConfig::oddInput()
{
    // No pam_pkcs11 block: invalid, said so.
    QCOMPARE(PamConfig::parse("other { }", QString()).error().code, PairingError::Code::ConfigInvalid);
    // 100,000 nested blocks: refused at 64, not parsed into a stack-deep tree.
    const QByteArray deep = QByteArray("pam_pkcs11 { ") + QByteArray("a {").repeated(100000);
    QCOMPARE(PamConfig::parse(deep, QString()).error().code, PairingError::Code::ConfigInvalid);
    QCOMPARE(PamConfig::parse(deep, QString()).error().detail, QStringLiteral("blocks nested too deep"));
    // An unterminated string and NUL bytes are words like any other.
    static const char odd[] = "pam_pkcs11 { use_mappers = \"digest\n; x = a\0b; }";
    const auto parsed = PamConfig::parse(QByteArray(odd, sizeof odd - 1), QString());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().useMappers(), QStringList{QStringLiteral("\"digest")});
    // A missing file, a folder and /dev/zero are unreadable, never read for ever.
    QTemporaryDir dir;
    QCOMPARE(PamConfig::read(dir.filePath(QStringLiteral("none"))).error().code, PairingError::Code::ConfigUnreadable);
    QCOMPARE(PamConfig::read(dir.path()).error().code, PairingError::Code::ConfigUnreadable);
    QCOMPARE(PamConfig::read(QStringLiteral("/dev/zero")).error().code, PairingError::Code::ConfigUnreadable);
}

void TestPamConfig::storeSpecs()
{
    const auto digest = StoreFactory::fromSpec(QStringLiteral("pam-digest:/tmp/x:y"));
    QVERIFY(digest.ok());
    QCOMPARE(digest.value()->spec(), QStringLiteral("pam-digest:/tmp/x:y"));
    for (const QString& bad :
         {QStringLiteral("pam-digest"), QStringLiteral("pam-digest:"), QStringLiteral("nfs:/x"), QString()}) {
        const auto store = StoreFactory::fromSpec(bad);
        QVERIFY2(!store.ok(), qPrintable(bad));
        QCOMPARE(store.error().code, PairingError::Code::BadStoreSpec);
    }
}

QTEST_GUILESS_MAIN(TestPamConfig)
#include "tst_pamconfig.moc"
