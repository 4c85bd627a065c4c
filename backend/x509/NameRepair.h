#pragma once

// Internal to backend/x509.

#include <QByteArray>
#include <optional>

namespace tokendesk {

/// OpenSSL refuses a certificate whose issuer or subject holds a UTF8String that is not UTF-8 (Latin-1
/// written by old issuing software), or a BMPString/UniversalString of the wrong length: it canonicalises
/// names while decoding. NameRepair rewrites such values as UTF8Strings with U+FFFD for the bad bytes,
/// fixing the DER lengths around them, so the rest of the certificate can be read. Its signature no longer
/// matches, which is fine for showing it.
class NameRepair
{
public:
    /// Where a DER TLV sits in a buffer (definite lengths only; single-byte tags).
    struct Tlv
    {
        quint8 tag = 0;
        qsizetype offset = 0;  ///< of the tag
        qsizetype content = 0; ///< of the first content byte
        qsizetype length = 0;  ///< of the content
        qsizetype end() const { return content + length; }
    };

    enum class Header
    {
        Ok,
        Incomplete, ///< the buffer ends inside the header or the content
        Invalid,    ///< a multi-byte tag, indefinite or oversized length
    };

    /// Reads the TLV header at `offset`; `limit` is where the enclosing content ends.
    static Header read(const QByteArray& data, qsizetype offset, qsizetype limit, Tlv* tlv);
    static QByteArray encode(quint8 tag, const QByteArray& content);

    /// The certificate with its names repaired, or nothing when there was nothing to repair or the DER
    /// does not have the shape of a certificate.
    static std::optional<QByteArray> repair(const QByteArray& certificate);
};

} // namespace tokendesk
