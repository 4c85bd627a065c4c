// OpenSshKey: a certificate's key in OpenSSH form, compared with `ssh-keygen -i -m PKCS8` (RSA, EC)
// and with the raw key (Ed25519, which ssh-keygen -i does not convert); authorized_keys lines read
// as sshd reads them, odd and hostile input included (CRLF, blanks, options with quotes, type
// mismatches, broken base64, NUL bytes, huge lines), and which lines pam_pkcs11's openssh mapper reads.

#include "PeerProcess.h"
#include "backend/pairing/OpenSshKey.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

class TestOpenSshKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fromCertificate_data();
    void fromCertificate();
    void ed25519();
    void keysOpenSshHasNoFormFor();
    void parseLine_data();
    void parseLine();
    void hostileLines();
    void readableByPam_data();
    void readableByPam();
    void toLine();

private:
    /// A certificate made by openssl for `keySpec` ("rsa:2048", "ec:P-256", "ed25519"); its DER.
    QByteArray certificate(const QString& name, const QStringList& keyArgs, QByteArray* publicPem = nullptr);

    QTemporaryDir m_dir;
    QByteArray m_rsaKeyText; // "ssh-rsa AAAA..." of an RSA certificate, for the line tests
};

QByteArray TestOpenSshKey::certificate(const QString& name, const QStringList& keyArgs, QByteArray* publicPem)
{
    const QString pem = m_dir.filePath(name + QStringLiteral(".pem"));
    const PeerResult req = PeerProcess::run(
        QStringLiteral("openssl"),
        QStringList{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes")} + keyArgs +
            QStringList{QStringLiteral("-subj"), QStringLiteral("/CN=") + name, QStringLiteral("-days"),
                        QStringLiteral("2"), QStringLiteral("-keyout"), m_dir.filePath(name + ".key"),
                        QStringLiteral("-out"), pem});
    if (!req.ok()) {
        qWarning() << req.describe();
        return {};
    }
    if (publicPem) {
        const PeerResult pub =
            PeerProcess::run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), pem,
                                                         QStringLiteral("-pubkey"), QStringLiteral("-noout")});
        *publicPem = pub.out;
    }
    const PeerResult der =
        PeerProcess::run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), pem,
                                                     QStringLiteral("-outform"), QStringLiteral("DER")});
    return der.ok() ? der.out : QByteArray();
}

void TestOpenSshKey::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QByteArray der =
        certificate(QStringLiteral("lines"), {QStringLiteral("-newkey"), QStringLiteral("rsa:2048")});
    QVERIFY(!der.isEmpty());
    const auto key = OpenSshKey::fromCertificate(der);
    QVERIFY(key);
    m_rsaKeyText = key->keyText();
    QVERIFY(m_rsaKeyText.startsWith("ssh-rsa AAAAB3NzaC1yc2E"));
}

void TestOpenSshKey::fromCertificate_data()
{
    QTest::addColumn<QStringList>("keyArgs");
    QTest::addColumn<QByteArray>("type");
    QTest::newRow("rsa-2048") << QStringList{QStringLiteral("-newkey"), QStringLiteral("rsa:2048")}
                              << QByteArray("ssh-rsa");
    QTest::newRow("rsa-3072") << QStringList{QStringLiteral("-newkey"), QStringLiteral("rsa:3072")}
                              << QByteArray("ssh-rsa");
    for (const char* curve : {"P-256", "P-384", "P-521"}) {
        const QByteArray bits = QByteArray(curve).mid(2);
        QTest::newRow(curve) << QStringList{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                            QStringLiteral("ec_paramgen_curve:") + QLatin1String(curve)}
                             << QByteArray("ecdsa-sha2-nistp" + bits);
    }
}

void TestOpenSshKey::fromCertificate()
{
    QFETCH(QStringList, keyArgs);
    QFETCH(QByteArray, type);
    QByteArray publicPem;
    const QByteArray der = certificate(QString::fromLatin1(QTest::currentDataTag()), keyArgs, &publicPem);
    QVERIFY(!der.isEmpty());
    const QString pubPath = m_dir.filePath(QStringLiteral("pub.pem"));
    QFile pub(pubPath);
    QVERIFY(pub.open(QIODevice::WriteOnly));
    pub.write(publicPem);
    pub.close();
    const PeerResult converted =
        PeerProcess::run(QStringLiteral("ssh-keygen"), {QStringLiteral("-i"), QStringLiteral("-m"),
                                                        QStringLiteral("PKCS8"), QStringLiteral("-f"), pubPath});
    QVERIFY2(converted.ok(), converted.describe().constData());
    const auto key = OpenSshKey::fromCertificate(der);
    QVERIFY(key);
    QCOMPARE(key->type, type);
    QCOMPARE(key->keyText(), converted.out.trimmed());
    // And back: the text reads as the same key.
    const auto parsed = OpenSshKey::parseKeyText(converted.out);
    QVERIFY(parsed && parsed->sameKey(*key));
}

