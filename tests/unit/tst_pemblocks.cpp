// PemBlocks: PEM files cut into blocks whose byte ranges are exact (so an edit removes one block and
// leaves every other byte), with OpenSSL's PEM reader as the judge of each block and of where a
// PEM_read_bio_X509 loop (pam_pkcs11's opensc mapper) stops. Odd input: CRLF, text around blocks,
// other labels, a missing END, broken base64, NUL bytes, huge lines, nothing at all.

#include "PeerProcess.h"
#include "backend/pairing/PemBlocks.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

class TestPemBlocks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exactRangesWithTextAroundAndCrlf();
    void otherLabelsAreSkippedNotStoppers();
    void brokenBlocks_data();
    void brokenBlocks();
    void stopsWhereOpenSslStops_data();
    void stopsWhereOpenSslStops();
    void hostileInput();
    void toPemRoundTrip();

private:
    QByteArray make(const QString& name, const QStringList& args);

    QTemporaryDir m_dir;
    QByteArray m_a, m_b;       // certificate PEMs
    QByteArray m_aDer, m_bDer; // their DER
    QByteArray m_key;          // a PRIVATE KEY PEM
};

QByteArray TestPemBlocks::make(const QString& name, const QStringList& args)
{
    const PeerResult r = PeerProcess::run(QStringLiteral("openssl"), args);
    if (!r.ok()) {
        qWarning() << r.describe();
        return {};
    }
    QFile f(m_dir.filePath(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestPemBlocks::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const QString& n : {QStringLiteral("a"), QStringLiteral("b")}) {
        const QByteArray pem =
            make(n + QStringLiteral(".pem"),
                 {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-newkey"),
                  QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                  QStringLiteral("-subj"), QStringLiteral("/CN=") + n, QStringLiteral("-days"), QStringLiteral("2"),
                  QStringLiteral("-keyout"), m_dir.filePath(n + QStringLiteral(".key")), QStringLiteral("-out"),
                  m_dir.filePath(n + QStringLiteral(".pem"))});
        QVERIFY(pem.startsWith("-----BEGIN CERTIFICATE-----\n"));
        const QByteArray der =
            make(n + QStringLiteral(".der"),
                 {QStringLiteral("x509"), QStringLiteral("-in"), m_dir.filePath(n + ".pem"), QStringLiteral("-outform"),
                  QStringLiteral("DER"), QStringLiteral("-out"), m_dir.filePath(n + QStringLiteral(".der"))});
        QVERIFY(!der.isEmpty());
        (n == QLatin1String("a") ? m_a : m_b) = pem;
        (n == QLatin1String("a") ? m_aDer : m_bDer) = der;
    }
    QFile key(m_dir.filePath(QStringLiteral("a.key")));
    QVERIFY(key.open(QIODevice::ReadOnly));
    m_key = key.readAll();
    QVERIFY(m_key.startsWith("-----BEGIN PRIVATE KEY-----"));
}

void TestPemBlocks::exactRangesWithTextAroundAndCrlf()
{
    QByteArray b = m_b;
    b.replace("\n", "\r\n");
    const QByteArray head = "# pairings\n\nsome text\n";
    const QByteArray middle = "# between, CRLF follows\r\n";
    const QByteArray tail = "trailing words without a line end";
    const QByteArray data = head + m_a + middle + b + tail;
    const QList<PemBlock> blocks = PemBlocks::split(data);
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(0).bytesOf(data), m_a);
    QCOMPARE(blocks.at(0).begin, head.size());
    QCOMPARE(blocks.at(0).line, 4);
    QCOMPARE(blocks.at(0).label, QByteArray("CERTIFICATE"));
    QVERIFY(blocks.at(0).complete && !blocks.at(0).stopsReading);
    QCOMPARE(blocks.at(0).der, m_aDer);
    QCOMPARE(blocks.at(1).bytesOf(data), b);
    QCOMPARE(blocks.at(1).der, m_bDer);
    QVERIFY(!blocks.at(1).stopsReading);
    // Removing a block's range leaves every other byte.
    QByteArray without = data;
    without.remove(blocks.at(0).begin, blocks.at(0).end - blocks.at(0).begin);
    QCOMPARE(without, head + middle + b + tail);
    QCOMPARE(PemBlocks::certificatesReadByOpenSsl(data), 2);
}

void TestPemBlocks::otherLabelsAreSkippedNotStoppers()
{
    const QByteArray data = m_key + m_a;
    const QList<PemBlock> blocks = PemBlocks::split(data);
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(0).label, QByteArray("PRIVATE KEY"));
    QVERIFY(blocks.at(0).der.isEmpty());
    QVERIFY(!blocks.at(0).stopsReading);
    QCOMPARE(blocks.at(1).der, m_aDer);
    QCOMPARE(PemBlocks::certificatesReadByOpenSsl(data), 1);
}

