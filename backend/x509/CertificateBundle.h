#pragma once

#include "CertificateInfo.h"
#include "X509Error.h"
#include "backend/common/Result.h"

#include <QByteArray>
#include <QList>

namespace tokendesk {

/// A certificate file as `cert show` and the window read it: PEM text with any number of blocks
/// (or one DER certificate), located and base64-decoded but not parsed. Parsing is per certificate,
/// on demand: showing the first of a 30,000-certificate CA bundle parses one, not 30,000 (issue
/// #16: 6.6 s and 1 GB before). What is not a certificate is counted, so the caller can say what it
/// skipped: text outside blocks (garbage, NUL bytes), other blocks (keys, CRLs, encrypted ones) and
/// certificate blocks whose base64 or END line is broken.
class CertificateBundle
{
public:
    /// More are not read (the file limit, X509Error::kMaxFileSize, allows ~160,000 small ones).
    static constexpr qsizetype kMaxCertificates = 50000;
    /// Issuers looked for above a certificate: deeper chains are not real.
    static constexpr int kMaxChainDepth = 10;

    /// PEM when the data holds a "-----BEGIN " line, DER otherwise. Errors: Empty; NotACertificate
    /// (no certificate block); BadPem (certificate blocks, every one of them broken).
    [[nodiscard]] static Result<CertificateBundle, X509Error> read(const QByteArray& data);

    qsizetype count() const { return m_certificates.size(); }
    const QByteArray& der(qsizetype index) const { return m_certificates.at(index); }
    [[nodiscard]] Result<CertificateInfo, X509Error> parse(qsizetype index) const;

    /// The certificates of the bundle that `leaf`'s chain may go through: those whose subject is, as
    /// DER, the issuer of the leaf or of one already taken, up to kMaxChainDepth levels; each parsed.
    /// Only the names are read of the others. (RFC 5280 issuers encode the name they put in a
    /// certificate as in their own: a CA that re-encodes it is not found here.)
    QList<CertificateInfo> issuersOf(const CertificateInfo& leaf) const;

    qsizetype skippedBytes() const { return m_skippedBytes; } ///< non-blank text outside blocks
    int otherBlocks() const { return m_otherBlocks; }         ///< keys, CRLs, encrypted blocks, ...
    int brokenBlocks() const { return m_brokenBlocks; }       ///< certificate blocks that do not decode
    bool truncated() const { return m_truncated; }            ///< more than kMaxCertificates
    bool skippedAnything() const { return m_skippedBytes > 0 || m_otherBlocks > 0 || m_brokenBlocks > 0; }

private:
    void readPem(const QByteArray& data);
    void finishBlock(const QByteArray& label, const QByteArray& body, bool headers, bool ended);

    QList<QByteArray> m_certificates;
    qsizetype m_skippedBytes = 0;
    int m_otherBlocks = 0;
    int m_brokenBlocks = 0;
    bool m_truncated = false;
};

} // namespace tokendesk
