// ChainVerifier: a test CA -> intermediate -> leaf made with openssl, verified with and without the
// CA as anchor, with the intermediate missing and supplied, expired, tampered; and one self-signed
// root of the system store (Debian's ca-certificates) verified against that store.

#include "OpensslTool.h"
#include "backend/x509/CertificateParser.h"
#include "backend/x509/ChainVerifier.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

class TestChainVerifier : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    OpensslTool m_ssl{m_dir.path()};
    CertificateInfo m_root;
    CertificateInfo m_intermediate;
    CertificateInfo m_leaf;
    CertificateInfo m_expired;

    CertificateInfo load(const QString& name)
    {
        auto r = CertificateParser::parseFile(m_ssl.path(name));
        return r ? r.value() : CertificateInfo();
    }

    static QStringList subjects(const ChainResult& r)
    {
        QStringList s;
        for (const CertificateInfo& c : r.chain) {
            s << c.subject;
        }
        return s;
    }

    ChainVerifier testVerifier(bool withRoot, bool withIntermediate) const
    {
        ChainVerifier v;
        v.setSystemTrust(false);
        if (withRoot) {
            v.setTrustAnchors({m_root});
        }
        if (withIntermediate) {
            v.setIntermediates({m_intermediate});
        }
        return v;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ssl.key(QStringLiteral("root.key"), QStringLiteral("ec:P-384")));
        QVERIFY(m_ssl.key(QStringLiteral("inter.key"), QStringLiteral("ec:P-256")));
        QVERIFY(m_ssl.key(QStringLiteral("leaf.key"), QStringLiteral("rsa:2048")));
        const QByteArray ca = "basicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\n"
                              "subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n";
        QVERIFY(m_ssl.selfSigned(QStringLiteral("root.pem"), QStringLiteral("root.key"),
                                 QStringLiteral("/O=TokenDesk Test/CN=Test Root CA"), OpensslTool::config({}, ca),
                                 {QStringLiteral("-days"), QStringLiteral("3650")}));
        QVERIFY(m_ssl.issue(QStringLiteral("inter.pem"), QStringLiteral("inter.key"),
                            QStringLiteral("/O=TokenDesk Test/CN=Test Issuing CA"), QStringLiteral("root.pem"),
                            QStringLiteral("root.key"), ca, {QStringLiteral("-days"), QStringLiteral("1825")}));
        const QByteArray leaf = "basicConstraints = CA:FALSE\nkeyUsage = digitalSignature\n"
                                "extendedKeyUsage = clientAuth, 1.3.6.1.4.1.311.20.2.2\n"
                                "authorityKeyIdentifier = keyid\n";
        QVERIFY(m_ssl.issue(QStringLiteral("leaf.pem"), QStringLiteral("leaf.key"), QStringLiteral("/CN=Alice"),
                            QStringLiteral("inter.pem"), QStringLiteral("inter.key"), leaf,
                            {QStringLiteral("-days"), QStringLiteral("365")}));
        QVERIFY(m_ssl.issueWithDates(QStringLiteral("expired.pem"), QStringLiteral("leaf.key"),
                                     QStringLiteral("/CN=Old Alice"), QStringLiteral("inter.pem"),
                                     QStringLiteral("inter.key"), QStringLiteral("20200101000000Z"),
                                     QStringLiteral("20210101000000Z"), leaf));
        m_root = load(QStringLiteral("root.pem"));
        m_intermediate = load(QStringLiteral("inter.pem"));
        m_leaf = load(QStringLiteral("leaf.pem"));
        m_expired = load(QStringLiteral("expired.pem"));
        QVERIFY(!m_root.isNull() && !m_intermediate.isNull() && !m_leaf.isNull() && !m_expired.isNull());
        // openssl agrees that the chain is good.
        QVERIFY(m_ssl.ok({QStringLiteral("verify"), QStringLiteral("-CAfile"), m_ssl.path(QStringLiteral("root.pem")),
                          QStringLiteral("-untrusted"), m_ssl.path(QStringLiteral("inter.pem")),
                          m_ssl.path(QStringLiteral("leaf.pem"))}));
    }

    void trustedWithAnchor()
    {
        const ChainResult r = testVerifier(true, true).verify(m_leaf);
        QCOMPARE(r.status, ChainStatus::Trusted);
        QCOMPARE(r.verifyError, 0);
        QCOMPARE(r.errorDepth, -1);
        QVERIFY(r.trusted());
        QCOMPARE(subjects(r), (QStringList{m_leaf.subject, m_intermediate.subject, m_root.subject}));
        QCOMPARE(r.chain.at(0), m_leaf);
        QCOMPARE(r.chain.at(2), m_root);
    }

    void systemTrustDoesNotKnowTestCa()
    {
        ChainVerifier v;
        v.setIntermediates({m_intermediate});
        const ChainResult r = v.verify(m_leaf);
        QCOMPARE(r.status, ChainStatus::MissingIssuer);
        QCOMPARE(r.verifyError, 20); // X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY
        QCOMPARE(r.errorDepth, 1);
        QCOMPARE(subjects(r), (QStringList{m_leaf.subject, m_intermediate.subject}));
        // With the test anchor added to the system store, it is trusted.
        v.setTrustAnchors({m_root});
        QCOMPARE(v.verify(m_leaf).status, ChainStatus::Trusted);
    }

    void rootGivenButNotTrusted()
    {
        ChainVerifier v = testVerifier(false, true);
        v.setIntermediates({m_intermediate, m_root});
        const ChainResult r = v.verify(m_leaf);
        QCOMPARE(r.status, ChainStatus::UntrustedRoot);
        QCOMPARE(r.verifyError, 19); // X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN
        QCOMPARE(r.chain.size(), 3);
        const ChainResult self = testVerifier(false, false).verify(m_root);
        QCOMPARE(self.status, ChainStatus::UntrustedRoot);
        QCOMPARE(self.verifyError, 18); // X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
        QCOMPARE(testVerifier(true, false).verify(m_root).status, ChainStatus::Trusted);
    }

    void intermediateMissingThenSupplied()
    {
        const ChainResult missing = testVerifier(true, false).verify(m_leaf);
        QCOMPARE(missing.status, ChainStatus::MissingIssuer);
        QCOMPARE(missing.errorDepth, 0);
        QCOMPARE(subjects(missing), QStringList{m_leaf.subject});
        ChainVerifier v = testVerifier(true, false);
        v.setIntermediates({m_expired, m_intermediate}); // unrelated certificates do no harm
        QCOMPARE(v.verify(m_leaf).status, ChainStatus::Trusted);
    }

    void expiredAndNotYetValid()
    {
        const ChainResult r = testVerifier(true, true).verify(m_expired);
        QCOMPARE(r.status, ChainStatus::Expired);
        QCOMPARE(r.verifyError, 10); // X509_V_ERR_CERT_HAS_EXPIRED
        QCOMPARE(r.errorDepth, 0);
        // The same leaf at a time it was valid... but the CAs were not: not yet valid.
        ChainVerifier v = testVerifier(true, true);
        v.setTime(QDateTime(QDate(2020, 6, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(v.verify(m_expired).status, ChainStatus::NotYetValid);
        // The good leaf, checked two years on.
        v.setTime(QDateTime::currentDateTimeUtc().addYears(2));
        const ChainResult later = v.verify(m_leaf);
        QCOMPARE(later.status, ChainStatus::Expired);
        QCOMPARE(later.errorDepth, 0);
    }

    void tamperedSignature()
    {
        QByteArray der = m_leaf.der;
        der[der.size() - 5] = static_cast<char>(der.at(der.size() - 5) ^ 0x01);
        const auto tampered = CertificateParser::parseDer(der);
        QVERIFY(tampered.ok());
        const ChainResult r = testVerifier(true, true).verify(tampered.value());
        QCOMPARE(r.status, ChainStatus::SignatureFailure);
        QCOMPARE(r.verifyError, 7); // X509_V_ERR_CERT_SIGNATURE_FAILURE
        QCOMPARE(r.errorDepth, 0);
    }

    void systemStoreRoot()
    {
        // Any self-signed CA of Debian's ca-certificates, valid today, is trusted by the system store.
        const QDir certs(QStringLiteral("/etc/ssl/certs"));
        const QStringList files = certs.entryList({QStringLiteral("*.pem")}, QDir::Files, QDir::Name);
        CertificateInfo root;
        for (const QString& file : files) {
            const auto r = CertificateParser::parseFile(certs.filePath(file));
            if (r && r.value().isSelfSigned() && r.value().isCa() &&
                r.value().validityAt(QDateTime::currentDateTimeUtc()) == CertificateValidity::Valid) {
                root = r.value();
                break;
            }
        }
        QVERIFY2(!root.isNull(), "no self-signed CA in /etc/ssl/certs: is ca-certificates installed?");
        const ChainResult r = ChainVerifier().verify(root);
        QCOMPARE(r.status, ChainStatus::Trusted);
        QCOMPARE(r.chain.size(), 1);
        ChainVerifier none;
        none.setSystemTrust(false);
        QCOMPARE(none.verify(root).status, ChainStatus::UntrustedRoot);
    }

    void statusCodes()
    {
        QCOMPARE(ChainVerifier::statusFor(0), ChainStatus::Trusted);
        QCOMPARE(ChainVerifier::statusFor(23), ChainStatus::Revoked); // X509_V_ERR_CERT_REVOKED
        QCOMPARE(ChainVerifier::statusFor(9), ChainStatus::NotYetValid);
        QCOMPARE(ChainVerifier::statusFor(21), ChainStatus::MissingIssuer);
        QCOMPARE(ChainVerifier::statusFor(26), ChainStatus::Other); // X509_V_ERR_INVALID_PURPOSE
    }
};

QTEST_GUILESS_MAIN(TestChainVerifier)
#include "tst_chainverifier.moc"
