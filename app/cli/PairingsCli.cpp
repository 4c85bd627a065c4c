#include "PairingsCli.h"

#include "PairingCliSupport.h"
#include "app/CommandLine.h"
#include "backend/pairing/ExpiryCheck.h"
#include "backend/pairing/PairingIndex.h"
#include "models/JsonLine.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <algorithm>
#include <future>
#include <optional>

namespace tokendesk {

QString PairingsCli::name() const
{
    return QStringLiteral("pairings");
}

void PairingsCli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(PairingCliSupport::userOption());
    PairingCliSupport::addStoreOptions(parser);
    parser.addOption(moduleOption());
}

namespace {

/// One row: its JSON, or its lines of text on `context.out`.
QJsonObject row(CliContext& context, const Pairing& pairing, const QString& mapper, bool present, bool expiring)
{
    if (context.json) {
        QJsonObject o = PairingText::json(pairing);
        o.insert(QStringLiteral("mapper"), mapper);
        o.insert(QStringLiteral("card_present"), present);
        o.insert(QStringLiteral("not_after"),
                 pairing.notAfter.isValid() ? QJsonValue(pairing.notAfter.toString(Qt::ISODate)) : QJsonValue());
        o.insert(QStringLiteral("only_certificate_expires_soon"), expiring);
        return o;
    }
    const QString what = pairing.subject.isEmpty() ? pairing.key : pairing.subject;
    context.out << QStringLiteral("%1  %2  %3%4%5")
                       .arg(PrintableText::escape(pairing.login).leftJustified(16),
                            PrintableText::escape(pairing.store()), PrintableText::escape(what),
                            pairing.line > 0 ? PairingsCli::tr(" (line %1)").arg(pairing.line) : QString(),
                            present ? PairingsCli::tr("  [card present]") : QString())
                << '\n';
    for (PairingWarning w : pairing.warnings) {
        context.out << QStringLiteral("    ") << PairingsCli::tr("Warning: %1").arg(PairingText::warning(w)) << '\n';
    }
    if (expiring) {
        context.out << QStringLiteral("    ")
                    << PairingsCli::tr("Warning: the only certificate \"%1\" can log in with expires on %2.")
                           .arg(PrintableText::escape(pairing.login),
                                QLocale().toString(pairing.notAfter.toLocalTime().date(), QLocale::ShortFormat))
                    << '\n';
    }
    return {};
}

bool onlyDirectories(const std::vector<ConfiguredMapper>& mappers)
{
    for (const ConfiguredMapper& m : mappers) {
        if (!m.store || m.store->kind() != QLatin1String("ldap")) {
            return false;
        }
    }
    return !mappers.empty();
}

} // namespace

int PairingsCli::run(const QCommandLineParser& parser, CliContext& context)
{
    if (const int rc = refuseArguments(parser, context)) {
        return rc;
    }
    int exit = 0;
    const auto chosen = PairingCliSupport::choiceWithDirectory(parser, context, &exit);
    if (!chosen) {
        return exit;
    }
    const QString user = parser.value(PairingCliSupport::userOption());
    // The certificates of the cards present now complete what a store does not keep (the SHA-256
    // behind a digest or subject) and mark their pairings. Read while a directory is asked.
    std::future<QList<CertificateInfo>> presentLater =
        std::async(std::launch::async, [modules = parser.values(moduleOption())] {
            return PairingCliSupport::presentCertificates(modules);
        });
    auto mappers = PairingSources::open(*chosen);
    if (mappers && onlyDirectories(mappers.value())) {
        return stream(mappers.value(), presentLater, user, context);
    }
    const QList<CertificateInfo> present = presentLater.get();
    const auto index = PairingIndex::open(*chosen);
    if (!index) {
        return PairingCliSupport::fail(context, index.error());
    }
    QJsonArray errors;
    for (const PairingError& error : index.value().errors()) {
        errors.append(CommandLine::errorJson(error.codeName(), PairingText::error(error)));
        context.err << PairingText::error(error) << '\n';
    }
    QList<Pairing> pairings;
    QStringList mapperOf;
    QList<bool> presentNow;
    for (const IndexedPairing& indexed : index.value().pairings(present)) {
        if (user.isEmpty() || indexed.pairing.login == user) {
            pairings.append(indexed.pairing);
            mapperOf.append(indexed.mapper);
            presentNow.append(indexed.certificate.has_value());
        }
    }
    const QSet<int> expiring = ExpiryCheck::onlyCertificateExpiring(pairings, QDateTime::currentDateTimeUtc());
    QJsonArray rows;
    for (int i = 0; i < pairings.size(); ++i) {
        const QJsonObject o = row(context, pairings.at(i), mapperOf.at(i), presentNow.at(i), expiring.contains(i));
        if (context.json) {
            rows.append(o);
        }
    }
    if (context.json) {
        context.out << QJsonDocument(
                           QJsonObject{{QStringLiteral("pairings"), rows}, {QStringLiteral("errors"), errors}})
                           .toJson(QJsonDocument::Indented);
    } else if (pairings.isEmpty() && errors.isEmpty()) {
        context.out << tr("No pairings.") << '\n';
    }
    return errors.isEmpty() ? 0 : 1;
}

