// NavigationModel and NavigationFilterModel: the fixed roots over ReaderModel,
// TokenTreeModel and IdentitiesModel, forwarding their changes row by row, and
// the search filter over every root; QAbstractItemModelTester on each layer.

#include "ReaderFixtures.h"
#include "TokenFixtures.h"
#include "models/IdentitiesModel.h"
#include "models/NavigationFilterModel.h"
#include "models/NavigationModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace tokendesk;
using KeyState = CertificateEntry::KeyState;

namespace {
const QString kOpenSc = QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");
const QString kSoftHsm = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
const QByteArray kAtr = QByteArray::fromHex("3B888001544F4B454E44455300");

/// Every name in the tree under `parent`, depth first.
QStringList allNames(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex i = model.index(row, 0, parent);
        names << i.data().toString();
        names += allNames(model, i);
    }
    return names;
}
} // namespace

class TestNavigationModel : public QObject
{
    Q_OBJECT

    TokenFixtures m_fixtures;
    CertificateInfo m_alice;
    CertificateInfo m_bob;

    struct Setup
    {
        ReaderModel readers;
        TokenTreeModel tokens;
        IdentitiesModel identities;
        NavigationModel navigation;
        NavigationFilterModel filter;
        Setup()
        {
            navigation.setSource(NavigationModel::ReadersRoot, &readers, ReaderModel::CardColumn);
            navigation.setSource(NavigationModel::TokensRoot, &tokens, TokenTreeModel::StatusColumn,
                                 [this] { return tokens.tokenCount(); });
            navigation.setSource(NavigationModel::IdentitiesRoot, &identities, TokenTreeModel::StatusColumn);
            filter.setSourceModel(&navigation);
        }
        void setToken(const TokenContents& c)
        {
            tokens.setToken(c);
            identities.setToken(c);
        }
        void removeToken(const QString& key)
        {
            tokens.removeToken(key);
            identities.removeToken(key);
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        m_alice = m_fixtures.certificate(QStringLiteral("alice"), QStringLiteral("/CN=Alice Example/O=Example Corp"));
        m_bob = m_fixtures.certificate(QStringLiteral("bob"), QStringLiteral("/CN=Bob Builder/O=Example Corp"), true);
        QVERIFY(!m_alice.isNull() && !m_bob.isNull());
    }