void TestOpenSshKey::ed25519()
{
    const QByteArray der = certificate(QStringLiteral("ed"), {QStringLiteral("-newkey"), QStringLiteral("ed25519")});
    QVERIFY(!der.isEmpty());
    const PeerResult spki =
        PeerProcess::run(QStringLiteral("openssl"),
                         {QStringLiteral("pkey"), QStringLiteral("-in"), m_dir.filePath(QStringLiteral("ed.key")),
                          QStringLiteral("-pubout"), QStringLiteral("-outform"), QStringLiteral("DER")});
    QVERIFY2(spki.ok() && spki.out.size() == 44, spki.describe().constData());
    const QByteArray raw = spki.out.right(32);
    const QByteArray blob = QByteArray::fromHex("0000000b") + "ssh-ed25519" + QByteArray::fromHex("00000020") + raw;
    const auto key = OpenSshKey::fromCertificate(der);
    QVERIFY(key);
    QCOMPARE(key->type, QByteArray("ssh-ed25519"));
    QCOMPARE(key->blob, blob);
}

void TestOpenSshKey::keysOpenSshHasNoFormFor()
{
    const QByteArray k1 =
        certificate(QStringLiteral("k1"), {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                           QStringLiteral("ec_paramgen_curve:secp256k1")});
    QVERIFY(!k1.isEmpty());
    QVERIFY(!OpenSshKey::fromCertificate(k1));
    QVERIFY(!OpenSshKey::fromCertificate(QByteArray()));
    QVERIFY(!OpenSshKey::fromCertificate(QByteArray("\x30\x82\xff\xff garbage", 12)));
    QVERIFY(!OpenSshKey::fromCertificate(k1.left(k1.size() / 2)));
}

void TestOpenSshKey::parseLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<QByteArray>("comment");
    const QByteArray k = m_rsaKeyText;
    QTest::newRow("plain") << k << true << QByteArray() << QByteArray();
    QTest::newRow("comment") << k + " alice@host  " << true << QByteArray() << QByteArray("alice@host");
    QTest::newRow("lf") << k + " c\n" << true << QByteArray() << QByteArray("c");
    QTest::newRow("crlf") << k + " c\r\n" << true << QByteArray() << QByteArray("c");
    QTest::newRow("leading blanks") << " \t" + k << true << QByteArray() << QByteArray();
    QTest::newRow("tabs") << QByteArray(k).replace(' ', '\t') + "\tc d" << true << QByteArray() << QByteArray("c d");
    QTest::newRow("options") << "no-pty,from=\"1.2.3.4\" " + k + " c" << true << QByteArray("no-pty,from=\"1.2.3.4\"")
                             << QByteArray("c");
    QTest::newRow("options with quoted blanks and \\\"")
        << "command=\"echo \\\"a b\\\"\"\t" + k << true << QByteArray("command=\"echo \\\"a b\\\"\"") << QByteArray();
    QTest::newRow("hash comment") << "# " + k << false << QByteArray() << QByteArray();
    QTest::newRow("blank") << QByteArray(" \t\r\n") << false << QByteArray() << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << QByteArray() << QByteArray();
    QTest::newRow("unknown type") << "ssh-foo " + k.mid(8) << false << QByteArray() << QByteArray();
    QTest::newRow("type mismatch") << "ssh-ed25519 " + k.mid(8) << false << QByteArray() << QByteArray();
    QTest::newRow("broken base64") << k.left(k.size() - 5) + "!!!!=" << false << QByteArray() << QByteArray();
    QTest::newRow("no base64") << QByteArray("ssh-rsa") << false << QByteArray() << QByteArray();
    QTest::newRow("short blob") << QByteArray("ssh-rsa AAAA") << false << QByteArray() << QByteArray();
    QTest::newRow("unterminated quote") << "from=\"1.2.3.4 " + k << false << QByteArray() << QByteArray();
    QTest::newRow("nul in base64") << k.left(20) + QByteArray(1, '\0') + k.mid(21) << false << QByteArray()
                                   << QByteArray();
    QTest::newRow("nul in comment") << k + " a" + QByteArray(1, '\0') + "b" << true << QByteArray()
                                    << QByteArray("a" + QByteArray(1, '\0') + "b");
}

