#pragma once

#include <QString>

namespace tokendesk {

/// Why a certificate could not be read. The code is for the UI's sentence, the detail for logs.
struct X509Error
{
    enum class Code
    {
        Empty,           ///< no bytes at all
        Truncated,       ///< the DER announces more bytes than there are
        NotACertificate, ///< DER that is not a certificate, or PEM without a CERTIFICATE block
        BadPem,          ///< a CERTIFICATE block whose base64 or framing is broken
        Unreadable,      ///< the file could not be opened or read
        TooLarge,        ///< the file is larger than any certificate bundle (kMaxFileSize)
        Internal,        ///< OpenSSL failed where it should not (out of memory, ...)
    };

    static constexpr qint64 kMaxFileSize = 32 * 1024 * 1024;

    Code code = Code::NotACertificate;
    /// OpenSSL's error queue ("error:0680007B:asn1 encoding routines::header too long"), or the file error.
    QString detail;
    QString path; ///< for parseFile

    /// "truncated", "not_a_certificate", ...: for JSON and logs.
    QString codeName() const;

    bool operator==(const X509Error& o) const { return code == o.code && detail == o.detail && path == o.path; }
};

} // namespace tokendesk
