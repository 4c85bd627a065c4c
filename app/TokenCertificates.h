#pragma once

#include "backend/pkcs11/Identity.h"
#include "backend/pkcs11/ModuleRegistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QTextStream>

namespace tokendesk {

/// The certificates of tokens as `report` and `cert show|export URI` print them.
class TokenCertificates
{
    Q_DECLARE_TR_FUNCTIONS(TokenCertificates)
public:
    /// A certificate and the token it is on.
    struct Found
    {
        TokenInfo token;
        CertificateEntry entry;
    };

    /// The certificates a URI names, each with its key state (without login): TokenNotPresent
    /// when no token the URI names is present, ObjectNotFound when none of them has such a
    /// certificate. `tokens` (may be null) receives the tokens the URI matched.
    [[nodiscard]] static Result<QList<Found>, Pkcs11Error> find(const ModuleRegistry& registry, const Pkcs11Uri& uri,
                                                                QList<Pkcs11Token>* tokens = nullptr);

    /// The `report` entry: DESIGN.md's minimal keys (subject, sha256, uri, token_serial,
    /// has_private_key, not_after, pairings) and the details.
    static QJsonObject json(const TokenInfo& token, const CertificateEntry& entry, const QDateTime& now);
    /// What `cert show URI --json` adds to the file's JSON: where the certificate is, its key.
    static void addTokenFields(QJsonObject& o, const TokenInfo& token, const CertificateEntry& entry);
    /// A few lines for `report`'s text, indented under the token.
    static void printText(const CertificateEntry& entry, const QDateTime& now, QTextStream& out);

    /// "present", "expected", "none".
    static QString keyStateCode(CertificateEntry::KeyState state);
};

} // namespace tokendesk
