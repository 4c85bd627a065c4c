// `tokendesk cert show FILE [--json]` and `tokendesk cert export FILE -o OUT [--der]`: the JSON
// document against openssl, the export byte for byte against `openssl x509`, errors and exit codes.

#include "OpensslTool.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestCertCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    OpensslTool m_ssl{m_dir.path()};

    ToolRun tokendesk(const QStringList& arguments)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
        // CTest turns debug logging on; here stderr must hold the error sentence alone.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tokendesk.*.debug=false"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TOKENDESK_BINARY"), QStringList{QStringLiteral("cert")} + arguments);
        if (!p.waitForFinished(30000)) {
            qWarning() << "tokendesk cert did not finish";
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    static QJsonObject json(const ToolRun& r)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError) {
            qWarning() << "not JSON:" << r.out;
        }
        return doc.object();
    }

    static QString plainHex(const QString& opensslFingerprint)
    {
        return opensslFingerprint.toLower().remove(QLatin1Char(':'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("TOKENDESK_BINARY")) {
            QFAIL("TOKENDESK_BINARY is not set");
        }
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ssl.key(QStringLiteral("k.key"), QStringLiteral("ec:P-256")));
        QVERIFY(m_ssl.selfSigned(
            QStringLiteral("c.pem"), QStringLiteral("k.key"), QStringLiteral("/O=Acme/CN=Bob Card"),
            OpensslTool::config({}, "subjectAltName = email:bob@example.org, "
                                    "otherName:1.3.6.1.4.1.311.20.2.3;UTF8:bob@EXAMPLE.ORG\n"
                                    "extendedKeyUsage = clientAuth, 1.3.6.1.4.1.311.20.2.2\n"
                                    "keyUsage = critical, digitalSignature\nbasicConstraints = critical, CA:FALSE\n"
                                    "subjectKeyIdentifier = hash\n"),
            {QStringLiteral("-days"), QStringLiteral("400"), QStringLiteral("-set_serial"),
             QStringLiteral("0x0102030405")}));
    }

    void showJson()
    {
        const QString file = m_ssl.path(QStringLiteral("c.pem"));
        const ToolRun r = tokendesk({QStringLiteral("show"), file, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QJsonObject o = json(r);
        const QStringList nameopt{QStringLiteral("-nameopt"), QStringLiteral("RFC2253,-esc_msb")};
        QCOMPARE(o.value(QStringLiteral("subject")).toString(),
                 m_ssl.x509Value(QStringLiteral("c.pem"), QStringList{QStringLiteral("-subject")} + nameopt));
        QCOMPARE(o.value(QStringLiteral("issuer")).toString(),
                 m_ssl.x509Value(QStringLiteral("c.pem"), QStringList{QStringLiteral("-issuer")} + nameopt));
        QCOMPARE(o.value(QStringLiteral("friendly_name")).toString(), QStringLiteral("Bob Card"));
        QCOMPARE(o.value(QStringLiteral("serial")).toString(),
                 m_ssl.x509Value(QStringLiteral("c.pem"), {QStringLiteral("-serial")}));
        QCOMPARE(o.value(QStringLiteral("sha256")).toString(),
                 plainHex(m_ssl.x509Value(QStringLiteral("c.pem"),
                                          {QStringLiteral("-fingerprint"), QStringLiteral("-sha256")})));
        QCOMPARE(o.value(QStringLiteral("sha1")).toString(),
                 plainHex(m_ssl.x509Value(QStringLiteral("c.pem"),
                                          {QStringLiteral("-fingerprint"), QStringLiteral("-sha1")})));
        const QDateTime notAfter =
            OpensslTool::opensslDate(m_ssl.x509Value(QStringLiteral("c.pem"), {QStringLiteral("-enddate")}));
        QCOMPARE(o.value(QStringLiteral("not_after")).toString(), notAfter.toString(Qt::ISODate));
        QVERIFY(o.value(QStringLiteral("not_after")).toString().endsWith(QLatin1Char('Z')));
        const QDateTime notBefore =
            OpensslTool::opensslDate(m_ssl.x509Value(QStringLiteral("c.pem"), {QStringLiteral("-startdate")}));
        QCOMPARE(QDateTime::fromString(o.value(QStringLiteral("not_before")).toString(), Qt::ISODate), notBefore);
        QCOMPARE(o.value(QStringLiteral("validity")).toString(), QStringLiteral("valid"));
        const QJsonObject key = o.value(QStringLiteral("key")).toObject();
        QCOMPARE(key.value(QStringLiteral("algorithm")).toString(), QStringLiteral("ec"));
        QCOMPARE(key.value(QStringLiteral("bits")).toInt(), 256);
        QCOMPARE(key.value(QStringLiteral("curve")).toString(), QStringLiteral("prime256v1"));
        QCOMPARE(o.value(QStringLiteral("signature_algorithm")).toString(), QStringLiteral("ecdsa-with-SHA256"));
        const QJsonArray san = o.value(QStringLiteral("san")).toArray();
        QCOMPARE(san.size(), 2);
        QCOMPARE(san.at(1).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("upn"));
        QCOMPARE(san.at(1).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("bob@EXAMPLE.ORG"));
        QCOMPARE(o.value(QStringLiteral("key_usage")).toArray(), QJsonArray{QStringLiteral("digitalSignature")});
        const QJsonArray eku = o.value(QStringLiteral("extended_key_usage")).toArray();
        QCOMPARE(eku.size(), 2);
        QCOMPARE(eku.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("smartcardLogon"));
        QCOMPARE(o.value(QStringLiteral("basic_constraints")).toObject().value(QStringLiteral("ca")),
                 QJsonValue(false));
        QCOMPARE(o.value(QStringLiteral("ski")).toString(),
                 plainHex(m_ssl.extension(QStringLiteral("c.pem"), QStringLiteral("subjectKeyIdentifier")).join("")));
        QCOMPARE(o.value(QStringLiteral("public_key_sha1")).toString(), o.value(QStringLiteral("ski")).toString());
        QCOMPARE(o.value(QStringLiteral("extensions")).toArray().size(), 5);
        for (const char* k : {"policies", "crl_distribution_points"}) {
            QVERIFY2(o.value(QLatin1String(k)).isArray(), k);
        }
        QVERIFY(o.value(QStringLiteral("aia")).toObject().value(QStringLiteral("ocsp")).isArray());
        const QJsonObject chain = o.value(QStringLiteral("chain")).toObject();
        QCOMPARE(chain.value(QStringLiteral("status")).toString(), QStringLiteral("untrusted_root"));
        QCOMPARE(chain.value(QStringLiteral("certificates")).toArray().size(), 1);
    }

    void showText()
    {
        const ToolRun r = tokendesk({QStringLiteral("show"), m_ssl.path(QStringLiteral("c.pem"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("CN=Bob Card,O=Acme"));
        QVERIFY(r.out.contains("Smart card logon"));
    }

    void exportRoundTrip()
    {
        const QString pem = m_ssl.path(QStringLiteral("c.pem"));
        const QString der = m_ssl.path(QStringLiteral("out.der"));
        const QString back = m_ssl.path(QStringLiteral("back.pem"));
        QCOMPARE(
            tokendesk({QStringLiteral("export"), pem, QStringLiteral("-o"), der, QStringLiteral("--der")}).exitCode, 0);
        QCOMPARE(m_ssl.read(QStringLiteral("out.der")), m_ssl.der(QStringLiteral("c.pem")));
        const ToolRun r =
            tokendesk({QStringLiteral("export"), der, QStringLiteral("--output"), back, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r).value(QStringLiteral("format")).toString(), QStringLiteral("pem"));
        QCOMPARE(m_ssl.read(QStringLiteral("back.pem")), m_ssl.read(QStringLiteral("c.pem")));
    }

    void badFile()
    {
        QVERIFY(m_ssl.write(QStringLiteral("junk.pem"), "not a certificate\n"));
        const ToolRun r = tokendesk({QStringLiteral("show"), m_ssl.path(QStringLiteral("junk.pem"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.trimmed().endsWith('.'));
        const ToolRun j =
            tokendesk({QStringLiteral("show"), m_ssl.path(QStringLiteral("junk.pem")), QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 1);
        const QJsonObject error = json(j).value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("not_a_certificate"));
        QCOMPARE(error.value(QStringLiteral("message")).toString() + QLatin1Char('\n'), QString::fromUtf8(j.err));
        const ToolRun missing = tokendesk({QStringLiteral("export"), m_ssl.path(QStringLiteral("nothing.der")),
                                           QStringLiteral("-o"), m_ssl.path(QStringLiteral("x.pem"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(!QFile::exists(m_ssl.path(QStringLiteral("x.pem"))));
    }

    void usageErrors()
    {
        const QString pem = m_ssl.path(QStringLiteral("c.pem"));
        for (const QStringList& args :
             {QStringList{}, QStringList{QStringLiteral("show")}, QStringList{QStringLiteral("export"), pem},
              QStringList{QStringLiteral("frobnicate"), pem}, QStringList{QStringLiteral("show"), pem, pem},
              QStringList{QStringLiteral("show"), pem, QStringLiteral("--der")},
              QStringList{QStringLiteral("show"), pem, QStringLiteral("--bogus")}}) {
            const ToolRun r = tokendesk(args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(' ')));
            QVERIFY(!r.err.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCertCli)
#include "tst_cert_cli.moc"
