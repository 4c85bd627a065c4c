// CertificateParser with input that is not a plain certificate: PEM and DER of the same certificate,
// bundles, trailing bytes, TRUSTED CERTIFICATE blocks, export byte for byte against `openssl x509`;
// and bad input (every prefix of a certificate, garbage, broken PEM, 10 MB of noise), which must give
// a typed error, never a crash. The fields themselves: tst_certificateparser.

#include "OpensslTool.h"
#include "backend/x509/CertificateExport.h"
#include "backend/x509/CertificateParser.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

class TestCertificateParserInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    OpensslTool m_ssl{m_dir.path()};

    CertificateInfo load(const QString& name)
    {
        auto result = CertificateParser::parseFile(m_ssl.path(name));
        return result ? result.value() : CertificateInfo();
    }

private Q_SLOTS:
    // A version field outside v1..v3 (here the integer -23, found by fuzz_cert):
    // OpenSSL decodes it, RFC 5280 does not allow it, we refuse it.
    void unknownVersionIsNotACertificate()
    {
        QFile f(qEnvironmentVariable("TOKENDESK_SOURCE_DIR") +
                QStringLiteral("/tests/fuzz/corpus/cert/regression-version-minus-23.der"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto result = CertificateParser::parseDer(f.readAll());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, X509Error::Code::NotACertificate);
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ssl.key(QStringLiteral("rsa.key"), QStringLiteral("rsa:2048")));
        QVERIFY(m_ssl.key(QStringLiteral("p256.key"), QStringLiteral("ec:P-256")));
        QVERIFY(m_ssl.key(QStringLiteral("p384.key"), QStringLiteral("ec:P-384")));
        QVERIFY(m_ssl.selfSigned(QStringLiteral("rsa.pem"), QStringLiteral("rsa.key"),
                                 QStringLiteral("/O=Acme/CN=Alice"),
                                 OpensslTool::config({}, "subjectAltName = email:alice@example.org\n"
                                                         "extendedKeyUsage = clientAuth\n"),
                                 {QStringLiteral("-days"), QStringLiteral("365")}));
        QVERIFY(m_ssl.selfSigned(QStringLiteral("ca384.pem"), QStringLiteral("p384.key"),
                                 QStringLiteral("/O=Acme/CN=Acme Root CA"),
                                 OpensslTool::config({}, "basicConstraints = critical, CA:TRUE\n"),
                                 {QStringLiteral("-days"), QStringLiteral("3650")}));
        QVERIFY(m_ssl.issue(QStringLiteral("leaf.pem"), QStringLiteral("p256.key"), QStringLiteral("/CN=Leaf"),
                            QStringLiteral("ca384.pem"), QStringLiteral("p384.key"), "basicConstraints = CA:FALSE\n",
                            {QStringLiteral("-days"), QStringLiteral("200")}));
    }

    void pemAndDerAgree()
    {
        const CertificateInfo pem = load(QStringLiteral("rsa.pem"));
        QVERIFY(m_ssl.write(QStringLiteral("rsa.der"), m_ssl.der(QStringLiteral("rsa.pem"))));
        QCOMPARE(load(QStringLiteral("rsa.der")), pem);
        // Export: what `openssl x509` writes, byte for byte.
        QCOMPARE(CertificateExport::toDer(pem), m_ssl.der(QStringLiteral("rsa.pem")));
        QByteArray opensslPem;
        QVERIFY(m_ssl.ok({QStringLiteral("x509"), QStringLiteral("-in"), m_ssl.path(QStringLiteral("rsa.der")),
                          QStringLiteral("-inform"), QStringLiteral("DER")},
                         &opensslPem));
        QCOMPARE(CertificateExport::toPem(pem), opensslPem);
        QCOMPARE(CertificateExport::encode(pem, CertificateFormat::Der), pem.der);
        // Trailing bytes (cards pad their certificate objects) are ignored.
        const auto padded = CertificateParser::parseDer(pem.der + QByteArray(64, '\xff'));
        QVERIFY(padded.ok());
        QCOMPARE(padded.value(), pem);
        // TRUSTED CERTIFICATE blocks carry trust settings after the certificate.
        QByteArray trusted;
        QVERIFY(m_ssl.ok({QStringLiteral("x509"), QStringLiteral("-in"), m_ssl.path(QStringLiteral("rsa.pem")),
                          QStringLiteral("-trustout"), QStringLiteral("-addtrust"), QStringLiteral("clientAuth")},
                         &trusted));
        QVERIFY(trusted.contains("TRUSTED CERTIFICATE"));
        const auto fromTrusted = CertificateParser::parsePem(trusted);
        QVERIFY(fromTrusted.ok());
        QCOMPARE(fromTrusted.value().der, pem.der);
    }

    void bundles()
    {
        const QByteArray bundle = m_ssl.read(QStringLiteral("rsa.pem")) + m_ssl.read(QStringLiteral("p256.key")) +
                                  m_ssl.read(QStringLiteral("leaf.pem")) + "\nsome text\n" +
                                  m_ssl.read(QStringLiteral("ca384.pem"));
        const auto all = CertificateParser::parseAll(bundle);
        QVERIFY(all.ok());
        QCOMPARE(all.value().size(), 3);
        QCOMPARE(all.value().at(1).subject, QStringLiteral("CN=Leaf"));
        QCOMPARE(CertificateParser::parsePem(bundle).value().subject, all.value().at(0).subject);
        QCOMPARE(CertificateExport::toPem(all.value()), m_ssl.read(QStringLiteral("rsa.pem")) +
                                                            m_ssl.read(QStringLiteral("leaf.pem")) +
                                                            m_ssl.read(QStringLiteral("ca384.pem")));
    }

    void everyPrefixIsAnError()
    {
        const QByteArray der = m_ssl.der(QStringLiteral("rsa.pem"));
        QVERIFY(der.size() > 700); // RSA 2048: long-form lengths, several nesting levels
        for (qsizetype length = 1; length < der.size(); ++length) {
            const auto r = CertificateParser::parseDer(der.left(length));
            QVERIFY2(!r.ok(), qPrintable(QString::number(length)));
            QCOMPARE(r.error().code, X509Error::Code::Truncated);
        }
        QCOMPARE(CertificateParser::parseDer({}).error().code, X509Error::Code::Empty);
    }

    void badInput()
    {
        using Code = X509Error::Code;
        QCOMPARE(CertificateParser::parseDer("hello world").error().code, Code::NotACertificate);
        QCOMPARE(CertificateParser::parseDer(QByteArray("\x30\x03\x02\x01\x01", 5)).error().code,
                 Code::NotACertificate);
        QCOMPARE(CertificateParser::parsePem({}).error().code, Code::Empty);
        QCOMPARE(CertificateParser::parse({}).error().code, Code::Empty);
        QVERIFY(!CertificateParser::parseDer(QByteArray("\x30\x80\x00\x00", 4)).ok());
        QVERIFY(!CertificateParser::parseDer(QByteArray("\x30\x84\xff\xff\xff\xff", 6)).ok());

        QRandomGenerator random(4711);
        for (int i = 0; i < 200; ++i) {
            QByteArray garbage(1 + random.bounded(300), '\0');
            random.fillRange(reinterpret_cast<quint32*>(garbage.data()), garbage.size() / 4);
            QVERIFY(!CertificateParser::parseDer(garbage).ok());
        }

        // PEM: a certificate under another block name, broken base64, a cut-off certificate inside.
        QByteArray pem = m_ssl.read(QStringLiteral("leaf.pem"));
        QByteArray wrongHeader = pem;
        wrongHeader.replace("CERTIFICATE", "PUBLIC KEY");
        QCOMPARE(CertificateParser::parsePem(wrongHeader).error().code, Code::NotACertificate);
        QCOMPARE(CertificateParser::parse(wrongHeader).error().code, Code::NotACertificate);
        QByteArray broken = pem;
        broken.insert(broken.indexOf('\n') + 10, "!!!!");
        QCOMPARE(CertificateParser::parsePem(broken).error().code, Code::BadPem);
        QByteArray noEnd = pem.left(pem.indexOf("-----END"));
        QCOMPARE(CertificateParser::parsePem(noEnd).error().code, Code::BadPem);
        const QByteArray cut = "-----BEGIN CERTIFICATE-----\n" +
                               m_ssl.der(QStringLiteral("leaf.pem")).left(100).toBase64() +
                               "\n-----END CERTIFICATE-----\n";
        QCOMPARE(CertificateParser::parsePem(cut).error().code, Code::Truncated);
        QVERIFY(!CertificateParser::parseDer(pem).ok()); // PEM is not DER
    }

    void badFiles()
    {
        using Code = X509Error::Code;
        const QString missing = m_ssl.path(QStringLiteral("missing.pem"));
        const auto r = CertificateParser::parseFile(missing);
        QCOMPARE(r.error().code, Code::Unreadable);
        QCOMPARE(r.error().path, missing);
        QVERIFY(m_ssl.write(QStringLiteral("empty.der"), {}));
        QCOMPARE(CertificateParser::parseFile(m_ssl.path(QStringLiteral("empty.der"))).error().code, Code::Empty);
        QCOMPARE(CertificateParser::parseFile(m_dir.path()).error().code, Code::Unreadable);

        // 10 MB of noise: an error, quickly, and no crash.
        QByteArray noise(10 * 1024 * 1024, '\0');
        QRandomGenerator(42).fillRange(reinterpret_cast<quint32*>(noise.data()), noise.size() / 4);
        QVERIFY(m_ssl.write(QStringLiteral("noise.bin"), noise));
        const auto n = CertificateParser::parseFile(m_ssl.path(QStringLiteral("noise.bin")));
        QVERIFY(!n.ok());
        QVERIFY(n.error().code == Code::NotACertificate || n.error().code == Code::Truncated);
        QVERIFY(!CertificateParser::parseAllFromFile(m_ssl.path(QStringLiteral("noise.bin"))).ok());

        QFile huge(m_ssl.path(QStringLiteral("huge.bin")));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(X509Error::kMaxFileSize + 1)); // sparse
        huge.close();
        QCOMPARE(CertificateParser::parseFile(huge.fileName()).error().code, Code::TooLarge);
    }
};

QTEST_GUILESS_MAIN(TestCertificateParserInput)
#include "tst_certificateparser_input.moc"
