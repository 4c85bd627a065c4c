#pragma once

#include "CertificateInfo.h"

#include <QDateTime>
#include <QList>

namespace tokendesk {

enum class ChainStatus
{
    Trusted,          ///< the chain ends at a trust anchor and every check passed
    UntrustedRoot,    ///< the chain ends at a self-signed certificate nobody trusts (or is one)
    MissingIssuer,    ///< an issuer could be found neither among the anchors nor the intermediates
    Expired,          ///< a certificate of the chain had expired at the time checked
    NotYetValid,      ///< a certificate of the chain was not valid yet
    Revoked,          ///< only with CRLs, which the verifier is not given yet
    SignatureFailure, ///< a signature does not verify (a tampered or mis-issued certificate)
    Other,            ///< any other failure: see ChainResult::verifyError
};

struct ChainResult
{
    ChainStatus status = ChainStatus::Other;
    /// OpenSSL's X509_V_ERR_* value (0 when trusted), and its text for logs.
    int verifyError = 0;
    QString verifyErrorText;
    /// Which certificate of the chain the error is about (0: the leaf); -1 when trusted.
    int errorDepth = -1;
    /// Leaf first, as far as OpenSSL could build it; at least the leaf.
    QList<CertificateInfo> chain;

    bool trusted() const { return status == ChainStatus::Trusted; }
    bool operator==(const ChainResult& o) const
    {
        return status == o.status && verifyError == o.verifyError && verifyErrorText == o.verifyErrorText &&
               errorDepth == o.errorDepth && chain == o.chain;
    }
};

/// Builds and checks the chain of a certificate with OpenSSL's X509_STORE_CTX: trust anchors from the
/// system store (OpenSSL's default verify paths: Debian's ca-certificates, or SSL_CERT_FILE / SSL_CERT_DIR)
/// and the caller's anchors, intermediates from the caller (certificates found on tokens). Revocation is
/// not checked. A value type; verify() is const and may run on any thread.
class ChainVerifier
{
public:
    /// Trust the system store (default: yes).
    void setSystemTrust(bool enabled) { m_systemTrust = enabled; }
    /// Extra trust anchors, e.g. a company CA not in the system store.
    void setTrustAnchors(const QList<CertificateInfo>& anchors) { m_anchors = anchors; }
    /// Candidates for the intermediate certificates; unknown ones are simply not used.
    void setIntermediates(const QList<CertificateInfo>& intermediates) { m_intermediates = intermediates; }
    /// The time to check validity at; invalid (the default) means now.
    void setTime(const QDateTime& time) { m_time = time; }

    [[nodiscard]] ChainResult verify(const CertificateInfo& leaf) const;

    /// The status for an X509_V_ERR_* value.
    static ChainStatus statusFor(int verifyError);

private:
    bool m_systemTrust = true;
    QList<CertificateInfo> m_anchors;
    QList<CertificateInfo> m_intermediates;
    QDateTime m_time;
};

} // namespace tokendesk
