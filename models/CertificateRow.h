#pragma once

#include "backend/pkcs11/Identity.h"
#include "backend/pkcs11/TokenInfo.h"

#include <QDateTime>
#include <QVariant>

namespace tokendesk {

/// A certificate as a row, read the same in every model that lists certificates (the token
/// tree, the identities list, later the pairings): its words, colours, search text and key.
/// Columns and roles are TokenTreeModel's, which the navigation shows for all of them.
class CertificateRow
{
public:
    /// What `role` of `column` holds for the certificate, expiry computed against `now`.
    static QVariant data(const CertificateEntry& entry, const TokenInfo& token, int column, int role,
                         const QDateTime& now);
    /// Lower-case words to filter on: subject, issuer, serial, fingerprints, URI, label, the token's label.
    static QString searchText(const CertificateEntry& entry, const TokenInfo& token);
    /// What tells an identity apart from another of the same name on its token: the key's role from
    /// the certificate's (else the private key's) CKA_LABEL, e.g. "PIV Authentication", and the key
    /// type ("PIV Authentication, RSA 2048 bits"); empty for a certificate without a key, or when the
    /// labels only repeat `name`. Shown after the name in every list of certificates.
    static QString distinction(const CertificateEntry& entry, const QString& name);
    /// The role part of distinction(): the label without OpenSC's "Certificate for ".
    static QString role(const CertificateEntry& entry, const QString& name);
    /// The row's key within its token: URI and SHA-256 (RowKeys makes it unique).
    static QString key(const CertificateEntry& entry);
};

} // namespace tokendesk
