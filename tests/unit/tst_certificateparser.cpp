// CertificateParser against the `openssl` command line: certificates of every key type and
// extension TokenDesk shows are made with openssl, then each field is compared with what
// `openssl x509` prints for the same file. Bad input: tst_certificateparser_input; the key
// shortcut against the full parse: tst_publickeyshortcut.

#include "ParserCertificates.h"
#include "backend/x509/CertificateExport.h"
#include "backend/x509/CertificateParseQueue.h"
#include "backend/x509/CertificateParser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

using namespace tokendesk;

namespace {
QString opensslKeyUsage(KeyUsage usage)
{
    static const char* const names[] = {"Digital Signature", "Non Repudiation", "Key Encipherment",
                                        "Data Encipherment", "Key Agreement",   "Certificate Sign",
                                        "CRL Sign",          "Encipher Only",   "Decipher Only"};
    return QString::fromLatin1(names[static_cast<int>(usage)]);
}

// OpenSSL's long names for the extended key usages the tests use.
QString opensslEku(const QString& oid)
{
    if (oid == QLatin1String(eku::kClientAuth)) {
        return QStringLiteral("TLS Web Client Authentication");
    }
    if (oid == QLatin1String(eku::kServerAuth)) {
        return QStringLiteral("TLS Web Server Authentication");
    }
    if (oid == QLatin1String(eku::kEmailProtection)) {
        return QStringLiteral("E-mail Protection");
    }
    if (oid == QLatin1String(eku::kSmartcardLogon)) {
        return QStringLiteral("Microsoft Smartcard Login");
    }
    return oid;
}

// How `openssl x509 -ext subjectAltName` writes a name. Directory names: OpenSSL prints its one-line
// form (/CN=.../O=...), ours is RFC 4514 (O=...,CN=...).
QString opensslSan(const GeneralName& n)
{
    switch (n.type) {
    case GeneralName::Type::Dns:
        return QStringLiteral("DNS:") + n.value;
    case GeneralName::Type::Email:
        return QStringLiteral("email:") + n.value;
    case GeneralName::Type::Uri:
        return QStringLiteral("URI:") + n.value;
    case GeneralName::Type::Ip:
        return QStringLiteral("IP Address:") + n.value;
    case GeneralName::Type::Upn:
        return QStringLiteral("othername: UPN::") + n.value;
    case GeneralName::Type::DirectoryName: {
        QStringList parts = n.value.split(QLatin1Char(','));
        std::reverse(parts.begin(), parts.end());
        return QStringLiteral("DirName:/") + parts.join(QLatin1Char('/'));
    }
    default:
        return n.value;
    }
}

QString colonHex(const QByteArray& bytes)
{
    return CertificateInfo::colonHex(bytes);
}

/// Each extension of `der` as X509V3_EXT_print prints the certificate's own (the hex of its value
/// where it cannot), in order: what CertificateExtension::text() makes again from the parts.
QList<CertificateExtension::Text> printedExtensions(const QByteArray& der)
{
    QList<CertificateExtension::Text> result;
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509* cert = d2i_X509(nullptr, &p, der.size());
    BIO* bio = BIO_new(BIO_s_mem());
    for (int i = 0; cert && bio && i < X509_get_ext_count(cert); ++i) {
        X509_EXTENSION* ext = X509_get_ext(cert, i);
        CertificateExtension::Text text;
        BIO_reset(bio);
        if (X509V3_EXT_print(bio, ext, X509V3_EXT_DEFAULT, 0) == 1) {
            char* data = nullptr;
            const long size = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data);
            text.text = QString::fromUtf8(data, static_cast<qsizetype>(size)).trimmed();
            text.known = true;
        } else {
            const ASN1_OCTET_STRING* value = X509_EXTENSION_get_data(ext);
            text.text = CertificateInfo::colonHex(
                QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)), ASN1_STRING_length(value)));
        }
        result << text;
    }
    BIO_free(bio);
    X509_free(cert);
    ERR_clear_error();
    return result;
}
} // namespace

