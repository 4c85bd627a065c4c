#include "PairingText.h"

#include "PrintableText.h"
#include "backend/ldap/LdapUrl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cstring>

namespace tokendesk {

namespace {
QString shown(const QString& text)
{
    return PrintableText::escape(text);
}

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

/// The error is about a directory (the ldap store), whose path is its URL.
bool aboutDirectory(const PairingError& e)
{
    return LdapUrl::isDirectory(e.path);
}
} // namespace

QString PairingText::error(const PairingError& e)
{
    const QString path = shown(e.path);
    switch (e.code) {
    case PairingError::Code::NotWritable:
        return e.privilege.isEmpty()
                   ? tr("%1 cannot be written: permission denied. Nothing was changed.").arg(path)
                   : tr("%1 cannot be written: only %2 may change it (run as that user, e.g. with sudo). Nothing "
                        "was changed.")
                         .arg(path, e.privilege);
    case PairingError::Code::ChangedMeanwhile:
        return tr("%1 was changed by someone else while TokenDesk edited it. Nothing was written; try again to "
                  "see the new content.")
            .arg(path);
    case PairingError::Code::NotRegular:
        if (e.detail == QLatin1String("dangling_symlink")) {
            return tr("The store is a link to %1, which does not exist. Nothing was changed.").arg(path);
        }
        if (e.detail == QLatin1String("symlink_loop")) {
            return tr("The store's links go round in circles (%1). Nothing was changed.").arg(path);
        }
        if (e.detail == QLatin1String("unsafe_symlink")) {
            return tr("%1 is reached through a link in a shared folder that TokenDesk does not follow (as "
                      "fs.protected_symlinks would not). Nothing was changed.")
                .arg(path);
        }
        return tr("%1 is not a regular file (a folder, device, pipe or a link TokenDesk does not follow). Nothing "
                  "was changed.")
            .arg(path);
    case PairingError::Code::FolderMissing:
        return tr("The folder of %1 does not exist. Nothing was changed.").arg(path);
    case PairingError::Code::Unreadable:
        return tr("%1 cannot be read: permission denied.").arg(path);
    case PairingError::Code::TooLarge:
        return tr("%1 is too large to be a mapping file.").arg(path);
    case PairingError::Code::NoSuchAccount:
        if (aboutDirectory(e)) {
            return tr("The directory %1 has no account \"%2\" (its user filter finds no entry). Nothing was changed.")
                .arg(path, shown(e.detail));
        }
        return tr("There is no account \"%1\" with a home folder on this system, so its %2 cannot be written.")
            .arg(shown(e.detail), path);
    case PairingError::Code::BadLogin:
        return tr("\"%1\" cannot be a login name: it is empty or holds spaces or control characters.")
            .arg(shown(e.detail));
    case PairingError::Code::BadCertificate:
        return tr("This certificate cannot be written to %1: pam_pkcs11 could not find it there (\"%2\").")
            .arg(path, shown(e.detail));
    case PairingError::Code::Conflict:
        if (aboutDirectory(e)) {
            return tr("This certificate is already paired with \"%1\" in %2; unpair it there first.")
                .arg(shown(e.detail), path);
        }
        return tr("This certificate is already paired with \"%1\" in %2 (line %3); pam_pkcs11 uses the first "
                  "entry, so unpair that first.")
            .arg(shown(e.detail), path, QString::number(e.line));
    case PairingError::Code::CoveredByPattern:
        return tr("Line %1 of %2 is a pattern that pairs this certificate with \"%3\". TokenDesk does not edit "
                  "patterns: change that line by hand.")
            .arg(QString::number(e.line), path, shown(e.detail));
    case PairingError::Code::PamStopsReading:
        return tr("%1 holds a NUL byte on line %2: pam_pkcs11 stops reading there, so nothing added after it would "
                  "work. Remove it first. Nothing was changed.")
            .arg(path, QString::number(e.line));
    case PairingError::Code::NotPaired:
        return tr("Nothing to unpair: %1 pairs no such certificate with \"%2\".").arg(path, shown(e.detail));
    case PairingError::Code::ConfigUnreadable:
        return e.osError ? tr("The pam_pkcs11 configuration %1 cannot be read: %2.")
                               .arg(path, QString::fromLocal8Bit(std::strerror(e.osError)))
                         : tr("The pam_pkcs11 configuration %1 cannot be read.").arg(path);
    case PairingError::Code::ConfigInvalid:
        return e.line > 0 ? tr("The pam_pkcs11 configuration %1 is not valid (line %2: %3).")
                                .arg(path, QString::number(e.line), shown(e.detail))
                          : tr("The pam_pkcs11 configuration %1 is not valid (%2).").arg(path, shown(e.detail));
    case PairingError::Code::BadStoreSpec:
        return tr("\"%1\" is not a pairing store: use KIND:PATH with KIND one of pam-digest, pam-subject, "
                  "pam-eid, ssh, or a directory's ldap:// or ldaps:// URL with its search base.")
            .arg(shown(e.detail));
    case PairingError::Code::DirectoryUnreachable:
        return tr("The directory %1 cannot be reached (%2). Nothing was changed.").arg(path, shown(e.detail));
    case PairingError::Code::DirectoryTimeout:
        return tr("The directory %1 did not answer in time. Nothing was changed.").arg(path);
    case PairingError::Code::TlsFailure:
        return tr("A secure connection to %1 could not be made (%2); TokenDesk does not fall back to plain "
                  "text. Check the CA file in the directory settings. Nothing was changed.")
            .arg(path, shown(e.detail));
    case PairingError::Code::InvalidCredentials:
        return tr("The directory %1 refused the bind DN or password. Nothing was changed.").arg(path);
    case PairingError::Code::PasswordNeeded:
        return tr("The directory %1 needs the password of %2 (Settings \u25B8 Directory\u2026). Nothing was changed.")
            .arg(path, shown(e.privilege));
    case PairingError::Code::AccessDenied:
        return tr("%1 may not change this entry of %2 (insufficient access): bind with a DN that may. Nothing "
                  "was changed.")
            .arg(e.privilege.isEmpty() ? tr("An anonymous bind") : shown(e.privilege), path);
    case PairingError::Code::SameSerialAndIssuer:
        return tr("\"%1\" already holds another certificate with the same serial number and issuer as this one; "
                  "the directory tells certificates apart only by those two, so it cannot hold both. Unpair the "
                  "other one first. Nothing was changed.")
            .arg(shown(e.detail));
    case PairingError::Code::Cancelled:
        return tr("Stopped. Nothing was changed.");
    case PairingError::Code::DirectoryError:
        return tr("The directory %1 answered with an error (%2, result %3). Nothing was changed.")
            .arg(path, shown(e.detail), QString::number(e.ldapResult));
    case PairingError::Code::Io:
        break;
    }
    return e.osError ? tr("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(e.osError)))
                     : tr("%1 could not be changed.").arg(path);
}

QString PairingText::warningCode(PairingWarning warning)
{
    switch (warning) {
    case PairingWarning::CarriageReturn:
        return QStringLiteral("carriage_return");
    case PairingWarning::Pattern:
        return QStringLiteral("pattern");
    case PairingWarning::Shadowed:
        return QStringLiteral("shadowed");
    case PairingWarning::IgnoredByPam:
        return QStringLiteral("ignored_by_pam");
    case PairingWarning::OtherCertificate:
        return QStringLiteral("other_certificate");
    }
    return QString();
}

QString PairingText::warning(PairingWarning warning)
{
    switch (warning) {
    case PairingWarning::CarriageReturn:
        return tr("The line ends in CR LF: pam_pkcs11 reads the login with a carriage return, which matches no "
                  "account.");
    case PairingWarning::Pattern:
        return tr("The key is a regular expression: it may pair several certificates.");
    case PairingWarning::Shadowed:
        return tr("An earlier line has the same key: pam_pkcs11 never reaches this one.");
    case PairingWarning::IgnoredByPam:
        return tr("pam_pkcs11's mapper does not read this kind of entry (sshd does).");
    case PairingWarning::OtherCertificate:
        return tr("The directory's rule finds this account, but its certificate is another one with the same "
                  "serial number and issuer.");
    }
    return QString();
}

QString PairingText::fitness(FitnessWarning warning)
{
    switch (warning) {
    case FitnessWarning::Expired:
        return tr("The certificate has expired.");
    case FitnessWarning::NotYetValid:
        return tr("The certificate is not valid yet.");
    case FitnessWarning::ExpiresSoon:
        return tr("The certificate expires within 30 days.");
    case FitnessWarning::NoDigitalSignature:
        return tr("The certificate's key usage does not allow digital signatures, which a login needs.");
    case FitnessWarning::NoLoginUsage:
        return tr("The certificate is not for client authentication or smart card logon (extended key usage).");
    case FitnessWarning::Untrusted:
        return tr("The certificate's chain does not end at a trusted root.");
    }
    return QString();
}

QString PairingText::source(const QString& mapper, const Pairing& pairing)
{
    const QString store = shown(pairing.store());
    if (pairing.storeKind == QLatin1String("ldap")) {
        return tr("SSSD's directory (%1)").arg(store); // not a pam_pkcs11 mapper
    }
    return pairing.line > 0 ? tr("%1 mapper (%2, line %3)").arg(shown(mapper), store, QString::number(pairing.line))
                            : tr("%1 mapper (%2)").arg(shown(mapper), store);
}

QString PairingText::note(const MapperNote& n)
{
    if (n.why == QLatin1String("not_managed")) {
        return tr("the %1 mapper is not evaluated by TokenDesk").arg(shown(n.mapper));
    }
    if (n.why == QLatin1String("no_mapfile")) {
        return tr("the %1 mapper has no mapfile").arg(shown(n.mapper));
    }
    if (n.why == QLatin1String("not_local_file")) {
        return tr("the %1 mapper's mapfile is not a file:// URL").arg(shown(n.mapper));
    }
    return tr("the %1 mapper's store could not be read: %2").arg(shown(n.mapper), error(n.error));
}

QString PairingText::answer(const LoginAnswer& a)
{
    QString text;
    if (a.found && !a.rule.isEmpty()) {
        text = tr("This card logs in as \"%1\": SSSD's rule %2 maps certificate %3 (%4) to the entry %5 of %6, "
                  "which holds this very certificate.")
                   .arg(shown(a.login), shown(a.rule), QString::number(a.certificate + 1), shown(a.pairing.subject),
                        shown(a.pairing.key), shown(a.pairing.storePath));
    } else if (a.found) {
        text = tr("This card logs in as \"%1\": certificate %2 (%3) is paired by the %4.")
                   .arg(shown(a.login), QString::number(a.certificate + 1), shown(a.pairing.subject),
                        source(a.mapper, a.pairing));
    } else if (!a.rule.isEmpty()) {
        text = tr("Nobody logs in with this card: SSSD's rule %1 gives the filter %2, which finds no account "
                  "holding this card's certificate.")
                   .arg(shown(a.rule), shown(a.filter));
    } else {
        text = tr("Nobody logs in with this card: no mapper pairs any of its certificates.");
    }
    for (const Pairing& other : a.otherCertificate) {
        text += QLatin1Char(' ') + tr("The rule also finds \"%1\" (%2), whose certificate is another one with the "
                                      "same serial number and issuer: not this card's.")
                                       .arg(shown(other.login), shown(other.key));
    }
    for (PairingWarning w : a.pairing.warnings) {
        if (a.found) {
            text += QLatin1Char(' ') + warning(w);
        }
    }
    if (!a.notes.isEmpty()) {
        QStringList notes;
        for (const MapperNote& n : a.notes) {
            notes.append(note(n));
        }
        text += QLatin1Char(' ') + tr("Not certain: %1.").arg(notes.join(QStringLiteral("; ")));
    }
    return text;
}

void PairingText::json(const Pairing& p, JsonLine& line)
{
    line.field("login", p.login)
        .field("store", p.store())
        .fieldOrNull("sha256", QString::fromLatin1(p.sha256))
        .fieldOrNull("subject", p.subject)
        .field("key", p.key);
    if (p.line > 0) {
        line.field("line", p.line);
    } else {
        line.null("line");
    }
    QStringList warnings;
    for (PairingWarning w : p.warnings) {
        warnings.append(warningCode(w));
    }
    line.strings("warnings", warnings);
}

QJsonObject PairingText::json(const Pairing& p)
{
    JsonLine line;
    json(p, line);
    return QJsonDocument::fromJson(line.finish()).object();
}

QJsonObject PairingText::json(const LoginAnswer& a)
{
    QJsonObject o;
    o.insert(key("found"), a.found);
    o.insert(key("login"), a.found ? QJsonValue(a.login) : QJsonValue());
    o.insert(key("mapper"), a.found ? QJsonValue(a.mapper) : QJsonValue());
    o.insert(key("pairing"), a.found ? QJsonValue(json(a.pairing)) : QJsonValue());
    QJsonArray notes;
    for (const MapperNote& n : a.notes) {
        notes.append(QJsonObject{{key("mapper"), n.mapper}, {key("why"), n.why}});
    }
    o.insert(key("not_evaluated"), notes);
    o.insert(key("certain"), !a.uncertain());
    if (!a.rule.isEmpty()) {
        o.insert(key("rule"), a.rule);
        o.insert(key("filter"), a.filter);
        QJsonArray others;
        for (const Pairing& other : a.otherCertificate) {
            others.append(QJsonObject{{key("login"), other.login}, {key("dn"), other.key}});
        }
        o.insert(key("other_certificate"), others);
    }
    return o;
}

} // namespace tokendesk
