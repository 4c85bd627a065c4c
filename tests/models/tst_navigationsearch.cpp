// The search field's filter shows exactly the rows that hold the text, under the Tokens
// root and, for certificates with their key, under Identities; erasing shows all again.
// (bench_search times the same filter over 10,000 rows and checks the same rows.)

#include "SearchFixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace tokendesk;

class TestNavigationSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_search = std::make_unique<SearchFixture>(m_fixtures, SearchFixture::Size{2, 2, 50, 4});
        QVERIFY2(m_search->ok(), "openssl could not make the certificates");
        QCOMPARE(m_search->rows(), 200);
        m_tester = std::make_unique<QAbstractItemModelTester>(&m_search->filter,
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void rowsLeft_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("tokenRows");
        QTest::addColumn<int>("identityRows");
        QTest::newRow("name") << QStringLiteral("user") << 1 << 1;
        QTest::newRow("name, partly typed") << QStringLiteral("user-prefix") << 11 << 6;
        QTest::newRow("department") << QStringLiteral("department") << 6 << 3;
        QTest::newRow("SHA-256 prefix, upper case") << QStringLiteral("fingerprint") << 1 << 0;
        QTest::newRow("no match") << QStringLiteral("none") << 0 << 0;
        QTest::newRow("erased") << QStringLiteral("all") << 200 << 100;
    }

    void rowsLeft()
    {
        QFETCH(QString, query);
        QFETCH(int, tokenRows);
        QFETCH(int, identityRows);
        const QHash<QString, SearchQuery> queries{
            {QStringLiteral("user"), SearchFixture::user(142)},
            // "example user 14": row 14 and rows 140-149.
            {QStringLiteral("user-prefix"),
             {QStringLiteral("example user 14"),
              [](int row) {
                  return row == 14 || row / 10 == 14;
              }}},
            // "dept 12": rows 12, 49, 86, 123, 160, 197.
            {QStringLiteral("department"), SearchFixture::department(12)},
            {QStringLiteral("fingerprint"), SearchFixture::fingerprint(77)},
            {QStringLiteral("none"), SearchFixture::none()},
            {QStringLiteral("all"), SearchFixture::all()},
        };
        const SearchQuery q = queries.value(query);
        // Typed one keystroke at a time, as in the field.
        for (int i = 1; i <= q.text.size(); ++i) {
            m_search->filter.setQuery(q.text.left(i));
        }
        if (q.text.isEmpty()) {
            m_search->filter.setQuery(QString());
        }
        const ShownRows expected = m_search->expected(q);
        // The counts are written out too, so that a wrong `holds` cannot make both sides agree.
        QCOMPARE(expected.tokens.size(), tokenRows);
        QCOMPARE(expected.identities.size(), identityRows);
        const ShownRows shown = m_search->shown();
        QVERIFY2(shown.tokens == expected.tokens,
                 qPrintable(QStringLiteral("\"%1\" under Tokens: shown %2, expected %3")
                                .arg(q.text, SearchFixture::describe(shown.tokens),
                                     SearchFixture::describe(expected.tokens))));
        QVERIFY2(shown.identities == expected.identities,
                 qPrintable(QStringLiteral("\"%1\" under Identities: shown %2, expected %3")
                                .arg(q.text, SearchFixture::describe(shown.identities),
                                     SearchFixture::describe(expected.identities))));
        m_search->filter.setQuery(QString());
    }

private:
    TokenFixtures m_fixtures;
    std::unique_ptr<SearchFixture> m_search;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestNavigationSearch)
#include "tst_navigationsearch.moc"
