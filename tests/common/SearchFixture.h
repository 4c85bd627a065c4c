// The navigation behind the search field, filled with numbered certificate rows, and what
// a search must show: shared by tst_navigationsearch (which rows each query leaves, in the
// default labels) and bench_search (the same check, then the timing, over 10,000 rows).
//
// Row n is certificate "cert n" with subject "CN=Example User n,OU=Dept (n % 37),...", its own
// serial and SHA-1/SHA-256 (hashes of n); rows with an even n have their key (identities).
// Each Query says by construction which rows hold its text, not by the filter's own rule.
#pragma once

#include "TokenFixtures.h"
#include "models/IdentitiesModel.h"
#include "models/NavigationFilterModel.h"
#include "models/NavigationModel.h"
#include "models/TokenTreeModel.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>
#include <functional>

struct SearchQuery
{
    QString text;
    std::function<bool(int row)> holds; ///< does row n hold the text?
};

/// The certificate rows a filter shows, by n, under the Tokens and the Identities roots.
struct ShownRows
{
    QSet<int> tokens;
    QSet<int> identities;
    bool operator==(const ShownRows& o) const { return tokens == o.tokens && identities == o.identities; }
};

class SearchFixture
{
public:
    struct Size
    {
        int modules = 1;
        int tokensPerModule = 1;
        int certificatesPerToken = 10; // even: row n's key state follows n's parity
        int realCertificates = 4;
    };

    SearchFixture(TokenFixtures& fixtures, Size size) : m_size(size)
    {
        QList<tokendesk::CertificateInfo> real;
        for (int i = 0; i < size.realCertificates; ++i) {
            const tokendesk::CertificateInfo info = fixtures.certificate(
                QStringLiteral("c%1").arg(i), QStringLiteral("/CN=Template %1/O=Bench").arg(i), true);
            if (info.isNull()) {
                return;
            }
            real.append(info);
        }
        navigation.setSource(tokendesk::NavigationModel::TokensRoot, &tokens, tokendesk::TokenTreeModel::StatusColumn,
                             [this] { return tokens.tokenCount(); });
        navigation.setSource(tokendesk::NavigationModel::IdentitiesRoot, &identities,
                             tokendesk::TokenTreeModel::StatusColumn);
        filter.setSourceModel(&navigation);
        for (int m = 0; m < size.modules; ++m) {
            const QString module = QStringLiteral("/usr/lib/bench/module%1.so").arg(m);
            for (int t = 0; t < size.tokensPerModule; ++t) {
                const tokendesk::TokenInfo token = TokenFixtures::token(
                    module, QStringLiteral("SER%1%2").arg(m).arg(t), QStringLiteral("Bench token %1.%2").arg(m).arg(t));
                QList<tokendesk::CertificateEntry> entries;
                for (int c = 0; c < size.certificatesPerToken; ++c, ++m_rows) {
                    const int n = m_rows;
                    tokendesk::CertificateInfo info = real.at(n % size.realCertificates);
                    const QByteArray seed = QByteArray::number(n);
                    info.friendlyName = QStringLiteral("Example User %1").arg(n);
                    info.subject = QStringLiteral("CN=Example User %1,OU=Dept %2,O=Bench Corp,C=DE").arg(n).arg(n % 37);
                    info.serial =
                        QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Md5).toHex().toUpper());
                    info.sha1 = QCryptographicHash::hash(seed, QCryptographicHash::Sha1);
                    info.sha256 = QCryptographicHash::hash(seed, QCryptographicHash::Sha256);
                    const auto keyState = n % 2 == 0 ? tokendesk::CertificateEntry::KeyState::Present
                                                     : tokendesk::CertificateEntry::KeyState::None;
                    entries.append(TokenFixtures::entry(token, info, QByteArray::number(c),
                                                        QStringLiteral("cert %1").arg(n), keyState));
                }
                const tokendesk::TokenContents contents = TokenFixtures::contents(token, entries);
                tokens.setToken(contents);
                identities.setToken(contents);
            }
        }
        m_ok = true;
    }

    bool ok() const { return m_ok; }
    int rows() const { return m_rows; }

    /// A name that only row n holds (no row number starts with n's digits and goes on).
    static SearchQuery user(int n)
    {
        return {QStringLiteral("example user %1").arg(n), [n](int row) {
                    return row == n;
                }};
    }
    /// A department many rows share.
    static SearchQuery department(int d)
    {
        return {QStringLiteral("dept %1").arg(d), [d](int row) {
                    return row % 37 == d;
                }};
    }
    /// A SHA-256 prefix, typed in upper case: row n's.
    static SearchQuery fingerprint(int n)
    {
        const QByteArray hash = QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Sha256);
        return {QString::fromLatin1(hash.toHex().left(12).toUpper()), [n](int row) {
                    return row == n;
                }};
    }
    static SearchQuery none()
    {
        return {QStringLiteral("zzz-no-match"), [](int) {
                    return false;
                }};
    }
    /// Every row (the empty query).
    static SearchQuery all()
    {
        return {QString(), [](int) {
                    return true;
                }};
    }

    /// What the filter must show for the query: each row holding it, under Tokens, and
    /// under Identities too when it has its key.
    ShownRows expected(const SearchQuery& query) const
    {
        ShownRows rows;
        for (int n = 0; n < m_rows; ++n) {
            if (query.holds(n)) {
                rows.tokens.insert(n);
                if (n % 2 == 0) {
                    rows.identities.insert(n);
                }
            }
        }
        return rows;
    }

    /// What the filter shows now: certificate rows found by walking it as a view does.
    ShownRows shown() const
    {
        ShownRows rows;
        for (int r = 0; r < filter.rowCount(); ++r) {
            const QModelIndex top = filter.index(r, 0);
            const int root = top.data(tokendesk::NavigationModel::RootRole).toInt();
            QSet<int>* into = root == tokendesk::NavigationModel::TokensRoot       ? &rows.tokens
                              : root == tokendesk::NavigationModel::IdentitiesRoot ? &rows.identities
                                                                                   : nullptr;
            if (into) {
                collect(top, *into);
            }
        }
        return rows;
    }

    static QString describe(const QSet<int>& rows)
    {
        QList<int> sorted(rows.cbegin(), rows.cend());
        std::sort(sorted.begin(), sorted.end());
        QStringList text;
        for (int n : std::as_const(sorted)) {
            text << QString::number(n);
            if (text.size() == 20) {
                text << QStringLiteral("... (%1 in all)").arg(sorted.size());
                break;
            }
        }
        return QLatin1Char('{') + text.join(QLatin1Char(' ')) + QLatin1Char('}');
    }

    tokendesk::TokenTreeModel tokens;
    tokendesk::IdentitiesModel identities;
    tokendesk::NavigationModel navigation;
    tokendesk::NavigationFilterModel filter;

private:
    void collect(const QModelIndex& parent, QSet<int>& into) const
    {
        static const QRegularExpression label(QStringLiteral("^cert (\\d+)\\n"));
        for (int r = 0; r < filter.rowCount(parent); ++r) {
            const QModelIndex child = filter.index(r, 0, parent);
            if (filter.rowCount(child) == 0) {
                const QRegularExpressionMatch m =
                    label.match(child.data(tokendesk::TokenTreeModel::SearchTextRole).toString());
                if (m.hasMatch()) {
                    into.insert(m.captured(1).toInt());
                }
            } else {
                collect(child, into);
            }
        }
    }

    Size m_size;
    int m_rows = 0;
    bool m_ok = false;
};