void TestPemBlocks::brokenBlocks_data()
{
    QTest::addColumn<QByteArray>("broken");
    QTest::addColumn<bool>("complete");
    QTest::newRow("no END") << QByteArray("-----BEGIN CERTIFICATE-----\nMIIB\n") << false;
    QTest::newRow("bad base64") << QByteArray("-----BEGIN CERTIFICATE-----\nM!!B\n-----END CERTIFICATE-----\n") << true;
    QTest::newRow("not a certificate inside")
        << QByteArray("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") << true;
    QTest::newRow("END of another label")
        << QByteArray(m_a).replace("-----END CERTIFICATE-----", "-----END PRIVATE KEY-----") << true;
    QTest::newRow("broken other label") << QByteArray("-----BEGIN PRIVATE KEY-----\n%%%%\n-----END PRIVATE KEY-----\n")
                                        << true;
}

void TestPemBlocks::brokenBlocks()
{
    QFETCH(QByteArray, broken);
    QFETCH(bool, complete);
    const QByteArray data = m_a + broken + m_b;
    const QList<PemBlock> blocks = PemBlocks::split(data);
    QCOMPARE(blocks.size(), 3);
    QCOMPARE(blocks.at(1).bytesOf(data), broken);
    QCOMPARE(blocks.at(1).complete, complete);
    QVERIFY(blocks.at(1).stopsReading);
    QVERIFY(blocks.at(1).der.isEmpty());
    // The certificate after it is still found as a block (an edit can remove it)...
    QCOMPARE(blocks.at(2).der, m_bDer);
    QCOMPARE(blocks.at(2).bytesOf(data), m_b);
    // ...but OpenSSL's loop, like the mapper, stops at the broken one.
    QCOMPARE(PemBlocks::certificatesReadByOpenSsl(data), 1);
}

void TestPemBlocks::stopsWhereOpenSslStops_data()
{
    QTest::addColumn<QByteArray>("data");
    const QByteArray noEnd = "-----BEGIN CERTIFICATE-----\nMIIB\n";
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text only") << QByteArray("hello\n-----END CERTIFICATE-----\n");
    QTest::newRow("two") << m_a + m_b;
    QTest::newRow("key between") << m_a + m_key + m_b;
    QTest::newRow("broken first") << noEnd + m_a;
    QTest::newRow("broken last") << m_a + m_b + noEnd;
    QTest::newRow("crlf") << QByteArray(m_a + m_b).replace("\n", "\r\n");
    QTest::newRow("blank lines around") << "\n\n" + m_a + "\n\n" + m_b + "\n";
}

void TestPemBlocks::stopsWhereOpenSslStops()
{
    QFETCH(QByteArray, data);
    int visible = 0;
    for (const PemBlock& block : PemBlocks::split(data)) {
        if (block.stopsReading) {
            break;
        }
        visible += block.der.isEmpty() ? 0 : 1;
    }
    QCOMPARE(visible, PemBlocks::certificatesReadByOpenSsl(data));
}

void TestPemBlocks::hostileInput()
{
    const QByteArray nul(4096, '\0');
    QVERIFY(PemBlocks::split(nul).isEmpty());
    QCOMPARE(PemBlocks::certificatesReadByOpenSsl(nul), 0);
    // NUL bytes inside a block: a broken block, found and refused, no crash.
    const QByteArray withNul = QByteArray(m_a).insert(40, QByteArray(3, '\0'));
    const QList<PemBlock> blocks = PemBlocks::split(withNul);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).end, withNul.size());
    // A huge line inside a block and a huge line of text outside.
    const QByteArray huge(8 * 1024 * 1024, 'A');
    const QByteArray big = "-----BEGIN CERTIFICATE-----\n" + huge + "\n-----END CERTIFICATE-----\n" + huge + '\n' + m_a;
    const QList<PemBlock> bigBlocks = PemBlocks::split(big);
    QCOMPARE(bigBlocks.size(), 2);
    QVERIFY(bigBlocks.at(0).stopsReading);
    QCOMPARE(bigBlocks.at(1).der, m_aDer);
    QCOMPARE(PemBlocks::certificatesReadByOpenSsl(big), 0);
    // BEGIN lines alone, short and odd.
    for (const QByteArray& odd :
         {QByteArray("-----BEGIN "), QByteArray("-----BEGIN -----"), QByteArray("-----BEGIN ---"),
          QByteArray("-----BEGIN X-----\n-----BEGIN Y-----\n-----END Y-----"), QByteArray("-----END X-----\n")}) {
        const QList<PemBlock> found = PemBlocks::split(odd);
        for (const PemBlock& b : found) {
            QVERIFY(b.begin >= 0 && b.begin <= b.end && b.end <= odd.size());
            QVERIFY(b.der.isEmpty());
        }
    }
    QCOMPARE(PemBlocks::split("-----BEGIN X-----\n-----BEGIN Y-----\n-----END Y-----").size(), 2);
}

void TestPemBlocks::toPemRoundTrip()
{
    QCOMPARE(PemBlocks::toPem(m_aDer), m_a);
    QVERIFY(PemBlocks::toPem(QByteArray("garbage")).isEmpty());
    QVERIFY(PemBlocks::toPem(QByteArray()).isEmpty());
}

QTEST_GUILESS_MAIN(TestPemBlocks)
#include "tst_pemblocks.moc"