void TestOpenSshKey::parseLine()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    QFETCH(QByteArray, options);
    QFETCH(QByteArray, comment);
    const auto key = OpenSshKey::parseLine(line);
    QCOMPARE(bool(key), valid);
    if (key) {
        QCOMPARE(key->keyText(), m_rsaKeyText);
        QCOMPARE(key->options, options);
        QCOMPARE(key->comment, comment);
    }
}

void TestOpenSshKey::hostileLines()
{
    // Huge lines: parsed or refused in linear time, never a crash.
    const QByteArray huge(4 * 1024 * 1024, 'A');
    QVERIFY(!OpenSshKey::parseLine("ssh-rsa " + huge));
    QVERIFY(!OpenSshKey::parseLine(huge));
    QVERIFY(!OpenSshKey::parseLine(QByteArray(100001, '"') + ' ' + m_rsaKeyText)); // a quote left open
    const auto manyQuotes = OpenSshKey::parseLine(QByteArray(100000, '"') + ' ' + m_rsaKeyText);
    QVERIFY(manyQuotes && manyQuotes->options.size() == 100000);
    const auto longComment = OpenSshKey::parseLine(m_rsaKeyText + ' ' + huge);
    QVERIFY(longComment && longComment->comment.size() == huge.size());
    QVERIFY(OpenSshKey::readableByPam(m_rsaKeyText + ' ' + huge));
    QVERIFY(!OpenSshKey::parseLine(QByteArray(1000, '\0')));
    QVERIFY(!OpenSshKey::parseKeyText(QByteArray(1000, '\0')));
    QVERIFY(!OpenSshKey::readableByPam(QByteArray(1000, '\0')));
    // A blob whose first string claims more bytes than there are.
    const QByteArray lying = QByteArray::fromHex("7fffffff") + "ssh-rsa";
    QVERIFY(!OpenSshKey::parseLine("ssh-rsa " + lying.toBase64()));
    QVERIFY(!OpenSshKey::readableByPam("ssh-rsa " + lying.toBase64()));
}

void TestOpenSshKey::readableByPam_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("readable");
    const QByteArray k = m_rsaKeyText;
    QTest::newRow("plain") << k << true;
    QTest::newRow("comment") << k + " tokendesk: CN=x\n" << true;
    QTest::newRow("crlf") << k + " c\r\n" << true;
    QTest::newRow("leading blanks") << " \t" + k + "\n" << true;
    QTest::newRow("options") << "no-pty " + k << false;
    QTest::newRow("tab after type") << QByteArray(k).replace(' ', '\t') << false;
    QTest::newRow("two spaces") << QByteArray(k).replace(' ', "  ") << false;
    QTest::newRow("tab before comment") << k + "\tc" << false;
    QTest::newRow("ecdsa") << QByteArray("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=") << false;
    QTest::newRow("long comment") << k + ' ' + QByteArray(20000, 'c') + '\n' << true;
    QTest::newRow("key ends at 8191") << QByteArray(8191 - k.size(), ' ') + k + '\n' << true;
    QTest::newRow("key ends at 8192") << QByteArray(8192 - k.size(), ' ') + k + '\n' << false;
}

void TestOpenSshKey::readableByPam()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, readable);
    QCOMPARE(OpenSshKey::readableByPam(line), readable);
}

void TestOpenSshKey::toLine()
{
    auto key = OpenSshKey::parseKeyText(m_rsaKeyText);
    QVERIFY(key);
    key->comment = "tokendesk: CN=a\nb\r\x01, sha256 00";
    QCOMPARE(key->toLine(), m_rsaKeyText + " tokendesk: CN=a b  , sha256 00\n");
    key->options = "no-pty";
    key->comment.clear();
    QCOMPARE(key->toLine(), "no-pty " + m_rsaKeyText + '\n');
    const auto back = OpenSshKey::parseLine(key->toLine());
    QVERIFY(back && back->sameKey(*key) && back->options == "no-pty");
}

QTEST_GUILESS_MAIN(TestOpenSshKey)
#include "tst_opensshkey.moc"
