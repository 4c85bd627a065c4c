// `tokendesk import-p12` and `tokendesk vtoken` as a user runs them, in a home of the test's own
// with no SOFTHSM2_CONF, against the real peers: each .p12 (openssl's default and -legacy, keytool's
// when installed; RSA 2048, EC P-256 and P-384; with its CA chain; an empty and a non-ASCII
// password) is imported into a new token, and then
//   - gnutls-cli completes a TLS handshake with client authentication against
//     `openssl s_server -Verify 1 -verify_return_error` on 127.0.0.1, given only the PKCS#11 URIs
//     of the imported certificate and key (and without them it does not: the check can fail);
//   - p11tool --list-all-certs, through p11-kit, lists the certificate;
//   - ssh-keygen -D on SoftHSM's module prints the key;
// and a wrong password, a cut file, a key with another's certificate, a folder, /dev/null and
// /dev/zero are refused with their code, leaving no token behind.

#include "P12Maker.h"
#include "PeerProcess.h"
#include "SoftHsmPeers.h"
#include "VtokenHome.h"
#include "backend/vtoken/SoftHsmConfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using SoftHsmPeers::tokenCount;

const QByteArray kPin = "user-pin-1";

PeerResult runTokendesk(const QStringList& args, const QByteArray& input)
{
    return PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"), args, input, {}, 120000);
}

QJsonObject json(const PeerResult& r)
{
    return QJsonDocument::fromJson(r.out).object();
}

QString objectUri(const QJsonObject& result, const QString& type)
{
    for (const QJsonValue& object : result.value(QStringLiteral("objects")).toArray()) {
        if (object.toObject().value(QStringLiteral("type")).toString() == type) {
            return object.toObject().value(QStringLiteral("uri")).toString();
        }
    }
    return {};
}

/// A .p12 with the key of one identity and the certificate of another, sharing a localKeyId.
bool makeMismatched(const QString& keyPem, const QString& certPem, const char* password, const QString& out)
{
    BIO* keyBio = BIO_new_file(QFile::encodeName(keyPem).constData(), "r");
    BIO* certBio = BIO_new_file(QFile::encodeName(certPem).constData(), "r");
    EVP_PKEY* key = keyBio ? PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr) : nullptr;
    X509* cert = certBio ? PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(keyBio);
    BIO_free(certBio);
    bool done = false;
    if (key && cert) {
        STACK_OF(PKCS12_SAFEBAG)* bags = nullptr;
        STACK_OF(PKCS7)* safes = nullptr;
        const unsigned char keyId[] = {1, 2, 3, 4};
        PKCS12_SAFEBAG* certBag = PKCS12_add_cert(&bags, cert);
        PKCS12_SAFEBAG* keyBag = PKCS12_add_key(&bags, key, 0, PKCS12_DEFAULT_ITER, NID_aes_256_cbc, password);
        if (certBag && keyBag && PKCS12_add_localkeyid(certBag, const_cast<unsigned char*>(keyId), 4) &&
            PKCS12_add_localkeyid(keyBag, const_cast<unsigned char*>(keyId), 4) &&
            PKCS12_add_safe(&safes, bags, -1, 0, nullptr)) {
            PKCS12* p12 = PKCS12_add_safes(safes, 0);
            if (p12 && PKCS12_set_mac(p12, password, -1, nullptr, 0, PKCS12_DEFAULT_ITER, EVP_sha256())) {
                BIO* outBio = BIO_new_file(QFile::encodeName(out).constData(), "wb");
                done = outBio && i2d_PKCS12_bio(outBio, p12) == 1;
                BIO_free(outBio);
            }
            PKCS12_free(p12);
        }
        sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
        sk_PKCS7_pop_free(safes, PKCS7_free);
    }
    EVP_PKEY_free(key);
    X509_free(cert);
    return done;
}

/// A port on 127.0.0.1 that was free a moment ago (bound to port 0, then closed).
quint16 freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    quint16 port = 0;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    if (fd >= 0) {
        ::close(fd);
    }
    return port;
}

} // namespace

class TestImportP12Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importThenUse_data();
    void importThenUse();
    void refused_data();
    void refused();
    void vtokenCommands();
    void browsersSeeImport();

private:
    /// gnutls-cli against s_server with the client's certificate and key as these URIs.
    PeerResult handshake(const QString& certUri, const QString& keyUri, QByteArray* serverSaid);

    std::optional<QTemporaryDir> m_files;
    std::optional<P12Maker> m_maker;
    std::optional<VtokenHome> m_home;
};

