// "The only certificate an account can log in with expires soon": counted per login over every
// store, by SHA-256 where a store knows it (the same certificate in two stores is one), unknown
// certificates each on their own; 30 days ahead and past count, later does not.

#include "backend/pairing/ExpiryCheck.h"

#include <QTest>

using namespace tokendesk;

namespace {
Pairing row(const char* login, const QByteArray& sha256, const QDateTime& notAfter)
{
    Pairing p;
    p.login = QString::fromLatin1(login);
    p.sha256 = sha256;
    p.notAfter = notAfter;
    return p;
}
} // namespace

class TestExpiryCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyCertificate();
};

void TestExpiryCheck::onlyCertificate()
{
    const QDateTime now(QDate(2026, 12, 4), QTime(12, 0), Qt::UTC);
    const QDateTime soon = now.addDays(29);
    const QDateTime late = now.addDays(31);
    const QList<Pairing> rows{
        row("alice", "aa", soon),           // 0: alice's only certificate, in two stores
        row("alice", "aa", soon),           // 1
        row("bob", "bb", soon),             // 2: bob has another one
        row("bob", "cc", late),             // 3
        row("carol", "dd", late),           // 4: carol's expires later
        row("dave", "ee", now.addDays(-1)), // 5: expired already
        row("erin", "", QDateTime()),       // 6: unknown certificate, unknown date
        row("erin", "ff", soon),            // 7: erin may have two
    };
    QCOMPARE(ExpiryCheck::onlyCertificateExpiring(rows, now), (QSet<int>{0, 1, 5}));
    QVERIFY(ExpiryCheck::onlyCertificateExpiring({}, now).isEmpty());
}

QTEST_GUILESS_MAIN(TestExpiryCheck)
#include "tst_expirycheck.moc"
