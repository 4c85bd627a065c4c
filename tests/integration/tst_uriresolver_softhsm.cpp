// UriResolver against real SoftHSM2 tokens: a URI that names one token or certificate, none,
// or several. Two tokens: "Resolver A" holds the identity Alice (certificate and keys, ID 01)
// and the certificate Bob (no key, ID 02); "Resolver B" holds another certificate labelled
// Alice. Each check compares with what was written (serials, SHA-256 of the DER).

#include "ModuleOptions.h"
#include "SoftHsmTokens.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/UriResolver.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

using namespace tokendesk;

namespace {
Pkcs11Uri uri(const char* text)
{
    auto parsed = Pkcs11Uri::parse(QString::fromLatin1(text));
    if (!parsed) {
        qFatal("test URI does not parse: %s", text);
    }
    return parsed.value();
}

QByteArray sha256(const QByteArray& der)
{
    return QCryptographicHash::hash(der, QCryptographicHash::Sha256);
}

QSet<QString> serials(const QList<Pkcs11Token>& tokens)
{
    QSet<QString> result;
    for (const Pkcs11Token& token : tokens) {
        result.insert(token.info().serial);
    }
    return result;
}
} // namespace

class TestUriResolverSoftHsm : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SoftHsmTokens> m_hsm;
    std::unique_ptr<ModuleRegistry> m_registry;
    QString m_serialA;
    QString m_serialB;
    QByteArray m_aliceA; ///< DER of Alice on A
    QByteArray m_bobA;
    QByteArray m_aliceB;

    UriResolver resolver() const { return UriResolver(*m_registry); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(PeerProcess::which(QStringLiteral("pkcs11-tool")), "pkcs11-tool");
        m_hsm = std::make_unique<SoftHsmTokens>();
        QVERIFY2(m_hsm->isValid(), qPrintable(m_hsm->errorString()));
        quint64 slotA = 0;
        QVERIFY2(m_hsm->createToken("Resolver A", &slotA), qPrintable(m_hsm->errorString()));
        m_aliceA = m_hsm->writeIdentity(slotA, QStringLiteral("01"), QStringLiteral("Alice"), QStringLiteral("ec"));
        QVERIFY2(!m_aliceA.isEmpty(), qPrintable(m_hsm->errorString()));
        m_bobA = m_hsm->writeCertificate(slotA, QStringLiteral("02"), QStringLiteral("Bob"), QStringLiteral("ec"));
        QVERIFY2(!m_bobA.isEmpty(), qPrintable(m_hsm->errorString()));
        quint64 slotB = 0;
        QVERIFY2(m_hsm->createToken("Resolver B", &slotB), qPrintable(m_hsm->errorString()));
        m_aliceB = m_hsm->writeCertificate(slotB, QStringLiteral("01"), QStringLiteral("Alice"), QStringLiteral("ec"));
        QVERIFY2(!m_aliceB.isEmpty(), qPrintable(m_hsm->errorString()));
        QVERIFY(sha256(m_aliceA) != sha256(m_aliceB));
        m_serialA = QString::fromLatin1(m_hsm->listed("Resolver A").serial);
        m_serialB = QString::fromLatin1(m_hsm->listed("Resolver B").serial);
        QVERIFY(!m_serialA.isEmpty() && !m_serialB.isEmpty() && m_serialA != m_serialB);
        // After the tokens exist: SoftHSM reads its token folder when it is initialized.
        m_registry = std::make_unique<ModuleRegistry>(testmodules::only(SoftHsmTokens::modulePath()));
    }

    void oneToken()
    {
        const auto tokens = resolver().tokens(uri("pkcs11:token=Resolver%20A"));
        QVERIFY(tokens);
        QCOMPARE(tokens.value().size(), 1);
        QCOMPARE(tokens.value().constFirst().info().serial, m_serialA);

        const auto token = resolver().token(uri("pkcs11:token=Resolver%20B"));
        QVERIFY(token);
        QCOMPARE(token.value().info().serial, m_serialB);
        QCOMPARE(token.value().info().label, QStringLiteral("Resolver B"));
    }

    void noToken()
    {
        const auto tokens = resolver().tokens(uri("pkcs11:token=Resolver%20C"));
        QVERIFY(!tokens);
        QCOMPARE(tokens.error().kind, Pkcs11Error::Kind::TokenNotPresent);

        const auto token = resolver().token(uri("pkcs11:token=Resolver%20C"));
        QVERIFY(!token);
        QVERIFY(!token.error().ambiguous());
        QCOMPARE(token.error().pkcs11->kind, Pkcs11Error::Kind::TokenNotPresent);

        const auto certificates = resolver().certificates(uri("pkcs11:token=Resolver%20C;object=Alice"));
        QVERIFY(!certificates);
        QCOMPARE(certificates.error().kind, Pkcs11Error::Kind::TokenNotPresent);
    }

    void severalTokens()
    {
        // Every SoftHSM token (the module's free slot may add an uninitialized one).
        const auto tokens = resolver().tokens(uri("pkcs11:model=SoftHSM%20v2"));
        QVERIFY(tokens);
        QVERIFY(serials(tokens.value()).contains(m_serialA));
        QVERIFY(serials(tokens.value()).contains(m_serialB));

        const auto token = resolver().token(uri("pkcs11:model=SoftHSM%20v2"));
        QVERIFY(!token);
        QVERIFY(token.error().ambiguous());
        QCOMPARE(token.error().count, int(tokens.value().size()));
    }

    void oneCertificate()
    {
        QList<Pkcs11Token> tokens;
        const auto found = resolver().certificates(uri("pkcs11:token=Resolver%20A;object=Bob;type=cert"), &tokens);
        QVERIFY(found);
        QCOMPARE(found.value().size(), 1);
        const FoundCertificate& bob = found.value().constFirst();
        QCOMPARE(bob.entry.object.label, QStringLiteral("Bob"));
        QCOMPARE(bob.entry.sha256(), sha256(m_bobA));
        QCOMPARE(bob.token.serial, m_serialA);
        QCOMPARE(bob.entry.keyState, CertificateEntry::KeyState::None);
        QCOMPARE(serials(tokens), QSet<QString>{m_serialA});

        const auto one = resolver().certificate(uri("pkcs11:token=Resolver%20A;object=Bob"));
        QVERIFY(one);
        QCOMPARE(one.value().entry.sha256(), sha256(m_bobA));
        QCOMPARE(one.value().token.info().serial, m_serialA);
    }

    void identityKeyState()
    {
        // No class in the URI: its keys match too, but only certificates are found, and the
        // keys beside them make Alice an identity (before login: at least "expected").
        const auto one = resolver().certificate(uri("pkcs11:token=Resolver%20A;object=Alice"));
        QVERIFY(one);
        QCOMPARE(one.value().entry.sha256(), sha256(m_aliceA));
        QVERIFY(one.value().entry.keyState != CertificateEntry::KeyState::None);
        QCOMPARE(one.value().token.info().serial, m_serialA);
    }

    void noCertificate()
    {
        const auto none = resolver().certificates(uri("pkcs11:token=Resolver%20A;object=Nobody"));
        QVERIFY(!none);
        QCOMPARE(none.error().kind, Pkcs11Error::Kind::ObjectNotFound);

        // A URI for keys names no certificate, though Alice's key is there.
        const auto key = resolver().certificates(uri("pkcs11:token=Resolver%20A;object=Alice;type=public"));
        QVERIFY(!key);
        QCOMPARE(key.error().kind, Pkcs11Error::Kind::ObjectNotFound);

        const auto one = resolver().certificate(uri("pkcs11:token=Resolver%20B;object=Bob"));
        QVERIFY(!one);
        QVERIFY(!one.error().ambiguous());
        QCOMPARE(one.error().pkcs11->kind, Pkcs11Error::Kind::ObjectNotFound);
    }

    void severalCertificates()
    {
        // Alice on both tokens.
        QList<Pkcs11Token> tokens;
        const auto found = resolver().certificates(uri("pkcs11:object=Alice;type=cert"), &tokens);
        QVERIFY(found);
        QCOMPARE(found.value().size(), 2);
        QSet<QByteArray> digests;
        QSet<QString> on;
        for (const FoundCertificate& f : found.value()) {
            digests.insert(f.entry.sha256());
            on.insert(f.token.serial);
        }
        QCOMPARE(digests, (QSet<QByteArray>{sha256(m_aliceA), sha256(m_aliceB)}));
        QCOMPARE(on, (QSet<QString>{m_serialA, m_serialB}));
        QVERIFY(serials(tokens).contains(m_serialA) && serials(tokens).contains(m_serialB));

        const auto one = resolver().certificate(uri("pkcs11:object=Alice;type=cert"));
        QVERIFY(!one);
        QVERIFY(one.error().ambiguous());
        QCOMPARE(one.error().count, 2);

        // Both certificates of one token.
        const auto onA = resolver().certificates(uri("pkcs11:token=Resolver%20A;type=cert"));
        QVERIFY(onA);
        QCOMPARE(onA.value().size(), 2);
        const auto ambiguousOnA = resolver().certificate(uri("pkcs11:token=Resolver%20A;type=cert"));
        QVERIFY(!ambiguousOnA);
        QCOMPARE(ambiguousOnA.error().count, 2);
    }

    void isUri()
    {
        QVERIFY(UriResolver::isUri(QStringLiteral("pkcs11:token=A")));
        QVERIFY(!UriResolver::isUri(QStringLiteral("cert.pem")));
        QVERIFY(!UriResolver::isUri(QStringLiteral("./pkcs11:token=A")));
    }
};

QTEST_GUILESS_MAIN(TestUriResolverSoftHsm)
#include "tst_uriresolver_softhsm.moc"