class TestCertificateParser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    OpensslTool m_ssl{m_dir.path()};

    CertificateInfo load(const QString& name)
    {
        auto result = CertificateParser::parseFile(m_ssl.path(name));
        if (!result) {
            qWarning() << name << result.error().codeName() << result.error().detail;
            return {};
        }
        return result.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(parsercerts::make(m_ssl));
    }

    void fieldsMatchOpenssl_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : parsercerts::names()) {
            QTest::newRow(qPrintable(name)) << name;
        }
    }

    void fieldsMatchOpenssl()
    {
        QFETCH(QString, name);
        const CertificateInfo info = load(name);
        QVERIFY(!info.isNull());
        const QStringList nameopt{QStringLiteral("-nameopt"), QStringLiteral("RFC2253,-esc_msb")};
        QCOMPARE(info.subject, m_ssl.x509Value(name, QStringList{QStringLiteral("-subject")} + nameopt));
        QCOMPARE(info.issuer, m_ssl.x509Value(name, QStringList{QStringLiteral("-issuer")} + nameopt));
        QCOMPARE(info.serial, m_ssl.x509Value(name, {QStringLiteral("-serial")}));
        QCOMPARE(info.notBefore, OpensslTool::opensslDate(m_ssl.x509Value(name, {QStringLiteral("-startdate")})));
        QCOMPARE(info.notAfter, OpensslTool::opensslDate(m_ssl.x509Value(name, {QStringLiteral("-enddate")})));
        QCOMPARE(colonHex(info.sha1), m_ssl.x509Value(name, {QStringLiteral("-fingerprint"), QStringLiteral("-sha1")}));
        QCOMPARE(colonHex(info.sha256),
                 m_ssl.x509Value(name, {QStringLiteral("-fingerprint"), QStringLiteral("-sha256")}));
        QCOMPARE(info.der, m_ssl.der(name));

        const QString text = m_ssl.x509(name, {QStringLiteral("-text")});
        const auto textValue = [&text](const QString& label) {
            const QRegularExpression re(QRegularExpression::escape(label) + QStringLiteral(" *([^\\n]*)"));
            return re.match(text).captured(1).trimmed();
        };
        QCOMPARE(info.signatureAlgorithm, textValue(QStringLiteral("Signature Algorithm:")));
        QCOMPARE(info.key.name, textValue(QStringLiteral("Public Key Algorithm:")));
        QCOMPARE(QStringLiteral("%1").arg(info.version), textValue(QStringLiteral("Version:")).section(' ', 0, 0));
        if (info.key.algorithm == KeyAlgorithm::Rsa || info.key.algorithm == KeyAlgorithm::Ec) {
            QCOMPARE(QStringLiteral("(%1 bit)").arg(info.key.bits), textValue(QStringLiteral("Public-Key:")));
        }
        if (info.key.algorithm == KeyAlgorithm::Ec) {
            QCOMPARE(info.key.curve, textValue(QStringLiteral("ASN1 OID:")));
            QCOMPARE(info.key.nistCurve, textValue(QStringLiteral("NIST CURVE:")));
        }

        QStringList san;
        for (const GeneralName& n : info.subjectAltNames) {
            san << opensslSan(n);
        }
        QCOMPARE(san.join(QStringLiteral(", ")), m_ssl.extension(name, QStringLiteral("subjectAltName")).join(' '));
        QStringList ekus;
        for (const ExtendedKeyUsage& e : info.extendedKeyUsage) {
            ekus << opensslEku(e.oid);
        }
        QCOMPARE(ekus.join(QStringLiteral(", ")), m_ssl.extension(name, QStringLiteral("extendedKeyUsage")).join(' '));
        QStringList ku;
        for (KeyUsage u : info.keyUsage) {
            ku << opensslKeyUsage(u);
        }
        QCOMPARE(ku.join(QStringLiteral(", ")), m_ssl.extension(name, QStringLiteral("keyUsage")).join(' '));
        QCOMPARE(info.hasKeyUsage, !ku.isEmpty());
        bool critical = false;
        const QStringList bc = m_ssl.extension(name, QStringLiteral("basicConstraints"), &critical);
        QCOMPARE(info.basicConstraints.present, !bc.isEmpty());
        if (info.basicConstraints.present) {
            QString expected = info.isCa() ? QStringLiteral("CA:TRUE") : QStringLiteral("CA:FALSE");
            if (info.basicConstraints.pathLength) {
                expected += QStringLiteral(", pathlen:%1").arg(*info.basicConstraints.pathLength);
            }
            QCOMPARE(expected, bc.join(' '));
        }
        const QStringList ski = m_ssl.extension(name, QStringLiteral("subjectKeyIdentifier"));
        QCOMPARE(colonHex(info.subjectKeyId), ski.join(QString()));
        const QStringList aki = m_ssl.extension(name, QStringLiteral("authorityKeyIdentifier"));
        QCOMPARE(colonHex(info.authorityKeyId), aki.join(QString()));

        // The extensions in the field tree: as many as openssl lists, in its order, with its criticality.
        const QString extensionText = text.section(QStringLiteral("X509v3 extensions:"), 1, 1)
                                          .section(QStringLiteral("Signature Algorithm:"), 0, 0);
        QStringList criticalHeaders;
        const QStringList lines = extensionText.split('\n');
        for (const QString& line : lines) {
            if (line.startsWith(QStringLiteral("            ")) && !line.startsWith(QStringLiteral("             ")) &&
                line.contains(':')) {
                criticalHeaders << (line.trimmed().endsWith(QLatin1String("critical")) ? QStringLiteral("c")
                                                                                       : QStringLiteral("-"));
            }
        }
        QStringList ours;
        for (const CertificateExtension& e : info.extensions) {
            ours << (e.critical ? QStringLiteral("c") : QStringLiteral("-"));
        }
        QCOMPARE(ours, criticalHeaders);
    }

    void publicKeyHashes_data() { fieldsMatchOpenssl_data(); }

    // publicKeySha1 is SHA-1 over the contents of the subjectPublicKey BIT STRING, after its unused-bits
    // octet: found here with `openssl asn1parse` in the SubjectPublicKeyInfo `openssl pkey` writes.
    void publicKeyHashes()
    {
        QFETCH(QString, name);
        const CertificateInfo info = load(name);
        QByteArray pubkey;
        QByteArray spki;
        QVERIFY(m_ssl.ok({QStringLiteral("x509"), QStringLiteral("-in"), m_ssl.path(name), QStringLiteral("-noout"),
                          QStringLiteral("-pubkey")},
                         &pubkey));
        QVERIFY(m_ssl.ok(
            {QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-outform"), QStringLiteral("DER")},
            &spki, pubkey));
        QCOMPARE(info.spkiSha256, QCryptographicHash::hash(spki, QCryptographicHash::Sha256));
        QVERIFY(m_ssl.write(name + QStringLiteral(".spki"), spki));
        QByteArray parsed;
        QVERIFY(m_ssl.ok({QStringLiteral("asn1parse"), QStringLiteral("-inform"), QStringLiteral("DER"),
                          QStringLiteral("-in"), m_ssl.path(name + QStringLiteral(".spki"))},
                         &parsed));
        // "   19:d=1  hl=4 l= 271 prim: BIT STRING"
        const QRegularExpression re(QStringLiteral("(\\d+):d=1 +hl= *(\\d+) +l= *(\\d+) +prim: BIT STRING"));
        const QRegularExpressionMatch m = re.match(QString::fromLatin1(parsed));
        QVERIFY2(m.hasMatch(), parsed.constData());
        const int contentStart = m.captured(1).toInt() + m.captured(2).toInt();
        const int length = m.captured(3).toInt();
        QCOMPARE(spki.at(contentStart), '\0'); // no unused bits
        const QByteArray keyBits = spki.mid(contentStart + 1, length - 1);
        QCOMPARE(info.publicKeySha1, QCryptographicHash::hash(keyBits, QCryptographicHash::Sha1));
        // openssl's subjectKeyIdentifier = hash is the same SHA-1 (RFC 5280 method 1).
        if (!info.subjectKeyId.isEmpty()) {
            QCOMPARE(info.publicKeySha1, info.subjectKeyId);
        }
        // pam_pkcs11's digest mapper hashes the whole certificate instead: that is `sha1`, not this.
        QVERIFY(info.publicKeySha1 != info.sha1);
    }

    void fullCertificate()
    {
        const CertificateInfo info = load(QStringLiteral("rsa.pem"));
        QCOMPARE(info.key.algorithm, KeyAlgorithm::Rsa);
        QCOMPARE(info.key.bits, 2048);
        QCOMPARE(info.serial, QStringLiteral("AB").repeated(40));
        QCOMPARE(info.friendlyName, QStringLiteral("Alice Example"));
        QCOMPARE(info.subjectEntries.size(), 3);
        QCOMPARE(info.subjectEntries.at(0),
                 (NameEntry{QStringLiteral("C"), QStringLiteral("2.5.4.6"), QStringLiteral("DE")}));
        QCOMPARE(info.subjectAltNames.size(), 7);
        QCOMPARE(info.subjectAltNames.at(5).type, GeneralName::Type::Upn);
        QCOMPARE(info.subjectAltNames.at(5).value, QStringLiteral("alice@EXAMPLE.ORG"));
        QCOMPARE(info.subjectAltNames.at(5).oid, QStringLiteral("1.3.6.1.4.1.311.20.2.3"));
        QCOMPARE(info.subjectAltNames.at(4).value, QStringLiteral("2001:DB8:0:0:0:0:0:1"));
        QCOMPARE(info.subjectAltNames.at(6).type, GeneralName::Type::DirectoryName);
        QCOMPARE(info.subjectAltNames.at(6).value, QStringLiteral("O=Acme,CN=Dir Name"));
        QCOMPARE(
            info.extendedKeyUsage,
            (QList<ExtendedKeyUsage>{{QStringLiteral("1.3.6.1.5.5.7.3.2"), QStringLiteral("clientAuth")},
                                     {QStringLiteral("1.3.6.1.4.1.311.20.2.2"), QStringLiteral("smartcardLogon")}}));
        QVERIFY(info.hasExtendedKeyUsage(QLatin1String(eku::kSmartcardLogon)));
        QCOMPARE(info.keyUsage,
                 (QList<KeyUsage>{KeyUsage::DigitalSignature, KeyUsage::NonRepudiation, KeyUsage::KeyEncipherment}));
        QCOMPARE(info.policies, (QStringList{QStringLiteral("1.2.3.4.5"), QStringLiteral("2.5.29.32.0")}));
        QCOMPARE(info.ocspUrls, QStringList{QStringLiteral("http://ocsp.example.org")});
        QCOMPARE(info.caIssuersUrls, QStringList{QStringLiteral("http://ca.example.org/ca.crt")});
        QCOMPARE(info.crlDistributionPoints, QStringList{QStringLiteral("http://crl.example.org/ca.crl")});
        QVERIFY(info.isSelfSigned());
        QVERIFY(!info.isCa());
        QVERIFY(!info.namesRepaired);
        // Policies and AIA as openssl lists them.
        const QStringList policies = m_ssl.extension(QStringLiteral("rsa.pem"), QStringLiteral("certificatePolicies"));
        QCOMPARE(policies,
                 (QStringList{QStringLiteral("Policy: 1.2.3.4.5"), QStringLiteral("Policy: X509v3 Any Policy")}));
        const QStringList aia = m_ssl.extension(QStringLiteral("rsa.pem"), QStringLiteral("authorityInfoAccess"));
        QCOMPARE(aia, (QStringList{QStringLiteral("OCSP - URI:") + info.ocspUrls.at(0),
                                   QStringLiteral("CA Issuers - URI:") + info.caIssuersUrls.at(0)}));
        const QStringList crl = m_ssl.extension(QStringLiteral("rsa.pem"), QStringLiteral("crlDistributionPoints"));
        QCOMPARE(crl, (QStringList{QStringLiteral("Full Name:"),
                                   QStringLiteral("URI:") + info.crlDistributionPoints.at(0)}));
        // Every extension is in the field tree with OpenSSL's rendering.
        QCOMPARE(info.extensions.size(), 8);
        QCOMPARE(info.extensions.at(0).shortName, QStringLiteral("subjectAltName"));
        QVERIFY(info.extensions.at(0).text().text.contains(QLatin1String("othername: UPN::alice@EXAMPLE.ORG")));
        QVERIFY(info.extensions.at(0).text().known);
    }

    // The extensions' texts, made when asked from the parts kept (OID, critical, value): what OpenSSL
    // prints for the certificate's own extensions, those it knows and those it does not.
    void extensionTextsAsPrinted_data() { fieldsMatchOpenssl_data(); }
    void extensionTextsAsPrinted()
    {
        QFETCH(QString, name);
        const CertificateInfo info = load(name);
        QVERIFY(!info.isNull());
        const QList<CertificateExtension::Text> printed = printedExtensions(info.der);
        QCOMPARE(info.extensions.size(), printed.size());
        for (qsizetype i = 0; i < printed.size(); ++i) {
            const CertificateExtension::Text text = info.extensions.at(i).text();
            QCOMPARE(text.text, printed.at(i).text);
            QCOMPARE(text.known, printed.at(i).known);
        }
    }

    // text() prints through OpenSSL, whose errors it makes (a malformed value) are its own: what
    // the caller had pending is still there after it, and nothing more.
    void extensionTextKeepsCallersErrors()
    {
        CertificateExtension broken;
        broken.oid = QStringLiteral("2.5.29.19"); // basicConstraints, its value not DER
        broken.shortName = QStringLiteral("basicConstraints");
        broken.value = QByteArray("\x30\x05\x01", 3);
        ERR_clear_error();
        ERR_raise(ERR_LIB_X509, X509_R_CERT_ALREADY_IN_HASH_TABLE);
        const unsigned long pending = ERR_peek_last_error();
        const CertificateExtension::Text text = broken.text();
        QVERIFY(!text.known);
        QCOMPARE(text.text, QStringLiteral("30:05:01"));
        QCOMPARE(ERR_peek_last_error(), pending);
        QCOMPARE(ERR_get_error(), pending);
        QCOMPARE(ERR_get_error(), 0UL);
    }

    void keyTypes()
    {
        const CertificateInfo smime = load(QStringLiteral("smime.pem"));
        QCOMPARE(smime.key.algorithm, KeyAlgorithm::Ec);
        QCOMPARE(smime.key.curve, QStringLiteral("prime256v1"));
        QCOMPARE(smime.key.nistCurve, QStringLiteral("P-256"));
        QCOMPARE(smime.friendlyName, QStringLiteral("alice@example.org")); // no CN, no O: the address
        const CertificateInfo ca = load(QStringLiteral("ca384.pem"));
        QCOMPARE(ca.key.nistCurve, QStringLiteral("P-384"));
        QCOMPARE(ca.key.bits, 384);
        QVERIFY(ca.isCa());
        QCOMPARE(ca.basicConstraints.pathLength, std::optional<qint64>(2));
        QCOMPARE(ca.friendlyName, QStringLiteral("Acme Root CA"));
        const CertificateInfo leaf = load(QStringLiteral("leaf.pem"));
        QCOMPARE(leaf.authorityKeyId, ca.subjectKeyId);
        QVERIFY(!leaf.isSelfSigned());
        QCOMPARE(leaf.issuer, ca.subject);
        QCOMPARE(load(QStringLiteral("ed25519.pem")).key.algorithm, KeyAlgorithm::Ed25519);
        QCOMPARE(load(QStringLiteral("ed25519.pem")).signatureAlgorithm, QStringLiteral("ED25519"));
        QCOMPARE(load(QStringLiteral("ed448.pem")).key.algorithm, KeyAlgorithm::Ed448);
    }

    void datesBeyondUtcTime()
    {
        const CertificateInfo info = load(QStringLiteral("dates.pem"));
        QCOMPARE(info.notBefore, QDateTime(QDate(1960, 1, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(info.notAfter, QDateTime(QDate(2060, 1, 1), QTime(12, 0), Qt::UTC));
        QCOMPARE(info.validityAt(QDateTime(QDate(2030, 6, 1), QTime(0, 0), Qt::UTC)), CertificateValidity::Valid);
        QCOMPARE(info.validityAt(QDateTime(QDate(1959, 12, 31), QTime(23, 59), Qt::UTC)),
                 CertificateValidity::NotYetValid);
        QCOMPARE(info.validityAt(QDateTime(QDate(2060, 1, 1), QTime(12, 0, 1), Qt::UTC)), CertificateValidity::Expired);
        QCOMPARE(info.validityAt(QDateTime(QDate(2059, 12, 15), QTime(0, 0), Qt::UTC)),
                 CertificateValidity::ExpiresSoon);
    }

    void validityStatus()
    {
        // -days 10: expires in ten days from its notBefore.
        const CertificateInfo info = load(QStringLiteral("ed25519.pem"));
        QCOMPARE(info.notBefore.daysTo(info.notAfter), 10);
        QCOMPARE(info.validityAt(info.notBefore), CertificateValidity::ExpiresSoon);
        QCOMPARE(info.validityAt(info.notBefore.addSecs(-1)), CertificateValidity::NotYetValid);
        QCOMPARE(info.validityAt(info.notAfter), CertificateValidity::ExpiresSoon);
        QCOMPARE(info.validityAt(info.notAfter.addSecs(1)), CertificateValidity::Expired);
        QCOMPARE(info.daysLeft(info.notBefore), 10);
        QCOMPARE(info.daysLeft(info.notAfter.addSecs(1)), -1);
        const CertificateInfo year = load(QStringLiteral("rsa.pem"));
        QCOMPARE(year.validityAt(year.notBefore), CertificateValidity::Valid);
        QCOMPARE(year.validityAt(year.notAfter.addDays(-31)), CertificateValidity::Valid);
        QCOMPARE(year.validityAt(year.notAfter.addDays(-29)), CertificateValidity::ExpiresSoon);
    }

    void serials()
    {
        QCOMPARE(load(QStringLiteral("negative.pem")).serial, QStringLiteral("-1234"));
        QCOMPARE(load(QStringLiteral("dates.pem")).serial, QStringLiteral("1001"));
    }

    void unknownExtensions()
    {
        const CertificateInfo info = load(QStringLiteral("unknown.pem"));
        // openssl req adds a subjectKeyIdentifier of its own; ours are the two with private OIDs.
        const auto find = [&info](const char* oid) {
            for (const CertificateExtension& e : info.extensions) {
                if (e.oid == QLatin1String(oid)) {
                    return e;
                }
            }
            return CertificateExtension();
        };
        const CertificateExtension plain = find("1.2.3.4.5.6.7");
        QCOMPARE(plain.oid, QStringLiteral("1.2.3.4.5.6.7"));
        QCOMPARE(plain.shortName, plain.oid);
        QVERIFY(!plain.critical);
        QVERIFY(!plain.text().known);
        QCOMPARE(plain.value, QByteArray("\x0c\x05hello"));
        QCOMPARE(plain.text().text, QStringLiteral("0C:05:68:65:6C:6C:6F"));
        const CertificateExtension critical = find("1.2.3.4.5.6.8");
        QCOMPARE(critical.oid, QStringLiteral("1.2.3.4.5.6.8"));
        QVERIFY(critical.critical);
        QCOMPARE(critical.text().text, QStringLiteral("01:01:FF"));
        QVERIFY(m_ssl.x509(QStringLiteral("unknown.pem"), {QStringLiteral("-text")})
                    .contains(QLatin1String("1.2.3.4.5.6.8: critical")));
    }

    void missingExtensions()
    {
        const CertificateInfo info = load(QStringLiteral("v1.pem"));
        QCOMPARE(info.version, 1);
        QVERIFY(info.extensions.isEmpty());
        QVERIFY(info.subjectAltNames.isEmpty());
        QVERIFY(!info.hasKeyUsage);
        QVERIFY(!info.basicConstraints.present);
        QVERIFY(!info.isCa());
        QVERIFY(info.subjectKeyId.isEmpty());
        QVERIFY(info.isSelfSigned());
        QCOMPARE(info.friendlyName, QStringLiteral("V1"));
    }

    void nonUtf8Names()
    {
        const CertificateInfo t61 = load(QStringLiteral("t61.pem"));
        QCOMPARE(t61.subject, QStringLiteral("O=T61,CN=Caf\u00e9"));
        QCOMPARE(t61.friendlyName, QStringLiteral("Caf\u00e9"));
        const CertificateInfo bmp = load(QStringLiteral("bmp.pem"));
        QCOMPARE(bmp.subject, QStringLiteral("CN=Zo\u00eb \u20ac"));

        // Latin-1 in a UTF8String: openssl cannot make one, so the DER of "CafX" is patched. OpenSSL then
        // refuses the certificate outright; we show it with U+FFFD and keep the original bytes.
        QVERIFY(m_ssl.selfSigned(QStringLiteral("latin1.pem"), QStringLiteral("p256.key"),
                                 QStringLiteral("/O=Acme/CN=CafX"), OpensslTool::config({}, {}),
                                 {QStringLiteral("-days"), QStringLiteral("5")}));
        QByteArray der = m_ssl.der(QStringLiteral("latin1.pem"));
        QCOMPARE(der.count("\x0c\x04"
                           "CafX"),
                 2);
        der.replace("\x0c\x04"
                    "CafX",
                    "\x0c\x04"
                    "Caf\xe9");
        QVERIFY(m_ssl.write(QStringLiteral("latin1.der"), der));
        QVERIFY(m_ssl
                    .run({QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                          QStringLiteral("-in"), m_ssl.path(QStringLiteral("latin1.der")), QStringLiteral("-noout")})
                    .exitCode != 0);
        const auto parsed = CertificateParser::parseFile(m_ssl.path(QStringLiteral("latin1.der")));
        QVERIFY(parsed.ok());
        const CertificateInfo& info = parsed.value();
        QCOMPARE(info.subject, QStringLiteral("CN=Caf\ufffd,O=Acme"));
        QCOMPARE(info.issuer, info.subject);
        QCOMPARE(info.friendlyName, QStringLiteral("Caf\ufffd"));
        QVERIFY(info.namesRepaired);
        QVERIFY(info.isSelfSigned()); // worked out from the DER with its names repaired, as parsed
        QCOMPARE(info.der, der);
        QCOMPARE(info.sha256, QCryptographicHash::hash(der, QCryptographicHash::Sha256));
        QCOMPARE(CertificateExport::toDer(info), der);
    }

    // Worked out when asked, not by the parse: every test certificate made by its own key says
    // so (dates.pem too: `openssl ca -selfsign`), the one a CA issued does not, nor does what is
    // not a certificate.
    void selfSignedWhenAsked_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("selfSigned");
        for (const QString& name : parsercerts::names()) {
            const bool issued = name == QLatin1String("leaf.pem");
            QTest::newRow(qPrintable(name)) << name << !issued;
        }
    }
    void selfSignedWhenAsked()
    {
        QFETCH(QString, name);
        QFETCH(bool, selfSigned);
        const auto info = CertificateParser::parseFile(m_ssl.path(name));
        QVERIFY(info.ok());
        QCOMPARE(info.value().isSelfSigned(), selfSigned);
        QCOMPARE(CertificateParser::isSelfSigned(m_ssl.der(name)), selfSigned);
        QVERIFY(!CertificateParser::isSelfSigned(m_ssl.der(name).left(40)));
        QVERIFY(!CertificateParser::isSelfSigned(QByteArray()));
    }

    // The queue a token's certificates are parsed in while it is read: every certificate added,
    // each once (a DER added twice), the same fields as parseDer's, a broken one with parseDer's
    // error; with one worker and with one fewer than the cores, the owner parsing beside them.
    void parseQueueAsParseDer_data()
    {
        QTest::addColumn<unsigned>("threads");
        QTest::addColumn<int>("additions"); // the test certificates added in turn, this many in all
        const int all = static_cast<int>(parsercerts::names().size());
        QTest::newRow("one worker") << 1u << 20 * all;
        QTest::newRow("one fewer than the cores") << 0u << 20 * all;
        // Fewer than a batch (16) with the broken one: the owner parses them all in results().
        QTest::newRow("fewer than a batch") << 0u << 6;
        // A batch and the broken one: the last is handed over by results().
        QTest::newRow("one more than a batch") << 1u << 16;
    }
    void parseQueueAsParseDer()
    {
        QFETCH(unsigned, threads);
        QFETCH(int, additions);
        QList<QByteArray> ders;
        for (const QString& name : parsercerts::names()) {
            ders << m_ssl.der(name);
        }
        const QByteArray broken = ders.constFirst().left(ders.constFirst().size() / 2);
        CertificateParseQueue queue(threads);
        QSet<QByteArray> added;
        for (int i = 0; i < additions; ++i) { // many: enough for the owner to find some left
            const QByteArray& der = ders.at(i % ders.size());
            queue.add(der);
            added.insert(der);
        }
        queue.add(broken);
        const CertificateParseQueue::Parsed parsed = queue.results();
        QCOMPARE(parsed.size(), added.size() + 1);
        for (const QByteArray& der : std::as_const(added)) {
            const auto direct = CertificateParser::parseDer(der);
            QVERIFY(direct.ok());
            const auto queued = parsed.constFind(der);
            QVERIFY(queued != parsed.cend() && queued->ok());
            QCOMPARE(*queued->value(), direct.value());
        }
        const auto failed = parsed.constFind(broken);
        QVERIFY(failed != parsed.cend() && !failed->ok());
        QCOMPARE(failed->error(), CertificateParser::parseDer(broken).error());
        queue.add(ders.constFirst()); // done: ignored
        QVERIFY(queue.results().isEmpty());
    }

    void parseQueueWithNothingAdded() { QVERIFY(CertificateParseQueue().results().isEmpty()); }
};

QTEST_GUILESS_MAIN(TestCertificateParser)
#include "tst_certificateparser.moc"
