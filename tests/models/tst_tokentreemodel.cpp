// TokenTreeModel and IdentitiesModel: token snapshots become module → token →
// group → object rows, merged row by row when a token changes, checked by
// QAbstractItemModelTester throughout. Certificates are made by openssl.

#include "TokenFixtures.h"
#include "models/CertificateText.h"
#include "models/IdentitiesModel.h"
#include "models/TokenText.h"
#include "models/TokenTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace tokendesk;
using KeyState = CertificateEntry::KeyState;

namespace {
const QString kOpenSc = QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");
const QString kSoftHsm = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");

QStringList childNames(const QAbstractItemModel& model, const QModelIndex& parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        names << model.index(row, 0, parent).data().toString();
    }
    return names;
}
} // namespace

class TestTokenTreeModel : public QObject
{
    Q_OBJECT

    TokenFixtures m_fixtures;
    CertificateInfo m_alice;
    CertificateInfo m_bob;
    CertificateInfo m_carol;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixtures.isValid());
        m_alice = m_fixtures.certificate(QStringLiteral("alice"), QStringLiteral("/CN=Alice Example/O=Example Corp"));
        m_bob = m_fixtures.certificate(QStringLiteral("bob"), QStringLiteral("/CN=Bob Builder/O=Example Corp"), true);
        m_carol = m_fixtures.certificate(QStringLiteral("carol"), QStringLiteral("/CN=Carol Signer/O=Other Org"));
        QVERIFY(!m_alice.isNull() && !m_bob.isNull() && !m_carol.isNull());
    }

    void modulesTokensGroupsAndObjects()
    {
        TokenTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        ModuleInfo opensc;
        opensc.name = QStringLiteral("opensc-pkcs11");
        opensc.path = kOpenSc;
        ModuleInfo trust;
        trust.name = QStringLiteral("p11-kit-trust");
        trust.path = QStringLiteral("/usr/lib/p11-kit-trust.so");
        trust.system = true;
        ModuleInfo broken;
        broken.name = QStringLiteral("broken");
        broken.path = QStringLiteral("/tmp/not-a-module.so");
        broken.error = Pkcs11Error{};
        broken.error->kind = Pkcs11Error::Kind::ModuleNotLoaded;
        broken.error->detail = QStringLiteral("invalid ELF header");
        model.setModules({opensc, trust, broken});
        // The trust store is a system module: not in the tree. The broken one says why.
        QCOMPARE(childNames(model, {}), (QStringList{QStringLiteral("opensc-pkcs11"), QStringLiteral("broken")}));
        QVERIFY(model.index(1, TokenTreeModel::StatusColumn).data().toString().contains(QStringLiteral("invalid ELF")));
        QCOMPARE(model.index(0, TokenTreeModel::StatusColumn).data().toString(), QStringLiteral("0 tokens"));

        const TokenInfo piv = TokenFixtures::token(kOpenSc, QStringLiteral("00112233"), QStringLiteral("PIV Card"));
        const TokenContents contents = TokenFixtures::contents(
            piv,
            {TokenFixtures::entry(piv, m_alice, "\x01", QStringLiteral("Alice auth"), KeyState::Present),
             TokenFixtures::entry(piv, m_carol, "\x02", QStringLiteral("Carol"), KeyState::None)},
            {TokenFixtures::object(piv, ObjectInfo::Class::PublicKey, "\x01", QStringLiteral("Alice auth")),
             TokenFixtures::object(piv, ObjectInfo::Class::Data, "\x07", QStringLiteral("CHUID"))});
        model.setToken(contents);
        QCOMPARE(model.tokenCount(), 1);
        const QModelIndex module = model.indexOfModule(kOpenSc);
        QCOMPARE(module.siblingAtColumn(1).data().toString(), QStringLiteral("1 token"));
        const QModelIndex token = model.indexOfToken(piv.key());
        QCOMPARE(token.parent(), module);
        QCOMPARE(token.data().toString(), QStringLiteral("PIV Card"));
        QCOMPARE(token.data(TokenTreeModel::KindRole).toInt(), int(TokenTreeModel::Kind::Token));
        QCOMPARE(token.data(TokenTreeModel::ObjectUriRole).toString(), piv.uri);
        // Only the non-empty groups, in a fixed order, counted.
        QCOMPARE(childNames(model, token),
                 (QStringList{QStringLiteral("Identities (1)"), QStringLiteral("Certificates (1)"),
                              QStringLiteral("Public keys (1)"), QStringLiteral("Private keys (1)"),
                              QStringLiteral("Data objects (1)")}));
        const QModelIndex identity = model.index(0, 0, model.index(0, 0, token));
        // The key's label says what the key is for: it follows the name (identitiesOfOneSubjectToldApart).
        QCOMPARE(identity.data().toString(),
                 QStringLiteral("Alice Example \u2014 Alice auth, %1").arg(CertificateText::key(m_alice.key)));
        QCOMPARE(identity.data(TokenTreeModel::KindRole).toInt(), int(TokenTreeModel::Kind::Certificate));
        QCOMPARE(identity.data(TokenTreeModel::KeyStateRole).toInt(), int(KeyState::Present));
        QCOMPARE(identity.data(TokenTreeModel::CertificateSha256Role).toByteArray(), m_alice.sha256);
        QCOMPARE(identity.data(TokenTreeModel::TokenKeyRole).toString(), piv.key());
        QCOMPARE(model.indexOfObject(piv.key(), contents.certificates.at(0).object.uri), identity);
        // Search text: lower-case subject, issuer, serial, fingerprints, URI.
        const QString search = identity.data(TokenTreeModel::SearchTextRole).toString();
        QVERIFY(search.contains(QStringLiteral("cn=alice example")));
        QVERIFY(search.contains(QStringLiteral("cn=fixture ca")));
        QVERIFY(search.contains(m_alice.serial.toLower()));
        QVERIFY(search.contains(QString::fromLatin1(m_alice.sha256.toHex())));
        QVERIFY(search.contains(CertificateInfo::colonHex(m_alice.sha1).toLower()));
        QVERIFY(search.contains(contents.certificates.at(0).object.uri.toLower()));
        QCOMPARE(search, search.toLower());
        const QModelIndex key = model.index(0, 0, model.index(2, 0, token));
        QCOMPARE(key.data(TokenTreeModel::KindRole).toInt(), int(TokenTreeModel::Kind::Key));
        QCOMPARE(key.siblingAtColumn(1).data().toString(), QStringLiteral("RSA 2048 bits"));
        QCOMPARE(model.index(0, 0, model.index(4, 0, token)).data(TokenTreeModel::KindRole).toInt(),
                 int(TokenTreeModel::Kind::Data));

        // Changed: Carol's key turns up, Bob's certificate is added, the data object goes.
        // Rows that stay keep their indexes; nothing is reset.
        const QPersistentModelIndex aliceRow(identity);
        const QPersistentModelIndex tokenRow(token);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        TokenContents changed = TokenFixtures::contents(
            piv,
            {TokenFixtures::entry(piv, m_alice, "\x01", QStringLiteral("Alice auth"), KeyState::Present),
             TokenFixtures::entry(piv, m_carol, "\x02", QStringLiteral("Carol"), KeyState::Present),
             TokenFixtures::entry(piv, m_bob, "\x03", QStringLiteral("Bob"), KeyState::Expected)},
            {TokenFixtures::object(piv, ObjectInfo::Class::PublicKey, "\x01", QStringLiteral("Alice auth"))});
        changed.token.userPin.countLow = true;
        model.setToken(changed);
        QCOMPARE(resets.count(), 0);
        QVERIFY(aliceRow.isValid());
        QVERIFY(tokenRow.isValid());
        QCOMPARE(aliceRow.data().toString(),
                 QStringLiteral("Alice Example \u2014 Alice auth, %1").arg(CertificateText::key(m_alice.key)));
        QCOMPARE(childNames(model, tokenRow),
                 (QStringList{QStringLiteral("Identities (3)"), QStringLiteral("Public keys (1)"),
                              QStringLiteral("Private keys (2)")}));
        QCOMPARE(
            childNames(model, model.index(0, 0, tokenRow)),
            (QStringList{QStringLiteral("Alice Example \u2014 Alice auth, %1").arg(CertificateText::key(m_alice.key)),
                         QStringLiteral("Carol Signer"), QStringLiteral("Bob Builder (key expected)")}));
        QVERIFY(removed.count() >= 2);  // the Certificates and Data objects groups
        QVERIFY(inserted.count() >= 2); // Carol and Bob among the identities, a private key
        QCOMPARE(QModelIndex(tokenRow).siblingAtColumn(1).data().toString(), QStringLiteral("PIN: wrong PIN entered"));
        QCOMPARE(tokenRow.data(TokenTreeModel::PinStateRole).toInt(), int(PinSummary::CountLow));
        changed.token.userPin.locked = true;
        model.setToken(changed);
        QCOMPARE(QModelIndex(tokenRow).siblingAtColumn(1).data().toString(), QStringLiteral("PIN locked"));

        // The same snapshot again: not a signal.
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        model.setToken(changed);
        QCOMPARE(dataChanged.count(), 0);

        // A second token of another module, not in the module list: its module comes with it and goes with it.
        const TokenInfo soft = TokenFixtures::token(kSoftHsm, QStringLiteral("abcdef"), QStringLiteral("Soft"));
        model.setToken(TokenFixtures::contents(soft, {}));
        QCOMPARE(model.tokenCount(), 2);
        QVERIFY(model.indexOfModule(kSoftHsm).isValid());
        QCOMPARE(model.rowCount(model.indexOfToken(soft.key())), 0);
        model.removeToken(soft.key());
        QVERIFY(!model.indexOfModule(kSoftHsm).isValid());
        // The listed module stays, empty.
        model.removeToken(piv.key());
        QVERIFY(!tokenRow.isValid());
        QCOMPARE(model.tokenCount(), 0);
        QCOMPARE(model.indexOfModule(kOpenSc).siblingAtColumn(1).data().toString(), QStringLiteral("0 tokens"));
        QCOMPARE(resets.count(), 0);
    }

    void expiryShowsInTheTree()
    {
        TokenTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const TokenInfo piv = TokenFixtures::token(kOpenSc, QStringLiteral("1"), QStringLiteral("Card"));
        model.setToken(TokenFixtures::contents(
            piv, {TokenFixtures::entry(piv, m_alice, "\x01", QStringLiteral("Alice"), KeyState::Present)}));
        const QModelIndex cert = model.index(0, 0, model.index(0, 0, model.indexOfToken(piv.key())));
        const QDateTime notAfter = m_alice.notAfter;

        model.setReferenceTime(notAfter.addDays(-200));
        QCOMPARE(cert.data(TokenTreeModel::ExpiryStateRole).toInt(), int(CertificateValidity::Valid));
        QCOMPARE(cert.siblingAtColumn(1).data().toString(),
                 QStringLiteral("Valid until ") + notAfter.toString(QStringLiteral("yyyy-MM-dd")));

        model.setReferenceTime(notAfter.addDays(-10));
        QCOMPARE(cert.data(TokenTreeModel::ExpiryStateRole).toInt(), int(CertificateValidity::ExpiresSoon));
        QCOMPARE(cert.siblingAtColumn(1).data().toString(), QStringLiteral("Expires in 10 days"));
        QCOMPARE(cert.siblingAtColumn(1).data(Qt::ForegroundRole).value<QColor>(),
                 TokenTreeModel::validityColor(CertificateValidity::ExpiresSoon));

        model.setReferenceTime(notAfter.addDays(4));
        QCOMPARE(cert.data(TokenTreeModel::ExpiryStateRole).toInt(), int(CertificateValidity::Expired));
        QCOMPARE(cert.siblingAtColumn(1).data().toString(), QStringLiteral("Expired 4 days ago"));
        QCOMPARE(cert.data(TokenTreeModel::DaysLeftRole).toLongLong(), -4);
        QVERIFY(cert.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Expired 4 days ago.")));

        model.setReferenceTime(m_alice.notBefore.addDays(-1));
        QCOMPARE(cert.data(TokenTreeModel::ExpiryStateRole).toInt(), int(CertificateValidity::NotYetValid));
    }

    void unreadableCertificateStillHasARow()
    {
        TokenTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const TokenInfo piv = TokenFixtures::token(kOpenSc, QStringLiteral("1"), QStringLiteral("Card"));
        CertificateEntry broken = TokenFixtures::entry(piv, m_alice, "\x05", QStringLiteral("Broken"), KeyState::None);
        broken.object.value = m_alice.der.left(40);
        broken.info.reset();
        broken.parseError = X509Error();
        broken.parseError->code = X509Error::Code::Truncated;
        model.setToken(TokenFixtures::contents(piv, {broken}));
        const QModelIndex cert = model.index(0, 0, model.index(0, 0, model.indexOfToken(piv.key())));
        QCOMPARE(cert.data().toString(), QStringLiteral("Broken"));
        QVERIFY(cert.siblingAtColumn(1).data().toString().contains(QStringLiteral("cut off")));
        QVERIFY(!cert.data(TokenTreeModel::ExpiryStateRole).isValid());
        QCOMPARE(cert.data(TokenTreeModel::CertificateSha256Role).toByteArray(), broken.sha256());
    }

    void identitiesAcrossTokens()
    {
        IdentitiesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        const TokenInfo a = TokenFixtures::token(kOpenSc, QStringLiteral("A1"), QStringLiteral("Card A"));
        const TokenInfo b = TokenFixtures::token(kSoftHsm, QStringLiteral("B1"), QStringLiteral("Soft B"));
        model.setToken(TokenFixtures::contents(
            a, {TokenFixtures::entry(a, m_alice, "\x01", QStringLiteral("Alice"), KeyState::Present),
                TokenFixtures::entry(a, m_carol, "\x02", QStringLiteral("Carol"), KeyState::None)}));
        model.setToken(TokenFixtures::contents(
            b, {TokenFixtures::entry(b, m_bob, "\x01", QStringLiteral("Bob"), KeyState::Expected)}));
        QCOMPARE(childNames(model, {}),
                 (QStringList{QStringLiteral("Alice Example"), QStringLiteral("Bob Builder (key expected)")}));
        const QPersistentModelIndex bob = model.indexOfCertificate(b.key(), m_bob.sha256);
        QVERIFY(bob.isValid());
        // Carol's key shows after login: she joins, Alice and Bob stay put.
        model.setToken(TokenFixtures::contents(
            a, {TokenFixtures::entry(a, m_alice, "\x01", QStringLiteral("Alice"), KeyState::Present),
                TokenFixtures::entry(a, m_carol, "\x02", QStringLiteral("Carol"), KeyState::Present)}));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(bob.row(), 1);
        model.removeToken(a.key());
        QCOMPARE(childNames(model, {}), (QStringList{QStringLiteral("Bob Builder (key expected)")}));
        QCOMPARE(bob.row(), 0);
        QCOMPARE(resets.count(), 0);
    }

    void trustStoresHiddenUntilShown()
    {
        // p11-kit's "System Trust" with its many CA certificates: hidden as `tokendesk report` hides it.
        TokenTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModuleInfo opensc;
        opensc.name = QStringLiteral("opensc-pkcs11");
        opensc.path = kOpenSc;
        ModuleInfo trust;
        trust.name = QStringLiteral("p11-kit-trust");
        trust.path = QStringLiteral("/usr/lib/p11-kit-trust.so");
        trust.system = true;
        model.setModules({opensc, trust});
        const TokenInfo store = TokenFixtures::token(trust.path, QStringLiteral("1"), QStringLiteral("System Trust"));
        model.setToken(TokenFixtures::contents(
            store, {TokenFixtures::entry(store, m_bob, "\x01", QStringLiteral("Bob CA"), KeyState::None)}));
        QCOMPARE(childNames(model, {}), QStringList{QStringLiteral("opensc-pkcs11")});
        QCOMPARE(model.tokenCount(), 0);
        QVERIFY(!model.indexOfToken(store.key()).isValid());

        QSignalSpy counts(&model, &TokenTreeModel::tokenCountChanged);
        model.setShowSystemModules(true);
        QCOMPARE(childNames(model, {}),
                 (QStringList{QStringLiteral("opensc-pkcs11"), QStringLiteral("p11-kit-trust")}));
        QCOMPARE(model.tokenCount(), 1);
        QVERIFY(model.indexOfToken(store.key()).isValid());
        QCOMPARE(counts.constLast().at(0).toInt(), 1);

        model.setShowSystemModules(false);
        QCOMPARE(childNames(model, {}), QStringList{QStringLiteral("opensc-pkcs11")});
        QCOMPARE(model.tokenCount(), 0);
        QCOMPARE(counts.constLast().at(0).toInt(), 0);

        // Removed while hidden: not back when shown.
        model.removeToken(store.key());
        model.setShowSystemModules(true);
        QCOMPARE(model.tokenCount(), 0);
        QVERIFY(!model.indexOfToken(store.key()).isValid());
    }

    void identitiesOfOneSubjectToldApart()
    {
        // The demo PIV card: two keys of one person, labelled by OpenSC after their PIV roles.
        IdentitiesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const TokenInfo piv = TokenFixtures::token(kOpenSc, QStringLiteral("P1"), QStringLiteral("Demo User"));
        const CertificateEntry auth = TokenFixtures::entry(
            piv, m_alice, "\x01", QStringLiteral("Certificate for PIV Authentication"), KeyState::Expected);
        const CertificateEntry sign = TokenFixtures::entry(
            piv, m_alice, "\x02", QStringLiteral("Certificate for Digital Signature"), KeyState::Expected);
        model.setToken(TokenFixtures::contents(piv, {auth, sign}));
        const QString key = CertificateText::key(m_alice.key);
        QCOMPARE(childNames(model, {}),
                 (QStringList{QStringLiteral("Alice Example \u2014 PIV Authentication, %1 (key expected)").arg(key),
                              QStringLiteral("Alice Example \u2014 Digital Signature, %1 (key expected)").arg(key)}));
        // The token tree says the same.
        QCOMPARE(TokenTreeModel::certificateData(sign, piv, TokenTreeModel::NameColumn, Qt::DisplayRole,
                                                 QDateTime::currentDateTimeUtc())
                     .toString(),
                 childNames(model, {}).constLast());
        // Without a key, or with a label that only repeats the name, the name alone.
        const CertificateEntry ca = TokenFixtures::entry(piv, m_carol, "\x03", QStringLiteral("CA"), KeyState::None);
        QCOMPARE(TokenTreeModel::certificateData(ca, piv, TokenTreeModel::NameColumn, Qt::DisplayRole,
                                                 QDateTime::currentDateTimeUtc())
                     .toString(),
                 QStringLiteral("Carol Signer"));
    }
};

QTEST_GUILESS_MAIN(TestTokenTreeModel)
#include "tst_tokentreemodel.moc"
