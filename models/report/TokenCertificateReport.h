#pragma once

#include "JsonFields.h"
#include "ReportOutline.h"
#include "SerialMask.h"
#include "backend/pkcs11/UriResolver.h"
#include "backend/x509/ChainVerifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QTextStream>

namespace tokendesk {

/// Certificates on tokens as `report` and `cert show URI` write them.
class TokenCertificateReport
{
    // The words were written for `report` and are translated under that name.
    Q_DECLARE_TR_FUNCTIONS(TokenCertificates)
public:
    /// The `report` entry: DESIGN.md's minimal keys (subject, sha256, uri, token_serial,
    /// has_private_key, not_after, pairings) and the details.
    static QJsonObject json(const TokenInfo& token, const CertificateEntry& entry, const QDateTime& now,
                            const SerialMask& mask = SerialMask());
    /// json()'s members, unsorted (ReportDocument writes them without a QJsonObject).
    static JsonFields fields(const TokenInfo& token, const CertificateEntry& entry, const QDateTime& now,
                             const SerialMask& mask = SerialMask());
    /// What `cert show URI --json` adds to the file's JSON: where the certificate is, its key.
    static void addTokenFields(QJsonObject& o, const TokenInfo& token, const CertificateEntry& entry,
                               const SerialMask& mask = SerialMask());
    static void addTokenFields(JsonFields& o, const TokenInfo& token, const CertificateEntry& entry,
                               const SerialMask& mask = SerialMask());
    /// A few lines for `report`'s text, under the token (depth 2 and 3).
    static void addText(const CertificateEntry& entry, const QDateTime& now, const SerialMask& mask,
                        ReportOutline& out);

    /// The chain of a certificate on a token, with the tokens' other CA certificates as intermediates.
    static ChainResult verifyOnTokens(const CertificateInfo& info, const QList<Pkcs11Token>& tokens,
                                      const QDateTime& now);
    /// `cert show URI --json` for a readable certificate: the file's document with the token's fields.
    static QJsonObject showJson(const FoundCertificate& found, const ChainResult& chain, const QDateTime& now);
    /// `cert show URI`'s text for a readable certificate.
    static void printShowText(const FoundCertificate& found, const ChainResult& chain, const QDateTime& now,
                              QTextStream& out);

    /// "present", "expected", "none".
    static QString keyStateCode(CertificateEntry::KeyState state);
};

} // namespace tokendesk
