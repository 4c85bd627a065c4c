// PublicKeyShortcut (RSA and EC keys read without OpenSSL's decoders) against OpenSSL's full
// parse of the same DER: the same snapshot for every certificate tst_certificateparser reads, for
// hand-mangled keys and for the inputs fuzz_cert found (tests/fuzz/corpus/cert).

#include "ParserCertificates.h"
#include "backend/x509/CertificateParser.h"
#include "backend/x509/PublicKeyShortcut.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <openssl/x509.h>

using namespace tokendesk;

class TestPublicKeyShortcut : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    OpensslTool m_ssl{m_dir.path()};

    /// The snapshot through PublicKeyShortcut (where it applies) and through OpenSSL's full parse.
    struct BothWays
    {
        Result<CertificateInfo, X509Error> fast;
        Result<CertificateInfo, X509Error> full;
        bool ok() const { return fast.ok() && full.ok(); }
    };
    static BothWays bothWays(const QByteArray& der)
    {
        auto fast = CertificateParser::parseDer(der);
        CertificateParser::setKeyShortcut(false);
        auto full = CertificateParser::parseDer(der);
        CertificateParser::setKeyShortcut(true);
        return {std::move(fast), std::move(full)};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(parsercerts::make(m_ssl));
    }

    void keyShortcutEqualsFullParse_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : parsercerts::names()) {
            QTest::newRow(qPrintable(name)) << name;
        }
    }
    // The snapshot the full parse gives, SPKI hash included; other keys go the full way.
    void keyShortcutEqualsFullParse()
    {
        QFETCH(QString, name);
        const QByteArray der = m_ssl.der(name);
        const BothWays both = bothWays(der);
        QVERIFY(both.ok());
        const auto& fast = both.fast;
        const auto& full = both.full;
        QCOMPARE(fast.value().key, full.value().key);
        QCOMPARE(fast.value().spkiSha256, full.value().spkiSha256);
        QVERIFY(fast.value() == full.value());
        // And the shortcut was taken, for RSA and EC keys only.
        const bool rsaOrEc =
            full.value().key.algorithm == KeyAlgorithm::Rsa || full.value().key.algorithm == KeyAlgorithm::Ec;
        const auto prepared = PublicKeyShortcut::prepare(der);
        QCOMPARE(prepared.has_value(), rsaOrEc);
        if (prepared) {
            const auto* p = reinterpret_cast<const unsigned char*>(prepared->patched.constData());
            X509* patched = d2i_X509(nullptr, &p, static_cast<long>(prepared->patched.size()));
            QVERIFY(patched);
            QVERIFY(X509_get0_pubkey(patched) == nullptr); // OpenSSL did not decode the key
            const auto key = PublicKeyShortcut::read(patched, *prepared);
            X509_free(patched);
            QVERIFY(key.has_value());
            QCOMPARE(key->info, full.value().key);
        }
    }

    void keyShortcutKeepsOpensslsSpkiEncoding()
    {
        // A key BIT STRING that says 1 unused bit: OpenSSL masks that bit and writes the SPKI
        // back its way; the SPKI hash is of what it writes, both ways.
        QByteArray der = m_ssl.der(QStringLiteral("rsa.pem"));
        const qsizetype bits = der.indexOf(QByteArray::fromHex("0382010f003082010a"));
        QVERIFY(bits > 0);
        der[bits + 4] = '\x01';
        const BothWays both = bothWays(der);
        QVERIFY(both.ok());
        const auto& fast = both.fast;
        const auto& full = both.full;
        QCOMPARE(full.value().key.algorithm, KeyAlgorithm::Rsa);
        QCOMPARE(fast.value().spkiSha256, full.value().spkiSha256);
        QVERIFY(fast.value() == full.value());
    }

    void keyShortcutLeavesAPointOffTheCurveToOpenssl()
    {
        // The P-256 point is the last 65 bytes of the key's BIT STRING (03 42 00 04 X Y).
        QByteArray der = m_ssl.der(QStringLiteral("smime.pem"));
        const qsizetype point = der.indexOf(QByteArray::fromHex("03420004"));
        QVERIFY(point > 0);
        der[point + 4 + 63] = static_cast<char>(der.at(point + 4 + 63) ^ 0x01);
        const BothWays both = bothWays(der);
        QVERIFY(both.ok());
        const auto& fast = both.fast;
        const auto& full = both.full;
        QCOMPARE(full.value().key.algorithm, KeyAlgorithm::Other); // OpenSSL's decoder refuses it
        QCOMPARE(full.value().key.bits, 0);
        QVERIFY(fast.value() == full.value());
    }

    // An RSA modulus whose first byte has the top bit set is a negative INTEGER in DER. OpenSSL's
    // RSA decoder reads it as unsigned; the shortcut leaves it to that decoder (fuzz_cert found it).
    void keyShortcutLeavesANegativeModulusToOpenssl()
    {
        QByteArray der = m_ssl.der(QStringLiteral("rsa.pem"));
        const QByteArray modulus = QByteArray::fromHex("0282010100"); // INTEGER, 257 bytes, 00 first
        const qsizetype at = der.indexOf(modulus);
        QVERIFY(at > 0);
        der[at + modulus.size() - 1] = '\x80'; // same length, now negative
        const BothWays both = bothWays(der);
        QVERIFY(both.ok());
        const auto& fast = both.fast;
        const auto& full = both.full;
        QCOMPARE(full.value().key.algorithm, KeyAlgorithm::Rsa);
        QCOMPARE(full.value().key.bits, 2056); // 257 bytes read as unsigned
        QCOMPARE(fast.value().key, full.value().key);
        QVERIFY(fast.value() == full.value());
    }

    // The inputs on which fuzz_cert's "shortcut equals full parse" check failed in CI (session 4):
    // self-signed RSA certificates with a negative modulus, three with a mangled signature algorithm.
    void fuzzFindingsAgree_data()
    {
        QTest::addColumn<QString>("file");
        const QDir corpus(QStringLiteral(TOKENDESK_FUZZ_CERT_CORPUS));
        const QStringList names = corpus.entryList({QStringLiteral("regression-rsa-negative-modulus-*.der")});
        QCOMPARE(names.size(), 4);
        for (const QString& name : names) {
            QTest::newRow(qPrintable(name)) << corpus.filePath(name);
        }
    }
    void fuzzFindingsAgree()
    {
        QFETCH(QString, file);
        QFile input(file);
        QVERIFY(input.open(QIODevice::ReadOnly));
        const QByteArray der = input.readAll();
        const BothWays both = bothWays(der);
        QVERIFY(both.ok());
        const auto& fast = both.fast;
        const auto& full = both.full;
        QCOMPARE(full.value().key.algorithm, KeyAlgorithm::Rsa);
        QCOMPARE(full.value().key.bits, 1032);
        QCOMPARE(fast.value().key, full.value().key);
        QCOMPARE(fast.value().signatureAlgorithmOid, full.value().signatureAlgorithmOid);
        QVERIFY(fast.value() == full.value());
    }
};

QTEST_GUILESS_MAIN(TestPublicKeyShortcut)
#include "tst_publickeyshortcut.moc"
