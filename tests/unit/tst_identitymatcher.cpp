// IdentityMatcher: certificates joined with keys by CKA_ID, by public key (RSA modulus, EC point)
// where IDs are missing or differ, "key expected" before login, and broken certificates kept. Keys
// and certificates come from the `openssl` command line; the key objects carry what a module
// would give (CKA_MODULUS, CKA_EC_POINT as a DER OCTET STRING).

#include "OpensslTool.h"
#include "backend/pkcs11/IdentityMatcher.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

class TestIdentityMatcher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_rsaDer;
    QByteArray m_ecDer;
    QByteArray m_rsaModulus; ///< big-endian, no leading zero
    QByteArray m_ecPoint;    ///< 04 || X || Y

    static TokenInfo softToken(bool loginRequired)
    {
        TokenInfo t;
        t.modulePath = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
        t.serial = QStringLiteral("0123456789abcdef");
        t.label = QStringLiteral("test");
        t.loginRequired = loginRequired;
        return t;
    }

    static TokenInfo cardToken()
    {
        TokenInfo t = softToken(true);
        t.slot.removable = true;
        t.slot.hardware = true;
        return t;
    }

    static ObjectInfo object(ObjectInfo::Class cls, const QByteArray& id, const QString& label)
    {
        ObjectInfo o;
        o.objectClass = cls;
        o.id = id;
        o.label = label;
        o.labelRaw = label.toUtf8();
        o.uri = QStringLiteral("pkcs11:object=") + label + QStringLiteral(";type=") + ObjectInfo::className(cls);
        return o;
    }

    static ObjectInfo certificate(const QByteArray& der, const QByteArray& id, const QString& label)
    {
        ObjectInfo o = object(ObjectInfo::Class::Certificate, id, label);
        o.value = der;
        o.certificateType = 0;
        return o;
    }

    ObjectInfo rsaKey(ObjectInfo::Class cls, const QByteArray& id, const QString& label, bool withModulus) const
    {
        ObjectInfo o = object(cls, id, label);
        o.keyType = ObjectInfo::KeyType::Rsa;
        if (withModulus) {
            // A module may keep a leading zero byte: the value is the same.
            o.modulus = QByteArray(1, '\0') + m_rsaModulus;
            o.publicExponent = QByteArray::fromHex("010001");
        }
        return o;
    }

    ObjectInfo ecKey(ObjectInfo::Class cls, const QByteArray& id, const QString& label, bool withPoint) const
    {
        ObjectInfo o = object(cls, id, label);
        o.keyType = ObjectInfo::KeyType::Ec;
        if (withPoint) {
            o.ecPoint = QByteArray::fromHex("04") + char(m_ecPoint.size()) + m_ecPoint;
        }
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const OpensslTool ssl(m_dir.path());
        QVERIFY(ssl.key(QStringLiteral("rsa.key"), QStringLiteral("rsa:2048")));
        QVERIFY(ssl.key(QStringLiteral("ec.key"), QStringLiteral("ec:P-256")));
        const QByteArray cnf = OpensslTool::config({}, "basicConstraints = CA:FALSE\nkeyUsage = digitalSignature");
        QVERIFY(
            ssl.selfSigned(QStringLiteral("rsa.pem"), QStringLiteral("rsa.key"), QStringLiteral("/CN=RSA user"), cnf));
        QVERIFY(ssl.selfSigned(QStringLiteral("ec.pem"), QStringLiteral("ec.key"), QStringLiteral("/CN=EC user"), cnf));
        m_rsaDer = ssl.der(QStringLiteral("rsa.pem"));
        m_ecDer = ssl.der(QStringLiteral("ec.pem"));
        QVERIFY(!m_rsaDer.isEmpty() && !m_ecDer.isEmpty());

        QByteArray out;
        QVERIFY(ssl.ok({QStringLiteral("rsa"), QStringLiteral("-in"), ssl.path(QStringLiteral("rsa.key")),
                        QStringLiteral("-noout"), QStringLiteral("-modulus")},
                       &out));
        m_rsaModulus = QByteArray::fromHex(out.trimmed().mid(out.indexOf('=') + 1));
        QCOMPARE(m_rsaModulus.size(), 256);
        // The point is the tail of the SubjectPublicKeyInfo: 65 bytes for P-256.
        QVERIFY(ssl.ok({QStringLiteral("pkey"), QStringLiteral("-in"), ssl.path(QStringLiteral("ec.key")),
                        QStringLiteral("-pubout"), QStringLiteral("-outform"), QStringLiteral("DER")},
                       &out));
        m_ecPoint = out.right(65);
        QCOMPARE(m_ecPoint.at(0), '\x04');
    }

    void sameIdIsAnIdentity()
    {
        const ObjectList objects{certificate(m_rsaDer, "\x01", QStringLiteral("c")),
                                 rsaKey(ObjectInfo::Class::PrivateKey, "\x01", QStringLiteral("k"), false),
                                 rsaKey(ObjectInfo::Class::PrivateKey, "\x02", QStringLiteral("other"), false)};
        const auto entries = IdentityMatcher::match(softToken(true), objects, true);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).keyState, CertificateEntry::KeyState::Present);
        QVERIFY(entries.at(0).isIdentity());
        QVERIFY(entries.at(0).privateKey);
        QCOMPARE(entries.at(0).privateKey->label, QStringLiteral("k"));
        QVERIFY(entries.at(0).info);
        QCOMPARE(entries.at(0).info->subject, QStringLiteral("CN=RSA user"));
        QCOMPARE(entries.at(0).sha256(), QCryptographicHash::hash(m_rsaDer, QCryptographicHash::Sha256));
    }

    void rsaModulusMatchesWithoutIds()
    {
        const ObjectList objects{certificate(m_rsaDer, {}, QStringLiteral("c")),
                                 rsaKey(ObjectInfo::Class::PrivateKey, {}, QStringLiteral("k"), true)};
        const auto entries = IdentityMatcher::match(softToken(false), objects, false);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).keyState, CertificateEntry::KeyState::Present);
        QCOMPARE(entries.at(0).privateKey->label, QStringLiteral("k"));
    }

    void rsaModulusMatchesWhenIdsDiffer()
    {
        const ObjectList objects{certificate(m_rsaDer, "\x10", QStringLiteral("c")),
                                 rsaKey(ObjectInfo::Class::PrivateKey, "\x20", QStringLiteral("k"), true)};
        const auto entries = IdentityMatcher::match(softToken(false), objects, false);
        QCOMPARE(entries.at(0).keyState, CertificateEntry::KeyState::Present);
    }

    void otherModulusDoesNotMatch()
    {
        // The EC certificate and an RSA key without a common ID: nothing pairs them.
        const ObjectList objects{certificate(m_ecDer, {}, QStringLiteral("c")),
                                 rsaKey(ObjectInfo::Class::PrivateKey, {}, QStringLiteral("k"), true)};
        const auto entries = IdentityMatcher::match(softToken(false), objects, false);
        QCOMPARE(entries.at(0).keyState, CertificateEntry::KeyState::None);
        QVERIFY(!entries.at(0).privateKey);
    }

    void ecPointLeadsToThePrivateKeyThroughThePublicKey()
    {
        // EC private keys carry no point: the public key with the same point, and its ID, lead to it.
        const ObjectList objects{certificate(m_ecDer, "\xaa", QStringLiteral("c")),
                                 ecKey(ObjectInfo::Class::PublicKey, "\xbb", QStringLiteral("pub"), true),
                                 ecKey(ObjectInfo::Class::PrivateKey, "\xbb", QStringLiteral("priv"), false)};
        const auto entries = IdentityMatcher::match(softToken(true), objects, true);
        QCOMPARE(entries.at(0).keyState, CertificateEntry::KeyState::Present);
        QCOMPARE(entries.at(0).privateKey->label, QStringLiteral("priv"));
        QVERIFY(entries.at(0).publicKey);
        QCOMPARE(entries.at(0).publicKey->label, QStringLiteral("pub"));
    }

    void ecPointWithoutWrapping()
    {
        ObjectInfo pub = ecKey(ObjectInfo::Class::PublicKey, {}, QStringLiteral("pub"), false);
        pub.ecPoint = m_ecPoint; // some modules give the bare point
        QCOMPARE(pub.ecPointBytes(), m_ecPoint);
        const ObjectList objects{certificate(m_ecDer, {}, QStringLiteral("c")), pub};
        const auto entries = IdentityMatcher::match(softToken(true), objects, false);
        QVERIFY(entries.at(0).publicKey);
        // A public key alone is no identity, but it says the private key hides until login.
        QCOMPARE(entries.at(0).keyState, CertificateEntry::KeyState::Expected);
    }

    void ecPointEncodings_data()
    {
        QTest::addColumn<QByteArray>("attribute");
        QTest::addColumn<QByteArray>("point");
        const QByteArray coordinates(64, char(0xAB));
        const QByteArray bare = QByteArray(1, char(0x04)) + coordinates;
        QTest::newRow("DER-wrapped") << QByteArray::fromHex("0441") + bare << bare;
        QTest::newRow("bare") << bare << bare;
        // A bare point whose X begins with 3F reads as "OCTET STRING of 63 bytes" (seen in CI
        // with a random key): the wrapped bytes are no point, so it stays bare.
        QByteArray looksWrapped = bare;
        looksWrapped[1] = char(0x3F);
        QTest::newRow("bare, X begins with 3F") << looksWrapped << looksWrapped;
        const QByteArray compressed = QByteArray(1, char(0x02)) + QByteArray(32, char(0x11));
        QTest::newRow("DER-wrapped compressed") << QByteArray::fromHex("0421") + compressed << compressed;
    }
    void ecPointEncodings()
    {
        QFETCH(QByteArray, attribute);
        QFETCH(QByteArray, point);
        ObjectInfo key;
        key.ecPoint = attribute;
        QCOMPARE(key.ecPointBytes(), point);
    }

    void keyExpected_data()
    {
        QTest::addColumn<bool>("loginRequired");
        QTest::addColumn<bool>("loggedIn");
        QTest::addColumn<bool>("card");
        QTest::addColumn<bool>("publicKey");
        QTest::addColumn<int>("state");
        const int none = int(CertificateEntry::KeyState::None);
        const int expected = int(CertificateEntry::KeyState::Expected);
        QTest::newRow("software token, public key, not logged in") << true << false << false << true << expected;
        QTest::newRow("software token, no public key") << true << false << false << false << none;
        QTest::newRow("card, no public key") << true << false << true << false << expected;
        QTest::newRow("logged in: settled") << true << true << true << true << none;
        QTest::newRow("no login required: nothing hidden") << false << false << true << true << none;
    }

    void keyExpected()
    {
        QFETCH(bool, loginRequired);
        QFETCH(bool, loggedIn);
        QFETCH(bool, card);
        QFETCH(bool, publicKey);
        QFETCH(int, state);
        TokenInfo token = card ? cardToken() : softToken(true);
        token.loginRequired = loginRequired;
        ObjectList objects{certificate(m_rsaDer, "\x02", QStringLiteral("c"))};
        if (publicKey) {
            objects << rsaKey(ObjectInfo::Class::PublicKey, "\x02", QStringLiteral("pub"), false);
        }
        const auto entries = IdentityMatcher::match(token, objects, loggedIn);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(int(entries.at(0).keyState), state);
        QVERIFY(!entries.at(0).isIdentity());
        QCOMPARE(bool(entries.at(0).publicKey), publicKey);
    }

    void noKey()
    {
        const ObjectList objects{certificate(m_rsaDer, "\x03", QStringLiteral("c")),
                                 object(ObjectInfo::Class::Data, "\x03", QStringLiteral("data"))};
        const auto entries = IdentityMatcher::match(softToken(false), objects, false);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).keyState, CertificateEntry::KeyState::None);
        QVERIFY(!entries.at(0).privateKey);
        QVERIFY(!entries.at(0).publicKey);
    }

    void brokenDerIsKept()
    {
        const QByteArray truncated = m_ecDer.left(m_ecDer.size() / 2);
        const ObjectList objects{certificate(m_rsaDer, "\x01", QStringLiteral("first")),
                                 certificate(truncated, "\x02", QStringLiteral("broken")),
                                 ecKey(ObjectInfo::Class::PrivateKey, "\x02", QStringLiteral("broken key"), false),
                                 certificate(m_ecDer, "\x03", QStringLiteral("last"))};
        const auto entries = IdentityMatcher::match(softToken(false), objects, false);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).object.label, QStringLiteral("first"));
        QCOMPARE(entries.at(1).object.label, QStringLiteral("broken"));
        QCOMPARE(entries.at(2).object.label, QStringLiteral("last"));
        QVERIFY(entries.at(0).info);
        QVERIFY(entries.at(2).info);
        QVERIFY(!entries.at(1).info);
        QVERIFY(entries.at(1).parseError);
        QCOMPARE(entries.at(1).parseError->code, X509Error::Code::Truncated);
        // Still keyed by its bytes, and still paired by ID.
        QCOMPARE(entries.at(1).sha256(), QCryptographicHash::hash(truncated, QCryptographicHash::Sha256));
        QCOMPARE(entries.at(1).keyState, CertificateEntry::KeyState::Present);
        TokenContents contents;
        contents.certificates = entries;
        QCOMPARE(contents.identities().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestIdentityMatcher)
#include "tst_identitymatcher.moc"
