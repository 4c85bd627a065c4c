// CertificateDetailsModel: the field tree says what `openssl x509 -text` says.

#include "TokenFixtures.h"
#include "models/CertificateDetailsModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace tokendesk;

class TestCertificateDetailsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsAsOpensslPrintsThem()
    {
        TokenFixtures fixtures;
        const CertificateInfo rsa =
            fixtures.certificate(QStringLiteral("alice"), QStringLiteral("/CN=Alice Example/O=Example Corp"));
        const CertificateInfo ec =
            fixtures.certificate(QStringLiteral("bob"), QStringLiteral("/CN=Bob Builder/O=Example Corp"), true);
        QVERIFY(!rsa.isNull() && !ec.isNull());
        CertificateDetailsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCertificate(rsa);
        const auto value = [&model](const QString& field) {
            const QModelIndex i = model.find(field);
            return i.isValid() ? i.siblingAtColumn(CertificateDetailsModel::ValueColumn).data().toString()
                               : QStringLiteral("<missing %1>").arg(field);
        };
        QCOMPARE(value(QStringLiteral("Version")), QStringLiteral("3 (0x2)"));
        QCOMPARE(value(QStringLiteral("Serial Number")), rsa.serial);
        QCOMPARE(value(QStringLiteral("Signature Algorithm")), QStringLiteral("ecdsa-with-SHA256"));
        QCOMPARE(value(QStringLiteral("Issuer")), QStringLiteral("O=TokenDesk Tests,CN=Fixture CA"));
        QCOMPARE(value(QStringLiteral("Subject")), QStringLiteral("O=Example Corp,CN=Alice Example"));
        QCOMPARE(value(QStringLiteral("Public Key Algorithm")), QStringLiteral("rsaEncryption"));
        QCOMPARE(value(QStringLiteral("Key size")), QStringLiteral("2048 bits"));
        QCOMPARE(value(QStringLiteral("SHA-256")), CertificateInfo::colonHex(rsa.sha256));
        QCOMPARE(value(QStringLiteral("Public key SHA-1")), CertificateInfo::colonHex(rsa.publicKeySha1));
        QCOMPARE(value(QStringLiteral("keyUsage (critical)")), QStringLiteral("Digital Signature"));
        QCOMPARE(value(QStringLiteral("subjectAltName")), QStringLiteral("email:someone@example.org"));
        QVERIFY(value(QStringLiteral("extendedKeyUsage")).contains(QStringLiteral("TLS Web Client Authentication")));
        // Subject attributes are children of the subject row.
        const QModelIndex subject = model.find(QStringLiteral("Subject"));
        QCOMPARE(model.rowCount(subject), 2);
        QCOMPARE(model.index(0, 0, subject).data().toString(), QStringLiteral("CN"));
        QCOMPARE(model.index(0, 1, subject).data().toString(), QStringLiteral("Alice Example"));
        const QModelIndex extensions = model.find(QStringLiteral("X509v3 extensions"));
        QCOMPARE(model.rowCount(extensions), rsa.extensions.size());

        model.setCertificate(ec);
        QCOMPARE(value(QStringLiteral("Curve")), QStringLiteral("P-256 (prime256v1)"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCertificateDetailsModel)
#include "tst_certificatedetailsmodel.moc"
