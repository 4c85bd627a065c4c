#pragma once

#include "ImportError.h"
#include "backend/x509/CertificateInfo.h"
#include "backend/x509/Pkcs12Reader.h"

#include <QList>
#include <optional>

namespace tokendesk {

/// What importing a .p12 will write, and what the user should know first: each private key
/// with the certificate that has its public key (an identity), the other certificates (the
/// chain, stored as they are, trusted for nothing), and the warnings of the preview.
struct ImportPlan
{
    struct Identity
    {
        int key = -1;         ///< in Pkcs12Contents::keys
        int certificate = -1; ///< in Pkcs12Contents::certificates
        CertificateInfo info; ///< the certificate, parsed
        QString label;        ///< CKA_LABEL of key and certificate: the friendly name, else the CN
        QByteArray id;        ///< CKA_ID of key and certificate: SHA-1 of the public key
        QString keyType;      ///< "RSA 2048", "EC P-256"
    };
    struct Warning
    {
        enum class Code
        {
            Expired,        ///< `detail`: the certificate's subject; its notAfter is past
            NotYetValid,    ///< notBefore is to come
            ExpiresSoon,    ///< within CertificateInfo::kExpiresSoonDays
            WeakEncryption, ///< RC2, 3DES or a SHA-1 MAC (`detail`: the algorithms)
            NotCa,          ///< a certificate of the chain that is no CA certificate (`detail`: its subject)
        };
        Code code;
        QString detail;
        bool operator==(const Warning& o) const { return code == o.code && detail == o.detail; }
    };

    QList<Identity> identities;
    QList<CertificateInfo> chain; ///< every certificate that is not an identity's, in file order
    QList<Warning> warnings;
    /// Why there is nothing to import (no private key, a key without its certificate, a key type
    /// TokenDesk does not import, a certificate that does not parse). Empty: importable.
    std::optional<ImportError> blocker;

    bool importable() const { return !blocker && !identities.isEmpty(); }

    /// Pairs keys and certificates by public key (not by localKeyId, which a key and a certificate
    /// that do not belong together can share), at `now`.
    static ImportPlan make(const Pkcs12Contents& contents, const QDateTime& now = QDateTime::currentDateTimeUtc());
};

} // namespace tokendesk
