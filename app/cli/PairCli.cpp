#include "PairCli.h"

#include "PairingCliSupport.h"
#include "app/CommandLine.h"
#include "backend/pairing/LoginFitness.h"
#include "backend/pairing/PairingAudit.h"
#include "backend/pairing/PairingSources.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"
#include "models/report/TokenCertificateReport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <pwd.h>

namespace tokendesk {

QString PairCli::name() const
{
    return QStringLiteral("pair");
}

void PairCli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(PairingCliSupport::userOption());
    parser.addOption(PairingCliSupport::certOption());
    PairingCliSupport::addStoreOptions(parser);
    parser.addOption(PairingCliSupport::forceOption());
    parser.addOption(moduleOption());
}

int PairCli::run(const QCommandLineParser& parser, CliContext& context)
{
    if (const int rc = refuseArguments(parser, context)) {
        return rc;
    }
    const QString login = parser.value(PairingCliSupport::userOption());
    const QString source = parser.value(PairingCliSupport::certOption());
    if (login.isEmpty() || source.isEmpty()) {
        return usage(context, tr("pair needs --user LOGIN and --cert URI|FILE."));
    }
    if (parser.values(PairingCliSupport::storeOption()).size() > 1) {
        return usage(context, tr("pair writes to one store: give --store once."));
    }
    int exit = 0;
    const auto mappers = PairingCliSupport::mappers(parser, context, &exit);
    if (!mappers) {
        return exit;
    }
    PairingStore* store = PairingSources::writeStore(*mappers);
    if (!store) {
        return CommandLine::fail(context.json, QStringLiteral("no_store"),
                                 tr("pam_pkcs11's configuration names no mapper TokenDesk can write (digest, "
                                    "subject, opensc, openssh): give --store KIND:PATH."),
                                 context.out, context.err);
    }
    const auto named = PairingCliSupport::certificate(source, parser.values(moduleOption()), context, &exit);
    if (!named) {
        return exit;
    }
    const CertificateInfo& certificate = named->info;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ChainResult chain;
    if (!named->tokens.isEmpty()) {
        chain = TokenCertificateReport::verifyOnTokens(certificate, named->tokens, now);
    } else {
        ChainVerifier verifier;
        verifier.setIntermediates(named->fileIssuers);
        chain = verifier.verify(certificate);
    }
    const QList<FitnessWarning> fitness = LoginFitness::check(certificate, &chain, now);
    QJsonArray warnings;
    QStringList blocking;
    for (FitnessWarning w : fitness) {
        warnings.append(LoginFitness::codeName(w));
        if (LoginFitness::blocks(w)) {
            blocking.append(PairingText::fitness(w));
        }
    }
    // A directory account is as good as a local one: a login unknown here is a warning.
    const bool localAccount = ::getpwnam(login.toLocal8Bit().constData()) != nullptr;
    if (!localAccount) {
        warnings.append(QStringLiteral("no_local_account"));
    }
    if (!blocking.isEmpty() && !parser.isSet(PairingCliSupport::forceOption())) {
        const QString message = tr("Not paired: the certificate may not work for login. %1 Use --force to pair "
                                   "it anyway.")
                                    .arg(blocking.join(QLatin1Char(' ')));
        context.err << message << '\n';
        if (context.json) {
            QJsonObject o;
            o.insert(QStringLiteral("error"), CommandLine::errorJson(QStringLiteral("not_fit_for_login"), message));
            o.insert(QStringLiteral("warnings"), warnings);
            context.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        }
        return 1;
    }
    const auto paired = store->pair(certificate, login);
    if (!paired) {
        return PairingCliSupport::fail(context, paired.error());
    }
    const bool added = paired.value() == PairOutcome::Added;
    const QString sha256 = QString::fromLatin1(certificate.sha256.toHex());
    if (added && !PairingAudit::record({PairingAudit::Action::Pair, login, store->spec(), sha256, 1},
                                       PairingCliSupport::choice(parser).auditLog)) {
        context.err << tr("Warning: the audit log file could not be written (syslog has the line).") << '\n';
    }
    // What the login stack will make of the entry: an ssh key its mapper does not read, ...
    QList<PairingWarning> entryWarnings;
    if (const auto entries = store->findByLogin(login)) {
        for (const Pairing& entry : entries.value()) {
            if (store->matches(entry, certificate)) {
                entryWarnings = entry.warnings;
                break;
            }
        }
    }
    for (PairingWarning w : entryWarnings) {
        warnings.append(PairingText::warningCode(w));
    }
    if (context.json) {
        QJsonObject o;
        o.insert(QStringLiteral("paired"), added);
        o.insert(QStringLiteral("already_paired"), !added);
        o.insert(QStringLiteral("login"), login);
        o.insert(QStringLiteral("store"), store->spec());
        o.insert(QStringLiteral("sha256"), sha256);
        o.insert(QStringLiteral("subject"), certificate.subject);
        o.insert(QStringLiteral("warnings"), warnings);
        context.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        for (FitnessWarning w : fitness) {
            context.err << tr("Warning: %1").arg(PairingText::fitness(w)) << '\n';
        }
        for (PairingWarning w : entryWarnings) {
            context.err << tr("Warning: %1").arg(PairingText::warning(w)) << '\n';
        }
        if (!localAccount) {
            context.err << tr("Warning: there is no local account \"%1\" (fine for a directory account).")
                               .arg(PrintableText::escape(login))
                        << '\n';
        }
        context.out << (added ? tr("Paired %1 with \"%2\" in %3.")
                              : tr("Already paired: %1 with \"%2\" in %3; "
                                   "nothing changed."))
                           .arg(PrintableText::escape(certificate.subject), PrintableText::escape(login),
                                PrintableText::escape(store->spec()))
                    << '\n';
    }
    return 0;
}

} // namespace tokendesk
