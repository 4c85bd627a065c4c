#pragma once

#include "backend/x509/CertificateInfo.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace tokendesk {

/// A warning about a pairing line: it works differently from how it looks, or not at all.
enum class PairingWarning
{
    CarriageReturn, ///< CRLF line: pam_pkcs11 reads the login with a trailing "\r", which matches nobody
    Pattern,        ///< the key is a regular expression (^...$): it may match several certificates
    Shadowed,       ///< an earlier line has the same key: pam_pkcs11 stops at the first, this one is never used
    IgnoredByPam,   ///< the login stack's mapper cannot read this entry (an ssh key type it does not know)
    /// A directory's rule finds this account, but its certificate is another one (same serial
    /// number and issuer, other bytes): it is not this card's pairing.
    OtherCertificate,
};

/// One pairing as a store holds it: a login and what identifies the certificate there. Stores
/// that keep the whole certificate (pam-eid) know its SHA-256 and subject; the others keep a digest,
/// a subject or a public key, and the SHA-256 is known only once a present certificate matched it.
struct Pairing
{
    QString login;
    QString storeKind;  ///< "pam-digest", "pam-subject", "pam-eid", "ssh", "ldap"
    QString storePath;  ///< the file (per-user stores: the file of this login)
    QString key;        ///< the entry as the store holds it: digest text, subject line, ssh key, PEM's SHA-256
    QByteArray sha256;  ///< of the certificate's DER, lower-case hex; empty when the store does not tell
    QString subject;    ///< RFC 4514, when known
    int line = 0;       ///< 1-based line of the entry in storePath (0: not line based)
    QDateTime notAfter; ///< the certificate's, when known (as sha256)
    QList<PairingWarning> warnings;
    QString rule;   ///< "ldap" looked up by certificate: the SSSD mapping rule that found it
    QString filter; ///< ... and the LDAP filter the rule gave

    /// The store as --store names it: KIND:PATH, or a directory's URL.
    QString store() const
    {
        return storeKind == QLatin1String("ldap") ? storePath : storeKind + QLatin1Char(':') + storePath;
    }

    /// What a store that matched `certificate` now knows of it: SHA-256, subject, notAfter.
    void setCertificate(const CertificateInfo& certificate)
    {
        sha256 = certificate.sha256.toHex();
        subject = certificate.subject;
        notAfter = certificate.notAfter;
    }

    bool operator==(const Pairing& o) const
    {
        return login == o.login && storeKind == o.storeKind && storePath == o.storePath && key == o.key &&
               sha256 == o.sha256 && subject == o.subject && line == o.line && notAfter == o.notAfter &&
               warnings == o.warnings && rule == o.rule && filter == o.filter;
    }
};

/// What pair() did.
enum class PairOutcome
{
    Added,
    AlreadyPaired, ///< the same certificate and login were there: nothing written
};

} // namespace tokendesk
