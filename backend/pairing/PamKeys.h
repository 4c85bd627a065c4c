#pragma once

#include <QByteArray>
#include <QString>

namespace tokendesk {

/// The keys pam_pkcs11's mappers look a certificate up by, computed as pam_pkcs11 0.6 computes them
/// (src/common/cert_info.c), so that what TokenDesk writes is what the login stack will find.
class PamKeys
{
public:
    /// The digest mapper's key: X509_digest of the whole certificate with `algorithm` as OpenSSL names
    /// it ("sha1", "sha256", ...; an unknown name is SHA-1, as the mapper falls back), upper-case hex
    /// with colons. Empty for DER OpenSSL does not read.
    static QByteArray digest(const QByteArray& der, const QString& algorithm);
    /// Whether the digest mapper knows `algorithm` (else it uses SHA-1).
    static bool knownDigest(const QString& algorithm);
    /// The subject mapper's key: X509_NAME_oneline ("/C=DE/O=.../CN=...") into pam_pkcs11's 256-byte
    /// buffer, so a longer name is cut where the mapper cuts it. `complete` (may be null) is false when the name was
    /// longer.
    static QByteArray subject(const QByteArray& der, bool* complete = nullptr);
};

} // namespace tokendesk
