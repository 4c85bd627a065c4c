#pragma once

#include "CertificateInfo.h"

#include <QByteArray>
#include <QList>

namespace tokendesk {

enum class CertificateFormat
{
    Pem,
    Der,
};

/// Certificates as bytes to write: DER as read, or PEM as OpenSSL writes it (64-column base64
/// between "-----BEGIN CERTIFICATE-----" lines). Writing the file (QSaveFile) is the caller's.
class CertificateExport
{
public:
    [[nodiscard]] static QByteArray toDer(const CertificateInfo& certificate);
    [[nodiscard]] static QByteArray toPem(const CertificateInfo& certificate);
    /// A PEM bundle, one block per certificate in order (e.g. a chain, leaf first).
    [[nodiscard]] static QByteArray toPem(const QList<CertificateInfo>& certificates);
    [[nodiscard]] static QByteArray encode(const CertificateInfo& certificate, CertificateFormat format);
};

} // namespace tokendesk