void TestImportP12Cli::initTestCase()
{
    // NO_READERS (CMake): this test runs beside those that put cards in the bench's readers, so
    // neither it nor its peers (OpenSC through p11-kit in gnutls-cli, p11tool) may reach pcscd.
    qputenv("PCSCLITE_CSOCK_NAME", "/nonexistent/tokendesk-no-readers");
    m_files.emplace();
    m_maker.emplace(m_files->path());
    QVERIFY2(m_maker->makeCa(), qPrintable(m_maker->error()));
    QVERIFY2(m_maker->makeLeaf(QStringLiteral("server"), QStringLiteral("rsa:2048"), QStringLiteral("127.0.0.1"), true),
             qPrintable(m_maker->error()));
    for (const auto& [name, type] :
         {std::pair{"rsa", "rsa:2048"}, std::pair{"p256", "P-256"}, std::pair{"p384", "P-384"}}) {
        QVERIFY2(m_maker->makeLeaf(QString::fromLatin1(name), QString::fromLatin1(type),
                                   QStringLiteral("Client ") + QString::fromLatin1(name)),
                 qPrintable(m_maker->error()));
    }
    m_home.emplace();
}

void TestImportP12Cli::importThenUse_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("rsa default") << QStringLiteral("rsa") << QByteArray("secret") << QStringList();
    QTest::newRow("rsa legacy") << QStringLiteral("rsa") << QByteArray("secret")
                                << QStringList{QStringLiteral("-legacy")};
    QTest::newRow("p256") << QStringLiteral("p256") << QByteArray("secret") << QStringList();
    QTest::newRow("p384 legacy") << QStringLiteral("p384") << QByteArray("secret")
                                 << QStringList{QStringLiteral("-legacy")};
    QTest::newRow("empty password") << QStringLiteral("p256") << QByteArray() << QStringList();
    QTest::newRow("non-ascii password") << QStringLiteral("rsa") << QByteArray("p\xc3\xa4sswort-\xe2\x82\xac")
                                        << QStringList();
    if (PeerProcess::which(QStringLiteral("keytool"))) {
        QTest::newRow("keytool") << QStringLiteral("keytool") << QByteArray("keytool-pw") << QStringList();
    }
}

PeerResult TestImportP12Cli::handshake(const QString& certUri, const QString& keyUri, QByteArray* serverSaid)
{
    const quint16 port = freePort();
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(QStringLiteral("openssl"),
                 {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:%1").arg(port),
                  QStringLiteral("-naccept"), QStringLiteral("1"), QStringLiteral("-Verify"), QStringLiteral("1"),
                  QStringLiteral("-verify_return_error"), QStringLiteral("-CAfile"), m_maker->path("ca.pem"),
                  QStringLiteral("-cert"), m_maker->path("server.pem"), QStringLiteral("-key"),
                  m_maker->path("server.key")});
    server.waitForStarted();
    QByteArray said;
    for (int i = 0; i < 100 && !said.contains("ACCEPT"); ++i) {
        server.waitForReadyRead(100);
        said += server.readAll();
    }
    QStringList args = {QStringLiteral("--port"), QString::number(port), QStringLiteral("--x509cafile"),
                        m_maker->path("ca.pem")};
    if (!certUri.isEmpty()) {
        args << QStringLiteral("--x509certfile") << certUri << QStringLiteral("--x509keyfile") << keyUri;
    }
    args << QStringLiteral("127.0.0.1");
    QProcessEnvironment env;
    env.insert(QStringLiteral("GNUTLS_PIN"), QString::fromLatin1(kPin));
    const PeerResult client = PeerProcess::run(QStringLiteral("gnutls-cli"), args, {}, env, 60000);
    if (!server.waitForFinished(10000)) {
        server.kill();
        server.waitForFinished();
    }
    said += server.readAll();
    *serverSaid = said;
    return client;
}

