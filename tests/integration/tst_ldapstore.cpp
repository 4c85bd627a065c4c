// The ldap pairing store (backend/ldap) against private slapd instances, where a command line
// cannot reach: another program's edit between TokenDesk's read and write (ldapmodify, run from
// the store's own hook) is detected by the assertion control and nothing is overwritten; slapd
// stopped between read and write, and in the middle of a paged listing, gives "unreachable"
// promptly with the directory as it was; a listing of 3,000 entries arrives page by page
// (RFC 2696) in the server's order, each certificate summarised; a cancel stops it.

#include "OpensslTool.h"
#include "PeerProcess.h"
#include "SlapdFixture.h"
#include "backend/ldap/LdapStore.h"
#include "backend/x509/CertificateParser.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

namespace {
QByteArray why(const Result<PairOutcome, PairingError>& r)
{
    return r ? QByteArray("ok") : r.error().codeName().toUtf8() + ": " + r.error().detail.toUtf8();
}
} // namespace

class TestLdapStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void concurrentEditIsNotOverwritten();
    void slapdStoppedBetweenReadAndWrite();
    void pagedListingArrivesPageByPage();

private:
    std::unique_ptr<LdapStore> store(const SlapdInstance& slapd, int pageSize = 1000) const;

    QTemporaryDir m_dir;
    CertificateInfo m_alice;
    CertificateInfo m_other;
};

std::unique_ptr<LdapStore> TestLdapStore::store(const SlapdInstance& slapd, int pageSize) const
{
    auto url = LdapUrl::parse(slapd.url + QLatin1Char('/') + slapd.base);
    if (!url) {
        return nullptr;
    }
    auto access = std::make_shared<DirectoryAccess>();
    access->options.bindDn = slapd.writerDn;
    access->options.pageSize = pageSize;
    QByteArray password = slapd.writerPassword.toUtf8();
    access->password = SecureBytes::take(password);
    return std::make_unique<LdapStore>(url.value(), access);
}

void TestLdapStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    OpensslTool ssl(m_dir.path());
    QVERIFY(ssl.key(QStringLiteral("ca.key"), QStringLiteral("ec:P-256")));
    QVERIFY(ssl.selfSigned(QStringLiteral("ca.pem"), QStringLiteral("ca.key"), QStringLiteral("/CN=Store Test CA"),
                           OpensslTool::config({}, "basicConstraints=critical,CA:TRUE")));
    for (const char* name : {"alice", "other"}) {
        const QString key = QLatin1String(name) + QStringLiteral(".key");
        QVERIFY(ssl.key(key, QStringLiteral("ec:P-256")));
        QVERIFY(ssl.issue(QLatin1String(name) + QStringLiteral(".pem"), key,
                          QStringLiteral("/CN=") + QLatin1String(name), QStringLiteral("ca.pem"),
                          QStringLiteral("ca.key"), "keyUsage=digitalSignature"));
    }
    auto alice = CertificateParser::parseFile(ssl.path(QStringLiteral("alice.pem")));
    auto other = CertificateParser::parseFile(ssl.path(QStringLiteral("other.pem")));
    QVERIFY(alice.ok() && other.ok());
    m_alice = alice.value();
    m_other = other.value();
}

void TestLdapStore::concurrentEditIsNotOverwritten()
{
    QTemporaryDir dir;
    const SlapdInstance slapd = SlapdInstance::startPrivate(dir);
    QVERIFY(slapd.isValid());
    auto s = store(slapd);
    QVERIFY(s);
    const QString alice = QStringLiteral("alice");

    // Pair: someone changes alice between TokenDesk's read and its write.
    int edits = 0;
    s->setBetweenReadAndWriteForTests([&] {
        ++edits;
        QVERIFY(slapd.modifyDescription(alice, QStringLiteral("edited meanwhile")).ok());
    });
    const auto paired = s->pair(m_alice, alice);
    QCOMPARE(edits, 1);
    QVERIFY2(!paired, why(paired));
    QCOMPARE(paired.error().code, PairingError::Code::ChangedMeanwhile);
    QVERIFY(slapd.certificates(alice).isEmpty());
    QCOMPARE(slapd.values(alice, QStringLiteral("description")), QList<QByteArray>{"edited meanwhile"});

    // Without the edit it works; then unpair with another certificate added meanwhile: refused,
    // both certificates still there (a replace without the assertion would have dropped the new one).
    s->setBetweenReadAndWriteForTests({});
    const auto again = s->pair(m_alice, alice);
    QVERIFY2(again.ok(), why(again));
    s->setBetweenReadAndWriteForTests([&] { QVERIFY(slapd.addCertificate(alice, m_other.der).ok()); });
    const auto unpaired = s->unpair(alice, &m_alice);
    QVERIFY(!unpaired.ok());
    QCOMPARE(unpaired.error().code, PairingError::Code::ChangedMeanwhile);
    const QList<QByteArray> both = slapd.certificates(alice);
    QCOMPARE(both.size(), 2);
    QVERIFY(both.contains(m_alice.der) && both.contains(m_other.der));

    // Asked again, it sees the new state and removes exactly its certificate.
    s->setBetweenReadAndWriteForTests({});
    const auto removed = s->unpair(alice, &m_alice);
    QVERIFY(removed.ok());
    QCOMPARE(removed.value(), 1);
    QCOMPARE(slapd.certificates(alice), QList<QByteArray>{m_other.der});
}

