// Search benchmark (issue 4): typing in the navigation's search field over
// 10,000 certificate rows must stay under 50 ms per keystroke.
//
// The rows: 100 tokens of 100 certificates each, under 10 modules, half of them
// identities (so the Identities root has 5,000 more rows). 64 real certificates
// are made with openssl and reused: each row gets its own subject, serial,
// SHA-1/SHA-256 and URI in its CertificateInfo, so every row's search text is
// distinct. The query is typed one character at a time into the same filter
// the window uses (NavigationFilterModel over NavigationModel), and each
// keystroke's filtering is timed. Prints the figures; exits 1 when a keystroke
// takes 50 ms or more.

#include "../models/TokenFixtures.h"
#include "models/IdentitiesModel.h"
#include "models/NavigationFilterModel.h"
#include "models/NavigationModel.h"
#include "models/TokenTreeModel.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace tokendesk;

namespace {
constexpr int kModules = 10;
constexpr int kTokensPerModule = 10;
constexpr int kCertificatesPerToken = 100;
constexpr int kRealCertificates = 64;
constexpr double kTargetMs = 50.0;

int visibleRows(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    int count = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        count += 1 + visibleRows(model, model.index(row, 0, parent));
    }
    return count;
}

struct Figures
{
    double median = 0;
    double max = 0;
};

Figures type(NavigationFilterModel& filter, const QString& query, bool print)
{
    std::vector<double> times;
    for (int i = 1; i <= query.size(); ++i) {
        QElapsedTimer timer;
        timer.start();
        filter.setQuery(query.left(i));
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        times.push_back(ms);
        if (print) {
            std::printf("  %-24s %8.2f ms  %6d rows shown\n",
                        qPrintable(QLatin1Char('"') + query.left(i) + QLatin1Char('"')), ms, visibleRows(filter));
        }
    }
    // Backspace to empty, as people do.
    for (int i = int(query.size()) - 1; i >= 0; --i) {
        QElapsedTimer timer;
        timer.start();
        filter.setQuery(query.left(i));
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    return {sorted[sorted.size() / 2], sorted.back()};
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    TokenFixtures fixtures;
    QElapsedTimer setup;
    setup.start();
    QList<CertificateInfo> real;
    for (int i = 0; i < kRealCertificates; ++i) {
        const CertificateInfo info =
            fixtures.certificate(QStringLiteral("c%1").arg(i), QStringLiteral("/CN=Template %1/O=Bench").arg(i), true);
        if (info.isNull()) {
            std::fprintf(stderr, "openssl could not make certificate %d\n", i);
            return 2;
        }
        real.append(info);
    }
    std::printf("made %d real certificates in %.1f s\n", kRealCertificates, double(setup.elapsed()) / 1000);

    TokenTreeModel tokens;
    IdentitiesModel identities;
    NavigationModel navigation;
    navigation.setSource(NavigationModel::TokensRoot, &tokens, TokenTreeModel::StatusColumn,
                         [&tokens] { return tokens.tokenCount(); });
    navigation.setSource(NavigationModel::IdentitiesRoot, &identities, TokenTreeModel::StatusColumn);
    NavigationFilterModel filter;
    filter.setSourceModel(&navigation);

    setup.restart();
    int n = 0;
    for (int m = 0; m < kModules; ++m) {
        const QString module = QStringLiteral("/usr/lib/bench/module%1.so").arg(m);
        for (int t = 0; t < kTokensPerModule; ++t) {
            const TokenInfo token = TokenFixtures::token(module, QStringLiteral("SER%1%2").arg(m).arg(t),
                                                         QStringLiteral("Bench token %1.%2").arg(m).arg(t));
            QList<CertificateEntry> entries;
            for (int c = 0; c < kCertificatesPerToken; ++c, ++n) {
                CertificateInfo info = real.at(n % kRealCertificates);
                // Distinct people, serials and fingerprints for every row.
                const QByteArray seed = QByteArray::number(n);
                info.friendlyName = QStringLiteral("Example User %1").arg(n);
                info.subject = QStringLiteral("CN=Example User %1,OU=Dept %2,O=Bench Corp,C=DE").arg(n).arg(n % 37);
                info.serial =
                    QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Md5).toHex().toUpper());
                info.sha1 = QCryptographicHash::hash(seed, QCryptographicHash::Sha1);
                info.sha256 = QCryptographicHash::hash(seed, QCryptographicHash::Sha256);
                const auto keyState =
                    c % 2 == 0 ? CertificateEntry::KeyState::Present : CertificateEntry::KeyState::None;
                CertificateEntry entry = TokenFixtures::entry(token, info, QByteArray::number(c),
                                                              QStringLiteral("cert %1").arg(n), keyState);
                entries.append(entry);
            }
            const TokenContents contents = TokenFixtures::contents(token, entries);
            tokens.setToken(contents);
            identities.setToken(contents);
        }
    }
    const int total = visibleRows(navigation);
    std::printf("%d certificate rows (%d tokens, %d identities), %d navigation rows, filled in %.1f s\n", n,
                tokens.tokenCount(), identities.rowCount(), total, double(setup.elapsed()) / 1000);

    // A name, a department shared by many rows, and a SHA-256 prefix (of row 777).
    const QString fingerprint =
        QString::fromLatin1(QCryptographicHash::hash("777", QCryptographicHash::Sha256).toHex().left(12));
    const QStringList queries{QStringLiteral("example user 4711"), QStringLiteral("dept 12"), fingerprint,
                              QStringLiteral("zzz-no-match")};
    double worst = 0;
    for (const QString& query : queries) {
        std::printf("query \"%s\", one keystroke at a time:\n", qPrintable(query));
        const Figures f = type(filter, query, true);
        std::printf("  => median %.2f ms, max %.2f ms per keystroke (typing and erasing)\n", f.median, f.max);
        worst = std::max(worst, f.max);
    }
    std::printf("worst keystroke: %.2f ms (target < %.0f ms): %s\n", worst, kTargetMs,
                worst < kTargetMs ? "PASS" : "FAIL");
    return worst < kTargetMs ? 0 : 1;
}