    void rootsForwardingAndCounts()
    {
        Setup s;
        QAbstractItemModelTester navTester(&s.navigation, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&s.filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        NavigationModel& nav = s.navigation;
        QCOMPARE(nav.rowCount(), int(NavigationModel::RootCount));
        QCOMPARE(allNames(nav), (QStringList{QStringLiteral("Readers (0)"), QStringLiteral("Tokens (0)"),
                                             QStringLiteral("Identities (0)"), QStringLiteral("Pairings (0)"),
                                             QStringLiteral("Virtual tokens (0)")}));

        // Readers come, a card goes in: rows under Readers, the card under its reader.
        s.readers.setReaders({makeReader(QStringLiteral("Reader A")), makeReader(QStringLiteral("Reader B"))});
        QCOMPARE(nav.rootIndex(NavigationModel::ReadersRoot).data().toString(), QStringLiteral("Readers (2)"));
        s.readers.setReaders({makeReader(QStringLiteral("Reader A")), makeReader(QStringLiteral("Reader B"), kAtr, 1)});
        const QModelIndex readerB = nav.mapFromSource(s.readers.indexOfReader(QStringLiteral("Reader B")));
        QCOMPARE(readerB.parent(), nav.rootIndex(NavigationModel::ReadersRoot));
        QCOMPARE(readerB.siblingAtColumn(1).data().toString(), QStringLiteral("Card present"));
        QCOMPARE(nav.rowCount(readerB), 1);
        const QModelIndex card = nav.index(0, 0, readerB);
        QVERIFY(card.data(ReaderModel::IsCardRole).toBool());
        QCOMPARE(nav.mapToSource(card), s.readers.indexOfCard(QStringLiteral("Reader B")));
        QCOMPARE(card.parent(), readerB);
        QCOMPARE(card.data(NavigationModel::RootRole).toInt(), int(NavigationModel::ReadersRoot));

        // Tokens: the count is of tokens, not modules.
        const TokenInfo piv = TokenFixtures::token(kOpenSc, QStringLiteral("0011"), QStringLiteral("PIV Card"));
        const TokenInfo soft = TokenFixtures::token(kSoftHsm, QStringLiteral("abcd"), QStringLiteral("Soft"));
        s.setToken(TokenFixtures::contents(
            piv, {TokenFixtures::entry(piv, m_alice, "\x01", QStringLiteral("Alice"), KeyState::Present)}));
        s.setToken(TokenFixtures::contents(
            soft, {TokenFixtures::entry(soft, m_bob, "\x02", QStringLiteral("Bob"), KeyState::None)}));
        QCOMPARE(nav.rootIndex(NavigationModel::TokensRoot).data().toString(), QStringLiteral("Tokens (2)"));
        QCOMPARE(nav.rootIndex(NavigationModel::IdentitiesRoot).data().toString(), QStringLiteral("Identities (1)"));
        const QModelIndex tokenRow = nav.mapFromSource(s.tokens.indexOfToken(piv.key()));
        QCOMPARE(tokenRow.parent().parent(), nav.rootIndex(NavigationModel::TokensRoot));
        QCOMPARE(tokenRow.data().toString(), QStringLiteral("PIV Card"));
        const QModelIndex identity = nav.index(0, 0, nav.rootIndex(NavigationModel::IdentitiesRoot));
        QCOMPARE(identity.data(TokenTreeModel::CertificateSha256Role).toByteArray(), m_alice.sha256);
        QCOMPARE(identity.siblingAtColumn(1).data().toString(),
                 s.identities.index(0, TokenTreeModel::StatusColumn).data().toString());

        // A change deep in the token tree keeps the navigation's persistent rows.
        const QPersistentModelIndex keptToken(tokenRow);
        const QPersistentModelIndex keptCert(nav.index(0, 0, nav.index(0, 0, tokenRow)));
        QCOMPARE(keptCert.data().toString(), QStringLiteral("Alice Example"));
        s.setToken(TokenFixtures::contents(
            piv, {TokenFixtures::entry(piv, m_alice, "\x01", QStringLiteral("Alice"), KeyState::Present),
                  TokenFixtures::entry(piv, m_bob, "\x02", QStringLiteral("Bob"), KeyState::None)}));
        QVERIFY(keptToken.isValid() && keptCert.isValid());
        QCOMPARE(keptCert.data().toString(), QStringLiteral("Alice Example"));
        QCOMPARE(nav.rowCount(keptToken), 3); // identities, certificates, private keys

        // The card is pulled, a reader goes, a token goes: rows go with them.
        s.readers.setReaders({makeReader(QStringLiteral("Reader B"))});
        QCOMPARE(nav.rootIndex(NavigationModel::ReadersRoot).data().toString(), QStringLiteral("Readers (1)"));
        QCOMPARE(nav.rowCount(nav.mapFromSource(s.readers.indexOfReader(QStringLiteral("Reader B")))), 0);
        s.removeToken(piv.key());
        QVERIFY(!keptToken.isValid());
        QVERIFY(!keptCert.isValid());
        QCOMPARE(nav.rootIndex(NavigationModel::TokensRoot).data().toString(), QStringLiteral("Tokens (1)"));
        QCOMPARE(nav.rootIndex(NavigationModel::IdentitiesRoot).data().toString(), QStringLiteral("Identities (0)"));
        // Back again: new rows, the same answers.
        s.setToken(TokenFixtures::contents(
            piv, {TokenFixtures::entry(piv, m_alice, "\x01", QStringLiteral("Alice"), KeyState::Present)}));
        const QModelIndex again = nav.mapFromSource(s.tokens.indexOfToken(piv.key()));
        QCOMPARE(again.data().toString(), QStringLiteral("PIV Card"));
        QCOMPARE(nav.mapToSource(again), s.tokens.indexOfToken(piv.key()));
    }

    void searchFiltersEveryRoot()
    {
        Setup s;
        QAbstractItemModelTester filterTester(&s.filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        s.readers.setReaders({makeReader(QStringLiteral("Reader A"))});
        const TokenInfo piv = TokenFixtures::token(kOpenSc, QStringLiteral("0011"), QStringLiteral("PIV Card"));
        const TokenInfo soft = TokenFixtures::token(kSoftHsm, QStringLiteral("abcd"), QStringLiteral("Soft"));
        s.setToken(TokenFixtures::contents(
            piv, {TokenFixtures::entry(piv, m_alice, "\x01", QStringLiteral("Alice"), KeyState::Present)}));
        s.setToken(TokenFixtures::contents(
            soft, {TokenFixtures::entry(soft, m_bob, "\x02", QStringLiteral("Bob"), KeyState::None)}));
        const QStringList everything = allNames(s.filter);
        QVERIFY(everything.contains(QStringLiteral("Bob Builder")));
        QVERIFY(everything.contains(QStringLiteral("Reader A")));

        // Case-insensitive, on the subject: Alice under Tokens and Identities; the roots stay.
        s.filter.setQuery(QStringLiteral("ALICE ex"));
        QStringList names = allNames(s.filter);
        QCOMPARE(names.count(QStringLiteral("Alice Example")), 2);
        QVERIFY(!names.contains(QStringLiteral("Bob Builder")));
        QVERIFY(!names.contains(QStringLiteral("Soft")));
        QVERIFY(!names.contains(QStringLiteral("Reader A")));
        QVERIFY(names.contains(QStringLiteral("PIV Card")));
        for (int root = 0; root < NavigationModel::RootCount; ++root) {
            QVERIFY(names.contains(s.navigation.rootIndex(NavigationModel::Root(root)).data().toString()));
        }

        // On a fingerprint (hex, or with colons), the serial, the issuer, the URI.
        s.filter.setQuery(QString::fromLatin1(m_bob.sha256.toHex().mid(10, 12)).toUpper());
        names = allNames(s.filter);
        QVERIFY(names.contains(QStringLiteral("Bob Builder")));
        QVERIFY(!names.contains(QStringLiteral("Alice Example")));
        s.filter.setQuery(CertificateInfo::colonHex(m_alice.sha1).left(14));
        QVERIFY(allNames(s.filter).contains(QStringLiteral("Alice Example")));
        s.filter.setQuery(m_bob.serial);
        QVERIFY(allNames(s.filter).contains(QStringLiteral("Bob Builder")));
        QVERIFY(!allNames(s.filter).contains(QStringLiteral("Alice Example")));
        s.filter.setQuery(QStringLiteral("fixture ca"));
        QCOMPARE(allNames(s.filter).count(QStringLiteral("Bob Builder")), 1);
        QCOMPARE(allNames(s.filter).count(QStringLiteral("Alice Example")), 2);
        s.filter.setQuery(QStringLiteral("serial=abcd"));
        QVERIFY(allNames(s.filter).contains(QStringLiteral("Bob Builder")));
        QVERIFY(!allNames(s.filter).contains(QStringLiteral("Alice Example")));
        // Readers by name.
        s.filter.setQuery(QStringLiteral("reader a"));
        QVERIFY(allNames(s.filter).contains(QStringLiteral("Reader A")));
        // Nothing matches: only the roots.
        s.filter.setQuery(QStringLiteral("no such thing"));
        QCOMPARE(allNames(s.filter).size(), int(NavigationModel::RootCount));

        // A token arriving while a query is set is filtered too.
        s.filter.setQuery(QStringLiteral("carol"));
        const TokenInfo third = TokenFixtures::token(kSoftHsm, QStringLiteral("ffff"), QStringLiteral("Third"));
        s.setToken(TokenFixtures::contents(
            third, {TokenFixtures::entry(third, m_alice, "\x03", QStringLiteral("Carol's copy"), KeyState::None)}));
        QVERIFY(allNames(s.filter).contains(QStringLiteral("Alice Example")));
        QVERIFY(allNames(s.filter).contains(QStringLiteral("Third")));
        s.removeToken(third.key());
        QCOMPARE(allNames(s.filter).size(), int(NavigationModel::RootCount));

        s.filter.setQuery(QString());
        QCOMPARE(allNames(s.filter), everything);
    }
};

QTEST_GUILESS_MAIN(TestNavigationModel)
#include "tst_navigationmodel.moc"