int PairingsCli::stream(const std::vector<ConfiguredMapper>& mappers, std::future<QList<CertificateInfo>>& presentLater,
                        const QString& user, CliContext& context)
{
    std::optional<QList<CertificateInfo>> presentNow;
    QHash<QByteArray, int> presentBySha256; ///< hex SHA-256 → index in *presentNow
    // A directory's pairings are printed page by page as they arrive: the same keys as above, one
    // row per line of the JSON array. An account's certificates are all on its entry, so "the only
    // certificate" is decided within a page.
    if (context.json) {
        context.out << "{\n\"pairings\": [";
    }
    bool first = true;
    qsizetype count = 0;
    QJsonArray errors;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const ConfiguredMapper& mapper : mappers) {
        auto done = mapper.store->listPages([&](QList<Pairing>&& page) {
            if (!user.isEmpty()) {
                page.erase(
                    std::remove_if(page.begin(), page.end(), [&user](const Pairing& p) { return p.login != user; }),
                    page.end());
            }
            if (!presentNow) {
                presentNow = presentLater.get();
                for (int i = 0; i < presentNow->size(); ++i) {
                    presentBySha256.insert(presentNow->at(i).sha256.toHex(), i);
                }
            }
            const QList<CertificateInfo>& present = *presentNow;
            const QSet<int> expiring = ExpiryCheck::onlyCertificateExpiring(page, now);
            QByteArray chunk;
            for (int i = 0; i < page.size(); ++i) {
                Pairing& pairing = page[i];
                bool isPresent = false;
                // A row that names its certificate's SHA-256 (a directory's) is looked up; the
                // others are asked of the store, certificate by certificate.
                const auto candidates = pairing.sha256.isEmpty() ? present : QList<CertificateInfo>{};
                const auto known = presentBySha256.constFind(pairing.sha256);
                if (known != presentBySha256.cend() && mapper.store->matches(pairing, present.at(*known))) {
                    pairing.setCertificate(present.at(*known));
                    isPresent = true;
                }
                for (const CertificateInfo& certificate : candidates) {
                    if (!isPresent && mapper.store->matches(pairing, certificate)) {
                        pairing.setCertificate(certificate);
                        isPresent = true;
                    }
                }
                if (!context.json) {
                    row(context, pairing, mapper.mapper, isPresent, expiring.contains(i));
                    continue;
                }
                // The keys of row(), written without a QJsonObject per row.
                JsonLine line;
                PairingText::json(pairing, line);
                line.field("mapper", mapper.mapper).field("card_present", isPresent);
                line.fieldOrNull("not_after",
                                 pairing.notAfter.isValid() ? pairing.notAfter.toString(Qt::ISODate) : QString());
                line.field("only_certificate_expires_soon", expiring.contains(i));
                chunk += first ? "\n" : ",\n";
                chunk += line.finish();
                first = false;
            }
            // A page's rows written at once, as UTF-8, past the text stream's re-encoding.
            context.out.flush();
            if (QIODevice* device = context.out.device()) {
                device->write(chunk);
            } else {
                context.out << QString::fromUtf8(chunk);
            }
            chunk.clear();
            count += page.size();
            context.out.flush();
            return true;
        });
        if (!done) {
            errors.append(CommandLine::errorJson(done.error().codeName(), PairingText::error(done.error())));
            context.err << PairingText::error(done.error()) << '\n';
        }
    }
    if (context.json) {
        context.out << "\n],\n\"errors\": " << QJsonDocument(errors).toJson(QJsonDocument::Compact) << "\n}\n";
    } else if (count == 0 && errors.isEmpty()) {
        context.out << tr("No pairings.") << '\n';
    }
    return errors.isEmpty() ? 0 : 1;
}

} // namespace tokendesk