void TestImportP12Cli::importThenUse()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, password);
    QFETCH(QStringList, extra);
    const QString file =
        name + QStringLiteral("-%1.p12").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    QString keyName = name;
    if (name == QLatin1String("keytool")) {
        // keytool's own PKCS#12: a key pair it made, its certificate signed by our CA and put back.
        keyName = QStringLiteral("rsa");
        QProcessEnvironment env;
        env.insert(QStringLiteral("TD_KS_PASS"), QString::fromLatin1(password));
        const QString store = m_maker->path(file);
        auto keytool = [&](const QStringList& args) {
            return PeerProcess::run(QStringLiteral("keytool"), args, {}, env, 120000);
        };
        PeerResult made = keytool(
            {QStringLiteral("-genkeypair"), QStringLiteral("-alias"), QStringLiteral("kt"), QStringLiteral("-keyalg"),
             QStringLiteral("RSA"), QStringLiteral("-keysize"), QStringLiteral("2048"), QStringLiteral("-dname"),
             QStringLiteral("CN=Client keytool"), QStringLiteral("-storetype"), QStringLiteral("PKCS12"),
             QStringLiteral("-keystore"), store, QStringLiteral("-storepass:env"), QStringLiteral("TD_KS_PASS")});
        QVERIFY2(made.ok(), made.describe().constData());
        made = keytool({QStringLiteral("-certreq"), QStringLiteral("-alias"), QStringLiteral("kt"),
                        QStringLiteral("-keystore"), store, QStringLiteral("-storepass:env"),
                        QStringLiteral("TD_KS_PASS"), QStringLiteral("-file"), m_maker->path("kt.csr")});
        QVERIFY2(made.ok(), made.describe().constData());
        QFile ext(m_maker->path("kt.ext"));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n");
        ext.close();
        QVERIFY2(m_maker->openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                                   m_maker->path("kt.csr"), QStringLiteral("-CA"), m_maker->path("ca.pem"),
                                   QStringLiteral("-CAkey"), m_maker->path("ca.key"), QStringLiteral("-set_serial"),
                                   QStringLiteral("999"), QStringLiteral("-days"), QStringLiteral("30"),
                                   QStringLiteral("-extfile"), m_maker->path("kt.ext"), QStringLiteral("-out"),
                                   m_maker->path("kt.pem")}),
                 qPrintable(m_maker->error()));
        made = keytool({QStringLiteral("-importcert"), QStringLiteral("-noprompt"), QStringLiteral("-alias"),
                        QStringLiteral("ca"), QStringLiteral("-file"), m_maker->path("ca.pem"),
                        QStringLiteral("-keystore"), store, QStringLiteral("-storepass:env"),
                        QStringLiteral("TD_KS_PASS")});
        QVERIFY2(made.ok(), made.describe().constData());
        made = keytool({QStringLiteral("-importcert"), QStringLiteral("-alias"), QStringLiteral("kt"),
                        QStringLiteral("-file"), m_maker->path("kt.pem"), QStringLiteral("-keystore"), store,
                        QStringLiteral("-storepass:env"), QStringLiteral("TD_KS_PASS")});
        QVERIFY2(made.ok(), made.describe().constData());
    } else {
        QVERIFY2(m_maker->exportP12(name, file, password, true, extra), qPrintable(m_maker->error()));
    }
    const QString label = QStringLiteral("Import %1").arg(QTest::currentDataTag()).left(32);
    const PeerResult imported =
        runTokendesk({QStringLiteral("import-p12"), m_maker->path(file), QStringLiteral("--token"), label,
                      QStringLiteral("--create"), QStringLiteral("--json")},
                     password + '\n' + kPin + '\n');
    QVERIFY2(imported.ok(), imported.describe().constData());
    // Neither secret in what the command said, with every log category on.
    QVERIFY(!password.isEmpty() ? !imported.out.contains(password) && !imported.err.contains(password) : true);
    QVERIFY(!imported.out.contains(kPin) && !imported.err.contains(kPin));
    const QJsonObject result = json(imported);
    QCOMPARE(result.value(QStringLiteral("token")).toObject().value(QStringLiteral("label")).toString(), label);
    QVERIFY(result.value(QStringLiteral("token")).toObject().value(QStringLiteral("created")).toBool());
    const QString certUri = objectUri(result, QStringLiteral("certificate"));
    const QString keyUri = objectUri(result, QStringLiteral("private_key"));
    QVERIFY2(certUri.startsWith(QLatin1String("pkcs11:")) && certUri.contains(QLatin1String("type=cert")),
             qPrintable(certUri));
    QVERIFY2(keyUri.contains(QLatin1String("type=private")), qPrintable(keyUri));
    QCOMPARE(objectUri(result, QStringLiteral("ca_certificate")).isEmpty(), false);
    QVERIFY(
        result.value(QStringLiteral("verified")).toArray().at(0).toObject().value(QStringLiteral("verified")).toBool());

    // TLS with client authentication, the key never leaving the token.
    QByteArray serverSaid;
    const PeerResult tls = handshake(certUri, keyUri, &serverSaid);
    QVERIFY2(tls.ok(), QByteArray(tls.describe() + "\nserver: " + serverSaid).constData());
    QVERIFY2(tls.out.contains("Handshake was completed") || tls.err.contains("Handshake was completed"),
             tls.describe().constData());
    QVERIFY2(serverSaid.contains("depth=0 O = TokenDesk Test, CN = Client ") ||
                 serverSaid.contains("depth=0 CN = Client "),
             serverSaid.constData());
    // Without the client's identity the same server refuses: the check above can fail.
    const PeerResult anonymous = handshake(QString(), QString(), &serverSaid);
    QVERIFY2(!anonymous.ok(), anonymous.describe().constData());

    // p11tool, through p11-kit's registered modules, lists the certificate.
    const PeerResult p11tool = PeerProcess::run(
        QStringLiteral("p11tool"),
        {QStringLiteral("--list-all-certs"),
         QStringLiteral("pkcs11:token=") + QString(label).replace(QLatin1Char(' '), QStringLiteral("%20"))});
    QVERIFY2(p11tool.ok(), p11tool.describe().constData());
    // It lists the imported certificate by its CKA_ID and label, as a certificate.
    QString certId;
    for (const QJsonValue& object : result.value(QStringLiteral("objects")).toArray()) {
        if (object.toObject().value(QStringLiteral("type")).toString() == QLatin1String("certificate")) {
            certId = object.toObject().value(QStringLiteral("id")).toString();
        }
    }
    QStringList pairs;
    for (int i = 0; i + 1 < certId.size(); i += 2) {
        pairs.append(certId.mid(i, 2));
    }
    QVERIFY(!pairs.isEmpty());
    const QByteArray listedId = "ID: " + pairs.join(QLatin1Char(':')).toLatin1();
    QVERIFY2(p11tool.out.contains(listedId) && p11tool.out.contains("Type: X.509 Certificate"),
             QByteArray(p11tool.out + "\nexpected " + listedId).constData());

    // ssh-keygen -D on SoftHSM's module prints the key (the public key object needs no login).
    const PeerResult ssh =
        PeerProcess::run(QStringLiteral("ssh-keygen"), {QStringLiteral("-D"), tokendesk::SoftHsmConfig::modulePath()});
    QVERIFY2(ssh.ok(), ssh.describe().constData());
    if (name != QLatin1String("keytool")) {
        const QByteArray expected = m_maker->sshPublicKey(keyName);
        QVERIFY(!expected.isEmpty());
        const QByteArray blob = expected.split(' ').value(1);
        QVERIFY2(ssh.out.contains(blob), QByteArray(ssh.out + "\nexpected " + expected).constData());
    } else {
        QVERIFY2(ssh.out.contains("ssh-rsa "), ssh.out.constData());
    }

    const PeerResult removed =
        runTokendesk({QStringLiteral("vtoken"), QStringLiteral("delete"), label, QStringLiteral("--yes")}, {});
    QVERIFY2(removed.ok(), removed.describe().constData());
    QCOMPARE(tokenCount(), 0);
}

