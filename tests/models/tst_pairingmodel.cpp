// PairingModel under QAbstractItemModelTester: the rows of a digest mapping file of the test's
// own, read off the GUI thread; a present certificate marks its pairing and fills its SHA-256
// and subject; a login's only certificate expiring within 30 days is a row warning; search text;
// a reload merged into the rows in place (a directory's pages: tests/gui/tst_directorypairing).

#include "TokenFixtures.h"
#include "backend/pairing/PairingSources.h"
#include "models/PairingModel.h"
#include "models/TokenTreeModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace tokendesk;

class TestPairingModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TokenFixtures m_fixtures;
    CertificateInfo m_alice;
    CertificateInfo m_alice2;
    CertificateInfo m_bob;
    PairingSources::Choice m_choice;

    void pair(const CertificateInfo& certificate, const QString& login)
    {
        auto mappers = PairingSources::open(m_choice);
        QVERIFY(mappers);
        auto paired = PairingSources::writeStore(mappers.value())->pair(certificate, login);
        QVERIFY(paired);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid() && m_fixtures.isValid());
        m_alice = m_fixtures.certificate(QStringLiteral("alice"), QStringLiteral("/CN=Alice Example/O=Tests"));
        m_alice2 = m_fixtures.certificate(QStringLiteral("alice2"), QStringLiteral("/CN=Alice Second/O=Tests"), true);
        m_bob = m_fixtures.certificate(QStringLiteral("bob"), QStringLiteral("/CN=Bob Example/O=Tests"));
        QVERIFY(!m_alice.der.isEmpty() && !m_alice2.der.isEmpty() && !m_bob.der.isEmpty());
        m_choice.stores = {QStringLiteral("pam-digest:") + m_dir.filePath(QStringLiteral("digest_mapping"))};
        m_choice.pamConfigPath = m_dir.filePath(QStringLiteral("no-pam_pkcs11.conf"));
        pair(m_alice, QStringLiteral("alice"));
        pair(m_bob, QStringLiteral("bob"));
    }

    void cleanupTestCase()
    {
        // The loads ran on pool threads that used libcrypto: its per-thread state goes when they
        // end, which an idle pool thread does only later (a leak report at exit otherwise).
        QThreadPool::globalInstance()->waitForDone();
    }

    void loadMarksPresentCertificates()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const PairingSnapshot snapshot = PairingModel::load(m_choice, {m_bob}, now);
        QVERIFY(snapshot.errors.isEmpty());
        QCOMPARE(snapshot.rows.size(), 2);
        QCOMPARE(snapshot.rows.at(0).pairing.login, QStringLiteral("alice"));
        QVERIFY(!snapshot.rows.at(0).cardPresent());
        QVERIFY(snapshot.rows.at(0).pairing.sha256.isEmpty()); // a digest store keeps SHA-1 only
        QVERIFY(snapshot.rows.at(1).cardPresent());
        QCOMPARE(snapshot.rows.at(1).pairing.sha256, m_bob.sha256.toHex());
        QCOMPARE(snapshot.rows.at(1).pairing.subject, m_bob.subject);
        QVERIFY(!snapshot.rows.at(1).onlyCertificateExpiring);
    }

    void onlyCertificateExpiringIsAWarning()
    {
        // Twenty days before bob's certificate ends, it is his only one: warned.
        const QDateTime soon = m_bob.notAfter.addDays(-20);
        PairingSnapshot snapshot = PairingModel::load(m_choice, {m_alice, m_bob}, soon);
        QCOMPARE(snapshot.rows.size(), 2);
        QVERIFY(snapshot.rows.at(1).onlyCertificateExpiring);
        // Alice gets a second certificate: her first one expiring is no lock-out.
        pair(m_alice2, QStringLiteral("alice"));
        snapshot = PairingModel::load(m_choice, {m_alice, m_alice2, m_bob}, m_alice.notAfter.addDays(-20));
        QCOMPARE(snapshot.rows.size(), 3);
        for (const PairingRow& row : std::as_const(snapshot.rows)) {
            QCOMPARE(row.onlyCertificateExpiring, row.pairing.login == QLatin1String("bob"));
        }
        // Far from expiry: no warning.
        snapshot = PairingModel::load(m_choice, {m_bob}, m_bob.notAfter.addDays(-200));
        QCOMPARE(snapshot.rows.at(1).pairing.login, QStringLiteral("bob")); // file order: alice, bob, alice
        QVERIFY(!snapshot.rows.at(1).onlyCertificateExpiring);
    }

    void modelFollowsTokens()
    {
        const int kBob = 1; // file order: alice, bob, alice
        PairingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setChoice([choice = m_choice] { return choice; });
        QSignalSpy loaded(&model, &PairingModel::loaded);
        model.refresh();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 3);
        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY(!model.index(row, 0).data(PairingModel::CardPresentRole).toBool());
        }
        QVERIFY(model.index(kBob, PairingModel::NameColumn).data().toString().startsWith(QStringLiteral("bob")));

        const TokenInfo token = TokenFixtures::token(QStringLiteral("/usr/lib/fixture.so"), QStringLiteral("42"),
                                                     QStringLiteral("Bob's card"));
        model.setToken(TokenFixtures::contents(token, {TokenFixtures::entry(token, m_bob, "\x01", QStringLiteral("bob"),
                                                                            CertificateEntry::KeyState::Present)}));
        QTRY_VERIFY(model.index(kBob, 0).data(PairingModel::CardPresentRole).toBool());
        QCOMPARE(model.index(kBob, PairingModel::StateColumn).data().toString(), QStringLiteral("card present"));
        QCOMPARE(model.index(kBob, PairingModel::SubjectColumn).data().toString(), m_bob.subject);
        QVERIFY(model.index(kBob, 0)
                    .data(TokenTreeModel::SearchTextRole)
                    .toString()
                    .contains(QStringLiteral("bob example")));

        // The card goes: the row stays, no longer present.
        model.removeToken(token.key());
        QTRY_VERIFY(!model.index(kBob, 0).data(PairingModel::CardPresentRole).toBool());
        QCOMPARE(model.rowCount(), 3);
    }

    void reloadMergesInPlace()
    {
        // A reload that finds the same entries moves nothing: the rows stay (and a view's
        // selection with them), not emptied and filled again.
        PairingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setChoice([choice = m_choice] { return choice; });
        QSignalSpy loaded(&model, &PairingModel::loaded);
        model.refresh();
        QVERIFY(loaded.wait(10000));
        const QList<PairingRow> before = model.rows();
        QCOMPARE(before.size(), 3); // alice, bob, alice
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy progress(&model, &PairingModel::progress);
        model.refresh();
        QVERIFY(model.isLoading());
        QVERIFY(loaded.wait(10000));
        QVERIFY(!model.isLoading());
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rows(), before);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast().at(0).toInt(), 3);
        QCOMPARE(model.rowsLoaded(), 3);
        QVERIFY(!model.isPartial());

        // Bob unpaired, carol paired: one row goes from the middle, one comes at the end.
        auto mappers = PairingSources::open(m_choice);
        QVERIFY(mappers);
        QVERIFY(PairingSources::writeStore(mappers.value())->unpair(QStringLiteral("bob"), &m_bob));
        const CertificateInfo carol =
            m_fixtures.certificate(QStringLiteral("carol"), QStringLiteral("/CN=Carol Example/O=Tests"));
        pair(carol, QStringLiteral("carol"));
        model.refresh();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.constFirst().at(1).toInt(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.constFirst().at(1).toInt(), 2);
        QStringList logins;
        for (const PairingRow& row : model.rows()) {
            logins.append(row.pairing.login);
        }
        QCOMPARE(logins, (QStringList{QStringLiteral("alice"), QStringLiteral("alice"), QStringLiteral("carol")}));
        // Back as the other tests expect it.
        QVERIFY(PairingSources::writeStore(mappers.value())->unpair(QStringLiteral("carol"), &carol));
        pair(m_bob, QStringLiteral("bob"));
    }
};

QTEST_GUILESS_MAIN(TestPairingModel)
#include "tst_pairingmodel.moc"
