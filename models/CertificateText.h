#pragma once

#include "backend/x509/CertificateBundle.h"
#include "backend/x509/CertificateInfo.h"
#include "backend/x509/ChainVerifier.h"
#include "backend/x509/X509Error.h"

#include <QCoreApplication>

namespace tokendesk {

/// Words for certificates, for people: the backend gives enums and codes. Algorithm, OID and
/// extension names are names and are not translated.
class CertificateText
{
    Q_DECLARE_TR_FUNCTIONS(CertificateText)
public:
    /// "Valid", "Expired", "Not yet valid", "Expires soon".
    static QString validity(CertificateValidity validity);
    /// "Expires in 12 days.", "Expired 3 days ago.", "Valid from 1 March 2030." ...
    static QString validityDetails(const CertificateInfo& info, const QDateTime& now);
    /// For a tree column: "Valid until 2027-03-03", "Expires in 12 days", "Expired 3 days ago",
    /// "Not valid before 2030-03-01".
    static QString validityShort(const CertificateInfo& info, const QDateTime& now);
    /// For a page: "Valid until 3 March 2027 (98 days)", "Expired 4 days ago (2 March 2026)",
    /// "Not valid before 1 March 2030".
    static QString validitySentence(const CertificateInfo& info, const QDateTime& now);
    static QString keyAlgorithm(KeyAlgorithm algorithm);
    /// "RSA 2048 bits", "EC P-256 (prime256v1)", "Ed25519", "1.2.643.2.2.19".
    static QString key(const PublicKeyInfo& key);
    static QString generalNameType(GeneralName::Type type);
    /// "DNS: example.org", "UPN: user@example.org", "Other name 1.2.3: 0C:03:...".
    static QString generalName(const GeneralName& name);
    static QString keyUsage(KeyUsage usage);
    /// "Smart card logon", "TLS client authentication", ...; the name (or OID) for unknown ones.
    static QString extendedKeyUsage(const ExtendedKeyUsage& usage);
    /// "CA, path length 0", "Not a CA".
    static QString basicConstraints(const BasicConstraints& constraints);
    static QString chainStatus(ChainStatus status);
    /// One sentence on why a certificate could not be read, naming the file when there is one.
    static QString error(const X509Error& error);
    /// What a certificate file held besides certificates ("skipped 12 bytes of text that is not PEM; ...").
    static QString bundleSkipped(const CertificateBundle& bundle);
    /// "2026-11-22 13:20:09 UTC"; "unknown" for an invalid time.
    static QString dateTime(const QDateTime& time);
};

} // namespace tokendesk