void TestImportP12Cli::refused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    QTest::newRow("wrong password") << QStringLiteral("good.p12") << QByteArray("wrong\n") + kPin + '\n'
                                    << QStringLiteral("wrong_password");
    QTest::newRow("truncated") << QStringLiteral("cut.p12") << QByteArray("secret\n") + kPin + '\n'
                               << QStringLiteral("corrupt");
    QTest::newRow("mismatch") << QStringLiteral("mismatch.p12") << QByteArray("secret\n") + kPin + '\n'
                              << QStringLiteral("key_without_certificate");
    QTest::newRow("folder") << QStringLiteral(".") << QByteArray("secret\n") << QStringLiteral("not_a_file");
    QTest::newRow("/dev/null") << QStringLiteral("/dev/null") << QByteArray("secret\n") << QStringLiteral("not_a_file");
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QByteArray("secret\n") << QStringLiteral("not_a_file");
    QTest::newRow("missing") << QStringLiteral("missing.p12") << QByteArray("secret\n") << QStringLiteral("unreadable");
}

void TestImportP12Cli::refused()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    if (!QFile::exists(m_maker->path("good.p12"))) {
        QVERIFY(m_maker->exportP12(QStringLiteral("rsa"), QStringLiteral("good.p12"), "secret"));
        QFile good(m_maker->path("good.p12"));
        QVERIFY(good.open(QIODevice::ReadOnly));
        const QByteArray bytes = good.readAll();
        QFile cut(m_maker->path("cut.p12"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() / 2));
        cut.close();
        // openssl (and PKCS12_create) refuse a key with another's certificate; a tool that does not
        // check makes such files, so the bags are put together here as such a tool would.
        QVERIFY(makeMismatched(m_maker->path("p256.key"), m_maker->path("rsa.pem"), "secret",
                               m_maker->path("mismatch.p12")));
    }
    const QString path = file.startsWith(QLatin1Char('/')) ? file : m_maker->path(file);
    const int before = tokenCount();
    const PeerResult r = runTokendesk({QStringLiteral("import-p12"), path, QStringLiteral("--token"),
                                       QStringLiteral("Refused"), QStringLiteral("--create"), QStringLiteral("--json")},
                                      input);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.finished);
    QCOMPARE(json(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
    QVERIFY2(!r.err.isEmpty(), "one sentence on stderr");
    QCOMPARE(tokenCount(), before);

    // Into an existing token, the same refusal leaves its objects as they were.
    PeerResult made =
        runTokendesk({QStringLiteral("vtoken"), QStringLiteral("create"), QStringLiteral("Kept")}, kPin + '\n');
    QVERIFY2(made.ok(), made.describe().constData());
    QProcessEnvironment env;
    env.insert(QStringLiteral("TD_PIN"), QString::fromLatin1(kPin));
    const QStringList list = {QStringLiteral("--module"),      tokendesk::SoftHsmConfig::modulePath(),
                              QStringLiteral("--token-label"), QStringLiteral("Kept"),
                              QStringLiteral("--login"),       QStringLiteral("--pin"),
                              QStringLiteral("env:TD_PIN"),    QStringLiteral("-O")};
    QVERIFY(m_maker->exportP12(QStringLiteral("p384"), QStringLiteral("kept.p12"), "secret"));
    const PeerResult first = runTokendesk(
        {QStringLiteral("import-p12"), m_maker->path("kept.p12"), QStringLiteral("--token"), QStringLiteral("Kept")},
        "secret\n" + kPin + '\n');
    QVERIFY2(first.ok(), first.describe().constData());
    const PeerResult before2 = PeerProcess::run(QStringLiteral("pkcs11-tool"), list, {}, env);
    QVERIFY2(before2.ok() && before2.out.contains("Private Key Object"), before2.describe().constData());
    const PeerResult again = runTokendesk({QStringLiteral("import-p12"), path, QStringLiteral("--token"),
                                           QStringLiteral("Kept"), QStringLiteral("--json")},
                                          input);
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(json(again).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
    QCOMPARE(PeerProcess::run(QStringLiteral("pkcs11-tool"), list, {}, env).out, before2.out);
    const PeerResult removed = runTokendesk(
        {QStringLiteral("vtoken"), QStringLiteral("delete"), QStringLiteral("Kept"), QStringLiteral("--yes")}, {});
    QVERIFY2(removed.ok(), removed.describe().constData());
}

void TestImportP12Cli::vtokenCommands()
{
    PeerResult r =
        runTokendesk({QStringLiteral("vtoken"), QStringLiteral("create"), QStringLiteral("Listed")}, kPin + '\n');
    QVERIFY2(r.ok(), r.describe().constData());
    r = runTokendesk({QStringLiteral("vtoken"), QStringLiteral("list"), QStringLiteral("--json")}, {});
    QVERIFY2(r.ok(), r.describe().constData());
    const QJsonArray tokens = json(r).value(QStringLiteral("tokens")).toArray();
    QCOMPARE(tokens.size(), 1); // every earlier test deleted its tokens
    QCOMPARE(tokens.at(0).toObject().value(QStringLiteral("label")).toString(), QStringLiteral("Listed"));
    QVERIFY(tokens.at(0).toObject().value(QStringLiteral("so_pin_stored")).toBool());
    // The same label again is refused; delete without --yes and without a terminal is a usage error.
    r = runTokendesk({QStringLiteral("vtoken"), QStringLiteral("create"), QStringLiteral("Listed")}, kPin + '\n');
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("already"));
    // import-p12 --create onto a label in use says so before it asks for the PIN (only the
    // password is on stdin).
    QVERIFY(m_maker->exportP12(QStringLiteral("rsa"), QStringLiteral("taken.p12"), "secret"));
    r = runTokendesk({QStringLiteral("import-p12"), m_maker->path("taken.p12"), QStringLiteral("--token"),
                      QStringLiteral("Listed"), QStringLiteral("--create"), QStringLiteral("--json")},
                     "secret\n");
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(json(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("label_taken"));
    r = runTokendesk({QStringLiteral("vtoken"), QStringLiteral("delete"), QStringLiteral("Listed")}, {});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(tokenCount(), 1);
    r = runTokendesk({QStringLiteral("vtoken"), QStringLiteral("reset-pin"), QStringLiteral("Listed")}, "other-pin\n");
    QVERIFY2(r.ok(), r.describe().constData());
    r = runTokendesk(
        {QStringLiteral("vtoken"), QStringLiteral("delete"), QStringLiteral("Listed"), QStringLiteral("--yes")}, {});
    QVERIFY2(r.ok(), r.describe().constData());
    QCOMPARE(tokenCount(), 0);
    r = runTokendesk(
        {QStringLiteral("vtoken"), QStringLiteral("delete"), QStringLiteral("Listed"), QStringLiteral("--yes")}, {});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(json(r).isEmpty(), true);
}

void TestImportP12Cli::browsersSeeImport()
{
    QVERIFY(m_maker->exportP12(QStringLiteral("p256"), QStringLiteral("browser.p12"), "secret"));
    PeerResult r = runTokendesk({QStringLiteral("import-p12"), m_maker->path("browser.p12"), QStringLiteral("--token"),
                                 QStringLiteral("Browsers"), QStringLiteral("--create")},
                                "secret\n" + kPin + '\n');
    QVERIFY2(r.ok(), r.describe().constData());
    const QString nssdb = m_home->path() + QStringLiteral("/.pki/nssdb");
    const auto certutil = [&] {
        return PeerProcess::run(QStringLiteral("certutil"),
                                {QStringLiteral("-d"), QStringLiteral("sql:") + nssdb, QStringLiteral("-L"),
                                 QStringLiteral("-h"), QStringLiteral("all")});
    };
    // Before: no database at all, so no browser sees the token.
    r = runTokendesk({QStringLiteral("vtoken"), QStringLiteral("browsers"), QStringLiteral("--json")}, {});
    QVERIFY2(r.ok(), r.describe().constData());
    QJsonArray programs = json(r).value(QStringLiteral("programs")).toArray();
    QCOMPARE(programs.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("p11-kit"));
    QVERIFY(programs.at(0).toObject().value(QStringLiteral("sees")).toBool());
    QCOMPARE(programs.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("nss_database"));
    QVERIFY(!programs.at(1).toObject().value(QStringLiteral("sees")).toBool());

    r = runTokendesk(
        {QStringLiteral("vtoken"), QStringLiteral("browsers"), QStringLiteral("--register"), QStringLiteral("--json")},
        {});
    QVERIFY2(r.ok(), r.describe().constData());
    QCOMPARE(json(r).value(QStringLiteral("changed")).toArray().size(), 1);
    QVERIFY(
        json(r).value(QStringLiteral("programs")).toArray().at(1).toObject().value(QStringLiteral("sees")).toBool());
    PeerResult listed = certutil();
    QVERIFY2(listed.ok(), listed.describe().constData());
    QVERIFY2(listed.out.contains("Browsers:p256"), listed.out.constData());

    r = runTokendesk({QStringLiteral("vtoken"), QStringLiteral("browsers"), QStringLiteral("--unregister")}, {});
    QVERIFY2(r.ok(), r.describe().constData());
    listed = certutil();
    QVERIFY2(!listed.out.contains("Browsers:p256"), listed.out.constData());

    r = runTokendesk(
        {QStringLiteral("vtoken"), QStringLiteral("delete"), QStringLiteral("Browsers"), QStringLiteral("--yes")}, {});
    QVERIFY2(r.ok(), r.describe().constData());
}

QTEST_GUILESS_MAIN(TestImportP12Cli)
#include "tst_import_p12_cli.moc"
