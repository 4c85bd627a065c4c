// Pkcs12Reader against files made by `openssl pkcs12 -export` (OpenSSL 3): the default (PBES2 AES,
// SHA-256 MAC), -legacy (RC2-40, 3DES, SHA-1 MAC), -nomac, empty and non-ASCII passwords, a file of an
// old OpenSSL's password conversion, RSA and EC keys, CA chains with names; two keys in one file and
// nested safe contents (built here); wrong passwords, every prefix of a file, noise, and files that
// are not files. Passwords reach openssl through the environment, never a command line.

#include "OpensslTool.h"
#include "PeerProcess.h"
#include "Pkcs12Builders.h"
#include "backend/x509/Pkcs12Reader.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace tokendesk;
using Code = Pkcs12Error::Code;

namespace {
const QByteArray kPassword = "correct horse";
const QByteArray kUnicode = "p\xC3\xA4ssw\xC3\xB6rd\xE2\x82\xAC"; // "pässwörd€" in UTF-8

SecureBytes secret(const QByteArray& bytes)
{
    return SecureBytes(bytes.constData(), bytes.size());
}

/// What OpenSSL before 1.1 made of these bytes (each one a character), as the UTF-8 OpenSSL 3 takes.
QByteArray oldOpensslPassword(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes).toUtf8();
}
} // namespace

