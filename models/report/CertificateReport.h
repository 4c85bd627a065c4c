#pragma once

#include "backend/x509/CertificateBundle.h"
#include "backend/x509/CertificateInfo.h"
#include "backend/x509/ChainVerifier.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace tokendesk {

/// One certificate as `tokendesk cert show --json` writes it, and as its text: the same
/// document for a file, a token, or the window's export.
class CertificateReport
{
    // The words were written for `cert show` and are translated under its name.
    Q_DECLARE_TR_FUNCTIONS(CertCommand)
public:
    static QJsonObject toJson(const CertificateInfo& info, const ChainResult& chain, const QDateTime& now);
    static void printText(const CertificateInfo& info, const ChainResult& chain, const QDateTime& now,
                          QTextStream& out);
    /// `cert show FILE --json`'s "file": what the file held besides the certificate shown.
    static QJsonObject fileJson(const CertificateBundle& file);
    /// The text's line about a file of several certificates (nothing for one).
    static void printFileText(const CertificateBundle& file, QTextStream& out);

    /// Digests and key identifiers: lower-case hex without separators, as sha256sum prints them.
    static QJsonValue hexOrNull(const QByteArray& bytes);
    /// hexOrNull's text: lowercase hex, empty for no bytes.
    static QString hexText(const QByteArray& bytes);
    /// ISO 8601 in UTC.
    static QJsonValue isoOrNull(const QDateTime& time);
    /// isoOrNull's text: empty for an invalid time (and where Qt writes none: years past 9999).
    static QString isoText(const QDateTime& time);
    /// {"algorithm", "oid", "bits", "curve", "nist_curve"}
    static QJsonObject keyJson(const PublicKeyInfo& key);
    /// keyJson's "algorithm", "bits" and "curve" only: the report's certificates.
    static QJsonObject keySummaryJson(const PublicKeyInfo& key);
    static QJsonArray keyUsageJson(const CertificateInfo& info);
    static QJsonArray extendedKeyUsageJson(const CertificateInfo& info);

    /// "valid", "expired", "not_yet_valid", "expires_soon".
    static QString validityCode(CertificateValidity validity);
    /// "trusted", "untrusted_root", "missing_issuer", ...
    static QString chainStatusCode(ChainStatus status);
};

} // namespace tokendesk