void TestLdapStore::slapdStoppedBetweenReadAndWrite()
{
    QTemporaryDir dir;
    SlapdInstance slapd = SlapdInstance::startPrivate(dir);
    QVERIFY(slapd.isValid());
    auto s = store(slapd);
    QVERIFY(s);
    s->setBetweenReadAndWriteForTests([&] { QVERIFY(slapd.stop()); });
    QElapsedTimer timer;
    timer.start();
    const auto paired = s->pair(m_alice, QStringLiteral("alice"));
    QVERIFY(!paired.ok());
    QCOMPARE(paired.error().code, PairingError::Code::DirectoryUnreachable);
    QVERIFY2(timer.elapsed() < 5000 + 3000, qPrintable(QString::number(timer.elapsed())));
    // Gone for good: the next call says so at once.
    s->setBetweenReadAndWriteForTests({});
    const auto next = s->list();
    QVERIFY(!next.ok());
    QCOMPARE(next.error().code, PairingError::Code::DirectoryUnreachable);
}

void TestLdapStore::pagedListingArrivesPageByPage()
{
    QTemporaryDir dir;
    SlapdInstance slapd = SlapdInstance::startPrivate(dir, 0, 3000);
    QVERIFY(slapd.isValid());
    auto s = store(slapd, 500);
    QVERIFY(s);
    QList<int> pages;
    QSet<QString> logins;
    auto all = s->listPages([&](QList<Pairing>&& page) {
        pages.append(int(page.size()));
        for (const Pairing& p : page) {
            logins.insert(p.login);
            if (p.sha256.size() != 64 || p.subject.isEmpty() || !p.notAfter.isValid() ||
                !p.key.startsWith(QStringLiteral("uid=") + p.login)) {
                qWarning() << "incomplete row" << p.login << p.key << p.subject;
                return false;
            }
        }
        return true;
    });
    QVERIFY(all.ok());
    // More than the server's 500-entry limit for a plain search: a small first page (the window
    // shows rows at once), then pages of 500.
    QCOMPARE(logins.size(), 3000);
    QCOMPARE(pages, (QList<int>{100, 500, 500, 500, 500, 500, 400}));
    // The rows agree with ldapsearch's paged search of the same attribute.
    const QStringList holders =
        slapd.searchFilter(QStringLiteral("(userCertificate=*)"), SlapdInstance::Bind::Anonymous,
                           {QStringLiteral("-E"), QStringLiteral("pr=1000/noprompt")});
    QCOMPARE(QSet<QString>(holders.begin(), holders.end()), logins);

    // Stopped by the handler after two pages: no more pages, no error.
    int seen = 0;
    auto stopped = s->listPages([&](QList<Pairing>&&) { return ++seen < 2; });
    QVERIFY(stopped.ok());
    QCOMPARE(seen, 2);

    // Cancelled from another thread while it waits: Cancelled, promptly.
    std::atomic_bool cancel{false};
    s->setCancelFlag(&cancel);
    auto cancelled = s->listPages([&](QList<Pairing>&&) {
        cancel = true;
        return true;
    });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, PairingError::Code::Cancelled);
    s->setCancelFlag(nullptr);

    // slapd stopped in the middle of the listing: unreachable after the pages that came.
    int before = 0;
    auto broken = s->listPages([&](QList<Pairing>&&) {
        if (++before == 1) {
            slapd.stop();
        }
        return true;
    });
    QVERIFY(!broken.ok());
    QCOMPARE(broken.error().code, PairingError::Code::DirectoryUnreachable);
    // The pages already on their way may still come (the next page is asked for ahead), never all.
    QVERIFY2(before >= 1 && before < 7, qPrintable(QString::number(before)));
}

QTEST_GUILESS_MAIN(TestLdapStore)
#include "tst_ldapstore.moc"