class TestPkcs12Reader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    OpensslTool m_ssl{m_dir.path()};

    bool exportP12(const QString& out, const QString& key, const QString& cert, const QByteArray& password,
                   const QStringList& extra = {})
    {
        QStringList args{
            QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-inkey"), m_ssl.path(key),
            QStringLiteral("-in"),    m_ssl.path(cert),          QStringLiteral("-out"),   m_ssl.path(out)};
        QProcessEnvironment env;
        if (password.isEmpty()) {
            args << QStringLiteral("-passout") << QStringLiteral("pass:");
        } else {
            env.insert(QStringLiteral("TD_P12_PASS"), QString::fromUtf8(password));
            args << QStringLiteral("-passout") << QStringLiteral("env:TD_P12_PASS");
        }
        const PeerResult r = PeerProcess::run(QStringLiteral("openssl"), args + extra, {}, env, 60000);
        if (!r.ok()) {
            qWarning().noquote() << r.describe();
        }
        return r.ok();
    }

    Result<Pkcs12Contents, Pkcs12Error> parseFile(const QString& name, const QByteArray& password)
    {
        auto bytes = Pkcs12Reader::readFile(m_ssl.path(name));
        if (!bytes) {
            return bytes.error();
        }
        return Pkcs12Reader::parse(bytes.value().bytes(), secret(password));
    }

    /// The key's SubjectPublicKeyInfo (`openssl pkey -pubout`) or its PrivateKeyInfo (`openssl pkcs8 -topk8`).
    QByteArray keyDer(const QString& key, bool publicKey)
    {
        QByteArray out;
        const QStringList args =
            publicKey ? QStringList{QStringLiteral("pkey"), QStringLiteral("-pubout")}
                      : QStringList{QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-nocrypt")};
        m_ssl.ok(args + QStringList{QStringLiteral("-in"), m_ssl.path(key), QStringLiteral("-outform"),
                                    QStringLiteral("DER")},
                 &out);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("TD_P12_DIR")) {
            return; // the child of withoutLegacyProvider: its parent made the files
        }
        QVERIFY(m_ssl.key(QStringLiteral("rsa.key"), QStringLiteral("rsa:2048")));
        QVERIFY(m_ssl.key(QStringLiteral("p256.key"), QStringLiteral("ec:P-256")));
        QVERIFY(m_ssl.key(QStringLiteral("p384.key"), QStringLiteral("ec:P-384")));
        QVERIFY(m_ssl.key(QStringLiteral("ed.key"), QStringLiteral("ed25519")));
        const QByteArray leaf = "basicConstraints = CA:FALSE\n";
        const QByteArray ca = "basicConstraints = critical, CA:TRUE\n";
        QVERIFY(m_ssl.selfSigned(QStringLiteral("root.pem"), QStringLiteral("p384.key"),
                                 QStringLiteral("/O=Acme/CN=Acme Root"), OpensslTool::config({}, ca)));
        QVERIFY(m_ssl.issue(QStringLiteral("sub.pem"), QStringLiteral("p256.key"),
                            QStringLiteral("/O=Acme/CN=Acme Sub"), QStringLiteral("root.pem"),
                            QStringLiteral("p384.key"), ca));
        QVERIFY(m_ssl.issue(QStringLiteral("alice.pem"), QStringLiteral("rsa.key"), QStringLiteral("/CN=Alice"),
                            QStringLiteral("sub.pem"), QStringLiteral("p256.key"), leaf));
        QVERIFY(m_ssl.write(QStringLiteral("chain.pem"),
                            m_ssl.read(QStringLiteral("sub.pem")) + m_ssl.read(QStringLiteral("root.pem"))));
        for (const char* name : {"rsa", "p256", "p384", "ed"}) {
            const QString key = QString::fromLatin1(name) + QStringLiteral(".key");
            QVERIFY(m_ssl.selfSigned(QString::fromLatin1(name) + QStringLiteral("-self.pem"), key,
                                     QStringLiteral("/CN=") + QString::fromLatin1(name),
                                     OpensslTool::config({}, leaf)));
        }
        const QStringList chain{QStringLiteral("-certfile"), m_ssl.path(QStringLiteral("chain.pem")),
                                QStringLiteral("-name"),     QStringLiteral("Alice's key"),
                                QStringLiteral("-caname"),   QStringLiteral("Acme Sub"),
                                QStringLiteral("-caname"),   QStringLiteral("Acme Root")};
        QVERIFY(exportP12(QStringLiteral("default.p12"), QStringLiteral("rsa.key"), QStringLiteral("alice.pem"),
                          kPassword, chain));
        QVERIFY(exportP12(QStringLiteral("legacy.p12"), QStringLiteral("rsa.key"), QStringLiteral("alice.pem"),
                          kPassword, chain + QStringList{QStringLiteral("-legacy")}));
        QVERIFY(exportP12(QStringLiteral("nomac.p12"), QStringLiteral("rsa.key"), QStringLiteral("alice.pem"),
                          kPassword, chain + QStringList{QStringLiteral("-nomac")}));
    }

    void defaultFile()
    {
        const auto result = parseFile(QStringLiteral("default.p12"), kPassword);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        const Pkcs12Contents& c = result.value();
        QVERIFY(c.macPresent);
        QCOMPARE(c.macDigest, QStringLiteral("SHA-256"));
        QCOMPARE(c.encryptionAlgorithms, QStringList{QStringLiteral("PBES2 AES-256-CBC")});
        QVERIFY(!c.weakEncryption);
        QVERIFY(!c.legacyPasswordConversion);

        QCOMPARE(int(c.keys.size()), 1);
        const Pkcs12Key& key = c.keys.front();
        QCOMPARE(key.keyType, QStringLiteral("RSA 2048"));
        QCOMPARE(key.friendlyName, QStringLiteral("Alice's key"));
        QVERIFY(!key.localKeyId.isEmpty());
        QCOMPARE(key.publicKeyDer, keyDer(QStringLiteral("rsa.key"), true));
        QCOMPARE(key.pkcs8.bytes(), keyDer(QStringLiteral("rsa.key"), false));

        QCOMPARE(c.certificates.size(), 3);
        QCOMPARE(c.certificates.at(0).der, m_ssl.der(QStringLiteral("alice.pem")));
        QCOMPARE(c.certificates.at(0).friendlyName, QStringLiteral("Alice's key"));
        QCOMPARE(c.certificates.at(0).localKeyId, key.localKeyId);
        QCOMPARE(c.certificates.at(1).der, m_ssl.der(QStringLiteral("sub.pem")));
        QCOMPARE(c.certificates.at(1).friendlyName, QStringLiteral("Acme Sub"));
        QVERIFY(c.certificates.at(1).localKeyId.isEmpty());
        QCOMPARE(c.certificates.at(2).der, m_ssl.der(QStringLiteral("root.pem")));
        QCOMPARE(c.certificates.at(2).friendlyName, QStringLiteral("Acme Root"));
    }

    void legacyFile()
    {
        const auto result = parseFile(QStringLiteral("legacy.p12"), kPassword);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        const Pkcs12Contents& c = result.value();
        QCOMPARE(c.macDigest, QStringLiteral("SHA-1"));
        QCOMPARE(c.encryptionAlgorithms, (QStringList{QStringLiteral("pbeWithSHA1And40BitRC2-CBC"),
                                                      QStringLiteral("pbeWithSHA1And3-KeyTripleDES-CBC")}));
        QVERIFY(c.weakEncryption);
        QCOMPARE(int(c.keys.size()), 1);
        QCOMPARE(c.keys.front().keyType, QStringLiteral("RSA 2048"));
        QCOMPARE(c.keys.front().pkcs8.bytes(), keyDer(QStringLiteral("rsa.key"), false));
        QCOMPARE(c.certificates.size(), 3);
        QCOMPARE(c.certificates.at(0).der, m_ssl.der(QStringLiteral("alice.pem")));
        QCOMPARE(c.certificates.at(0).localKeyId, c.keys.front().localKeyId);
    }

    void noMac()
    {
        const auto result = parseFile(QStringLiteral("nomac.p12"), kPassword);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        QVERIFY(!result.value().macPresent);
        QVERIFY(result.value().macDigest.isEmpty());
        QCOMPARE(result.value().encryptionAlgorithms, QStringList{QStringLiteral("PBES2 AES-256-CBC")});
        QCOMPARE(int(result.value().keys.size()), 1);
        QCOMPARE(result.value().certificates.size(), 3);
    }

    void wrongPassword_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("password");
        for (const char* file : {"default.p12", "legacy.p12", "nomac.p12"}) {
            QTest::addRow("%s wrong", file) << QString::fromLatin1(file) << QByteArray("correct horsE");
            QTest::addRow("%s empty", file) << QString::fromLatin1(file) << QByteArray();
            QTest::addRow("%s non-ascii", file) << QString::fromLatin1(file) << kUnicode;
        }
    }
    void wrongPassword()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, password);
        const auto result = parseFile(file, password);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Code::WrongPassword);
        QCOMPARE(result.error().codeName(), QStringLiteral("wrong_password"));
    }

    void emptyPassword_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("default") << QStringList();
        QTest::newRow("legacy") << QStringList{QStringLiteral("-legacy")};
        QTest::newRow("nomac") << QStringList{QStringLiteral("-nomac")};
        QTest::newRow("nomac legacy") << QStringList{QStringLiteral("-nomac"), QStringLiteral("-legacy")};
    }
    void emptyPassword()
    {
        QFETCH(QStringList, options);
        const QString name = QStringLiteral("empty-%1.p12").arg(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(exportP12(name, QStringLiteral("p256.key"), QStringLiteral("p256-self.pem"), {}, options));
        const auto result = parseFile(name, {});
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        QCOMPARE(int(result.value().keys.size()), 1);
        QCOMPARE(result.value().keys.front().keyType, QStringLiteral("EC P-256"));
        QCOMPARE(result.value().certificates.size(), 1);
        QVERIFY(!result.value().legacyPasswordConversion);
        const auto wrong = parseFile(name, "x");
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, Code::WrongPassword);
    }

    void nonAsciiPassword_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("default") << QStringList();
        QTest::newRow("legacy") << QStringList{QStringLiteral("-legacy")};
        QTest::newRow("nomac legacy") << QStringList{QStringLiteral("-nomac"), QStringLiteral("-legacy")};
    }
    void nonAsciiPassword()
    {
        QFETCH(QStringList, options);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
        const QString name = QStringLiteral("unicode-%1.p12").arg(tag);
        QVERIFY(exportP12(name, QStringLiteral("p384.key"), QStringLiteral("p384-self.pem"), kUnicode, options));
        const auto result = parseFile(name, kUnicode);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        QCOMPARE(result.value().keys.front().keyType, QStringLiteral("EC P-384"));
        QVERIFY(!result.value().legacyPasswordConversion);

        // A file of OpenSSL before 1.1 for the same password: opened with the same bytes, through the
        // retry `openssl pkcs12` makes.
        const QString old = QStringLiteral("old-%1.p12").arg(tag);
        QVERIFY(exportP12(old, QStringLiteral("p384.key"), QStringLiteral("p384-self.pem"),
                          oldOpensslPassword(kUnicode), options));
        const auto oldResult = parseFile(old, kUnicode);
        QVERIFY2(oldResult.ok(), qPrintable(oldResult.ok() ? QString() : oldResult.error().detail));
        QVERIFY(oldResult.value().legacyPasswordConversion);
        QCOMPARE(oldResult.value().keys.front().pkcs8.bytes(), result.value().keys.front().pkcs8.bytes());
        QCOMPARE(oldResult.value().certificates.front().der, m_ssl.der(QStringLiteral("p384-self.pem")));
        // Its own bytes open it without the retry.
        const auto direct = parseFile(old, oldOpensslPassword(kUnicode));
        QVERIFY(direct.ok());
        QVERIFY(!direct.value().legacyPasswordConversion);
        const auto wrong = parseFile(old, "p\xC3\xA4ssw\xC3\xB6rd");
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, Code::WrongPassword);
    }

    void keyTypes_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("type");
        QTest::newRow("rsa") << QStringLiteral("rsa") << QStringLiteral("RSA 2048");
        QTest::newRow("p256") << QStringLiteral("p256") << QStringLiteral("EC P-256");
        QTest::newRow("p384") << QStringLiteral("p384") << QStringLiteral("EC P-384");
        QTest::newRow("ed25519") << QStringLiteral("ed") << QStringLiteral("Ed25519");
    }
    void keyTypes()
    {
        QFETCH(QString, key);
        QFETCH(QString, type);
        const QString name = key + QStringLiteral(".p12");
        QVERIFY(exportP12(name, key + QStringLiteral(".key"), key + QStringLiteral("-self.pem"), kPassword,
                          {QStringLiteral("-name"), QStringLiteral("Schlüssel")}));
        const auto result = parseFile(name, kPassword);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        const Pkcs12Key& k = result.value().keys.front();
        QCOMPARE(k.keyType, type);
        QCOMPARE(k.friendlyName, QStringLiteral("Schlüssel"));
        QCOMPARE(k.publicKeyDer, keyDer(key + QStringLiteral(".key"), true));
        QCOMPARE(k.pkcs8.bytes(), keyDer(key + QStringLiteral(".key"), false));
        QCOMPARE(result.value().certificates.size(), 1);
        QCOMPARE(result.value().certificates.front().der, m_ssl.der(key + QStringLiteral("-self.pem")));
        QCOMPARE(result.value().certificates.front().localKeyId, k.localKeyId);
    }

    void twoKeys()
    {
        const QByteArray der = Pkcs12Builders::twoKeys(
            {{m_ssl.path(QStringLiteral("p256.key")), m_ssl.path(QStringLiteral("p256-self.pem"))},
             {m_ssl.path(QStringLiteral("rsa.key")), m_ssl.path(QStringLiteral("rsa-self.pem"))}},
            kPassword);
        QVERIFY(!der.isEmpty());
        const auto result = Pkcs12Reader::parse(der, secret(kPassword));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        const Pkcs12Contents& c = result.value();
        QCOMPARE(int(c.keys.size()), 2);
        QCOMPARE(c.certificates.size(), 2);
        QCOMPARE(c.encryptionAlgorithms, QStringList{QStringLiteral("PBES2 AES-128-CBC")});
        QCOMPARE(c.keys.at(0).keyType, QStringLiteral("EC P-256"));
        QCOMPARE(c.keys.at(1).keyType, QStringLiteral("RSA 2048"));
        QCOMPARE(c.keys.at(0).friendlyName, QStringLiteral("Key 1 é"));
        QCOMPARE(c.keys.at(1).localKeyId, QByteArray("id-2"));
        QCOMPARE(c.certificates.at(0).der, m_ssl.der(QStringLiteral("p256-self.pem")));
        QCOMPARE(c.certificates.at(1).der, m_ssl.der(QStringLiteral("rsa-self.pem")));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(c.certificates.at(i).localKeyId, c.keys.at(size_t(i)).localKeyId);
            QCOMPARE(c.certificates.at(i).friendlyName, c.keys.at(size_t(i)).friendlyName);
        }
    }

    void nestedSafeContents()
    {
        const QByteArray cert = m_ssl.der(QStringLiteral("p256-self.pem"));
        const auto shallow = Pkcs12Reader::parse(Pkcs12Builders::nested(cert, 3), {});
        QVERIFY2(shallow.ok(), qPrintable(shallow.ok() ? QString() : shallow.error().detail));
        QCOMPARE(shallow.value().certificates.size(), 1);
        QCOMPARE(shallow.value().certificates.front().der, cert);
        QVERIFY(shallow.value().encryptionAlgorithms.isEmpty());
        QVERIFY(!shallow.value().macPresent);
        const auto deep = Pkcs12Reader::parse(Pkcs12Builders::nested(cert, Pkcs12Reader::kMaxNesting + 1), {});
        QVERIFY(!deep.ok());
        QCOMPARE(deep.error().code, Code::Corrupt);
    }

    void tooManyIterations()
    {
        QVERIFY(exportP12(QStringLiteral("slow.p12"), QStringLiteral("p256.key"), QStringLiteral("p256-self.pem"),
                          kPassword,
                          {QStringLiteral("-nomac"), QStringLiteral("-certpbe"), QStringLiteral("NONE"),
                           QStringLiteral("-iter"), QString::number(Pkcs12Reader::kMaxIterations + 1)}));
        QElapsedTimer timer;
        timer.start();
        const auto result = parseFile(QStringLiteral("slow.p12"), kPassword);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Code::UnsupportedAlgorithm);
        QVERIFY(timer.elapsed() < 500);
    }

    // Cut-off files are damage, whatever the password: never WrongPassword, never a crash.
    void truncated_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* file : {"default.p12", "legacy.p12", "nomac.p12"}) {
            QTest::newRow(file) << QString::fromLatin1(file);
        }
    }
    void truncated()
    {
        QFETCH(QString, file);
        const QByteArray whole = m_ssl.read(file);
        QVERIFY(whole.size() > 1000);
        for (qsizetype length = 1; length < whole.size(); ++length) {
            for (const QByteArray& password : {kPassword, QByteArray()}) {
                const auto result = Pkcs12Reader::parse(whole.left(length), secret(password));
                QVERIFY2(!result.ok(), qPrintable(QString::number(length)));
                QVERIFY2(result.error().code == Code::Corrupt, qPrintable(QString::number(length)));
            }
        }
    }

    void noise()
    {
        QRandomGenerator random(12);
        for (int i = 0; i < 300; ++i) {
            QByteArray bytes(random.bounded(1, 3000), Qt::Uninitialized);
            for (char& c : bytes) {
                c = char(random.bounded(256));
            }
            if (i % 2) {
                bytes[0] = '\x30'; // a SEQUENCE, so that the decoder looks further
            }
            const auto result = Pkcs12Reader::parse(bytes, secret(kPassword));
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, Code::Corrupt);
        }
        const auto empty = Pkcs12Reader::parse({}, secret(kPassword));
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, Code::Empty);
    }

    // Flipped bytes inside the MAC'd contents: the MAC says so (WrongPassword is all it can say),
    // never a crash, never a success.
    void flippedBytes()
    {
        const QByteArray whole = m_ssl.read(QStringLiteral("default.p12"));
        for (qsizetype i = 0; i < whole.size(); i += 7) {
            QByteArray bytes = whole;
            bytes[i] = char(bytes.at(i) ^ 0x01);
            const auto result = Pkcs12Reader::parse(bytes, secret(kPassword));
            if (result.ok()) {
                // Only where DER allows it (a flipped bit in a BOOLEAN, ...) and the MAC does not cover.
                QCOMPARE(result.value().keys.size(), size_t(1));
            } else {
                QVERIFY(!result.error().codeName().isEmpty());
            }
        }
    }

    void readFileRefusesWhatIsNotAFile()
    {
        const auto folder = Pkcs12Reader::readFile(m_dir.path());
        QVERIFY(!folder.ok());
        QCOMPARE(folder.error().code, Code::NotAFile);
        QCOMPARE(folder.error().path, m_dir.path());
        const auto zero = Pkcs12Reader::readFile(QStringLiteral("/dev/zero"));
        QVERIFY(!zero.ok());
        QCOMPARE(zero.error().code, Code::NotAFile);

        const QString fifo = m_ssl.path(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QElapsedTimer timer;
        timer.start();
        const auto pipe = Pkcs12Reader::readFile(fifo);
        QVERIFY(!pipe.ok());
        QCOMPARE(pipe.error().code, Code::NotAFile);
        QVERIFY(timer.elapsed() < 1000);

        const auto missing = Pkcs12Reader::readFile(m_ssl.path(QStringLiteral("missing.p12")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, Code::Unreadable);

        QVERIFY(m_ssl.write(QStringLiteral("empty.p12"), {}));
        const auto empty = Pkcs12Reader::readFile(m_ssl.path(QStringLiteral("empty.p12")));
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, Code::Empty);

        QFile large(m_ssl.path(QStringLiteral("large.p12")));
        QVERIFY(large.open(QIODevice::WriteOnly));
        QVERIFY(large.resize(Pkcs12Reader::kMaxFileSize + 1));
        large.close();
        const auto tooLarge = Pkcs12Reader::readFile(large.fileName());
        QVERIFY(!tooLarge.ok());
        QCOMPARE(tooLarge.error().code, Code::TooLarge);
        QCOMPARE(tooLarge.error().codeName(), QStringLiteral("too_large"));
    }

    void readFileFollowsLinks()
    {
        const QString link = m_ssl.path(QStringLiteral("link.p12"));
        QVERIFY(QFile::link(m_ssl.path(QStringLiteral("default.p12")), link));
        const auto bytes = Pkcs12Reader::readFile(link);
        QVERIFY(bytes.ok());
        QCOMPARE(bytes.value().bytes(), m_ssl.read(QStringLiteral("default.p12")));
        QVERIFY(Pkcs12Reader::parse(bytes.value().bytes(), secret(kPassword)).ok());
    }

    // OpenSSL without its legacy provider (OPENSSL_MODULES pointing nowhere), in a child process of this
    // test: an RC2-40 file is UnsupportedAlgorithm, not WrongPassword, and the default one still opens.
    void withoutLegacyProvider()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("OPENSSL_MODULES"), m_ssl.path(QStringLiteral("no-modules")));
        env.insert(QStringLiteral("TD_P12_DIR"), m_dir.path());
        const PeerResult r = PeerProcess::run(QCoreApplication::applicationFilePath(),
                                              {QStringLiteral("legacyProviderChild")}, {}, env, 60000);
        QVERIFY2(r.ok(), r.describe().constData());
        QVERIFY2(r.out.contains("PASS   : TestPkcs12Reader::legacyProviderChild"), r.out.constData());
    }
    void legacyProviderChild()
    {
        const QString dir = qEnvironmentVariable("TD_P12_DIR");
        if (dir.isEmpty()) {
            return; // run by withoutLegacyProvider
        }
        const OpensslTool parent(dir);
        const auto legacy = Pkcs12Reader::parse(parent.read(QStringLiteral("legacy.p12")), secret(kPassword));
        QVERIFY(!legacy.ok());
        QCOMPARE(legacy.error().code, Code::UnsupportedAlgorithm);
        const auto current = Pkcs12Reader::parse(parent.read(QStringLiteral("default.p12")), secret(kPassword));
        QVERIFY(current.ok());
    }

    // The seeds of fuzz_pkcs12 open with the password their first byte names (0 none, 1 "pw", 2
    // "pässwörd€"), so the fuzzer starts past the MAC and the decryption; what it found stays fixed.
    void fuzzCorpus()
    {
        const QDir corpus(QStringLiteral(TOKENDESK_FUZZ_PKCS12_CORPUS));
        const QStringList names = corpus.entryList(QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 8);
        const QByteArray passwords[] = {QByteArray(), QByteArray("pw"), kUnicode};
        for (const QString& name : names) {
            QFile f(corpus.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray input = f.readAll();
            QVERIFY(!input.isEmpty() && input.size() < 4096);
            const auto result = Pkcs12Reader::parse(input.mid(1), secret(passwords[quint8(input.at(0)) % 3]));
            if (name.startsWith(QLatin1String("regression-"))) {
                continue; // checked one by one below
            }
            QVERIFY2(result.ok(),
                     qPrintable(name + QLatin1Char(' ') + (result.ok() ? QString() : result.error().detail)));
            QVERIFY(!result.value().certificates.isEmpty());
            QCOMPARE(result.value().legacyPasswordConversion, name == QLatin1String("seed-oldopenssl"));
        }
    }

    void codeNames()
    {
        const QList<std::pair<Code, const char*>> names{{Code::Unreadable, "unreadable"},
                                                        {Code::TooLarge, "too_large"},
                                                        {Code::NotAFile, "not_a_file"},
                                                        {Code::Empty, "empty"},
                                                        {Code::Corrupt, "corrupt"},
                                                        {Code::WrongPassword, "wrong_password"},
                                                        {Code::UnsupportedAlgorithm, "unsupported_algorithm"},
                                                        {Code::Internal, "internal"}};
        for (const auto& [code, name] : names) {
            Pkcs12Error e;
            e.code = code;
            QCOMPARE(e.codeName(), QString::fromLatin1(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestPkcs12Reader)
#include "tst_pkcs12reader.moc"
