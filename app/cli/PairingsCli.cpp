#include "PairingsCli.h"

#include "PairingCliSupport.h"
#include "app/CommandLine.h"
#include "backend/pairing/ExpiryCheck.h"
#include "backend/pairing/PairingIndex.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace tokendesk {

QString PairingsCli::name() const
{
    return QStringLiteral("pairings");
}

QString PairingsCli::description() const
{
    return QCoreApplication::translate("CommandLine", "list every pairing of the stores pam_pkcs11 reads");
}

void PairingsCli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(PairingCliSupport::userOption());
    parser.addOption(PairingCliSupport::storeOption());
    parser.addOption(PairingCliSupport::pamConfigOption());
    parser.addOption(moduleOption());
}

int PairingsCli::run(const QCommandLineParser& parser, CliContext& context)
{
    if (const int rc = refuseArguments(parser, context)) {
        return rc;
    }
    const auto index = PairingIndex::open(PairingCliSupport::choice(parser));
    if (!index) {
        return PairingCliSupport::fail(context, index.error());
    }
    QJsonArray errors;
    for (const PairingError& error : index.value().errors()) {
        errors.append(CommandLine::errorJson(error.codeName(), PairingText::error(error)));
        context.err << PairingText::error(error) << '\n';
    }
    const QString user = parser.value(PairingCliSupport::userOption());
    // The certificates of the cards present now complete what a store does not keep (the SHA-256
    // behind a digest or subject) and mark their pairings.
    const QList<CertificateInfo> present = PairingCliSupport::presentCertificates(parser.values(moduleOption()));
    QList<Pairing> pairings;
    QStringList mapperOf;
    QList<bool> presentNow;
    for (const IndexedPairing& row : index.value().pairings(present)) {
        if (user.isEmpty() || row.pairing.login == user) {
            pairings.append(row.pairing);
            mapperOf.append(row.mapper);
            presentNow.append(row.certificate.has_value());
        }
    }
    const QSet<int> expiring = ExpiryCheck::onlyCertificateExpiring(pairings, QDateTime::currentDateTimeUtc());
    QJsonArray rows;
    for (int i = 0; i < pairings.size(); ++i) {
        const Pairing& pairing = pairings.at(i);
        if (context.json) {
            QJsonObject o = PairingText::json(pairing);
            o.insert(QStringLiteral("mapper"), mapperOf.at(i));
            o.insert(QStringLiteral("card_present"), presentNow.at(i));
            o.insert(QStringLiteral("not_after"),
                     pairing.notAfter.isValid() ? QJsonValue(pairing.notAfter.toString(Qt::ISODate)) : QJsonValue());
            o.insert(QStringLiteral("only_certificate_expires_soon"), expiring.contains(i));
            rows.append(o);
            continue;
        }
        const QString what = pairing.subject.isEmpty() ? pairing.key : pairing.subject;
        context.out << QStringLiteral("%1  %2  %3%4%5")
                           .arg(PrintableText::escape(pairing.login).leftJustified(16),
                                PrintableText::escape(pairing.storeKind + QLatin1Char(':') + pairing.storePath),
                                PrintableText::escape(what),
                                pairing.line > 0 ? tr(" (line %1)").arg(pairing.line) : QString(),
                                presentNow.at(i) ? tr("  [card present]") : QString())
                    << '\n';
        for (PairingWarning w : pairing.warnings) {
            context.out << QStringLiteral("    ") << tr("Warning: %1").arg(PairingText::warning(w)) << '\n';
        }
        if (expiring.contains(i)) {
            context.out << QStringLiteral("    ")
                        << tr("Warning: the only certificate \"%1\" can log in with expires on %2.")
                               .arg(PrintableText::escape(pairing.login),
                                    QLocale().toString(pairing.notAfter.toLocalTime().date(), QLocale::ShortFormat))
                        << '\n';
        }
    }
    const qsizetype count = pairings.size();
    if (context.json) {
        context.out << QJsonDocument(
                           QJsonObject{{QStringLiteral("pairings"), rows}, {QStringLiteral("errors"), errors}})
                           .toJson(QJsonDocument::Indented);
    } else if (count == 0 && errors.isEmpty()) {
        context.out << tr("No pairings.") << '\n';
    }
    return errors.isEmpty() ? 0 : 1;
}

} // namespace tokendesk
