#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace tokendesk {

/// The few fields a list of pairings shows, read by walking the DER of the TBSCertificate (the
/// subject decoded by OpenSSL) instead of OpenSSL's whole parse (extensions, key, signature): a
/// directory of 10,000 certificates is listed at the speed of ldapsearch.
struct CertificateSummary
{
    QByteArray sha256; ///< of the DER, raw bytes
    QString subject;   ///< RFC 4514, as CertificateInfo::subject
    QDateTime notAfter;

    /// Null when `der` is not one DER certificate (structure, lengths, trailing bytes, dates).
    static std::optional<CertificateSummary> read(const QByteArray& der);
    /// The decimal serial number of a certificate whose serial is `hex` (CertificateInfo::serial):
    /// as SSSD's {serial_number!dec} and OpenLDAP's certificateExactMatch take it. Empty when not hex.
    static QString decimalSerial(const QString& hex);
};

} // namespace tokendesk
