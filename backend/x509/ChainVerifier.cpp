#include "ChainVerifier.h"

#include "CertificateFields.h"
#include "CertificateParser.h"
#include "backend/common/CFree.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

namespace tokendesk {

namespace {
using X509Ptr = CPtr<X509, X509_free>;
using Store = CPtr<X509_STORE, X509_STORE_free>;
using StoreContext = CPtr<X509_STORE_CTX, X509_STORE_CTX_free>;

void freeCertificates(STACK_OF(X509) * stack)
{
    sk_X509_pop_free(stack, X509_free);
}
using Certificates = CPtr<STACK_OF(X509), freeCertificates>;

X509Ptr decode(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

ChainResult failure(const CertificateInfo& leaf, int code)
{
    ChainResult result;
    result.status = ChainStatus::Other;
    result.verifyError = code;
    result.verifyErrorText = QString::fromUtf8(X509_verify_cert_error_string(code));
    result.errorDepth = 0;
    result.chain = {leaf};
    return result;
}
} // namespace

ChainStatus ChainVerifier::statusFor(int verifyError)
{
    switch (verifyError) {
    case X509_V_OK:
        return ChainStatus::Trusted;
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_CERT_UNTRUSTED:
    case X509_V_ERR_CERT_REJECTED:
        return ChainStatus::UntrustedRoot;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        return ChainStatus::MissingIssuer;
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return ChainStatus::Expired;
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return ChainStatus::NotYetValid;
    case X509_V_ERR_CERT_REVOKED:
        return ChainStatus::Revoked;
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
    case X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY:
        return ChainStatus::SignatureFailure;
    default:
        return ChainStatus::Other;
    }
}

ChainResult ChainVerifier::verify(const CertificateInfo& leaf) const
{
    ERR_clear_error();
    // A certificate whose names had to be repaired does not decode as it is: no chain to speak of.
    const X509Ptr cert = decode(leaf.der);
    Store store(X509_STORE_new());
    Certificates untrusted(sk_X509_new_null());
    StoreContext context(X509_STORE_CTX_new());
    if (!cert || !store || !untrusted || !context) {
        ERR_clear_error();
        return failure(leaf, X509_V_ERR_UNSPECIFIED);
    }
    if (m_systemTrust && X509_STORE_set_default_paths(store.get()) != 1) {
        // No system store (a container without ca-certificates): only the caller's anchors then.
        ERR_clear_error();
    }
    for (const CertificateInfo& anchor : m_anchors) {
        if (const X509Ptr a = decode(anchor.der)) {
            X509_STORE_add_cert(store.get(), a.get()); // takes its own reference; a duplicate is not an error
        }
    }
    for (const CertificateInfo& intermediate : m_intermediates) {
        if (X509Ptr i = decode(intermediate.der)) {
            if (sk_X509_push(untrusted.get(), i.get()) > 0) {
                static_cast<void>(i.release());
            }
        }
    }
    ERR_clear_error();
    if (X509_STORE_CTX_init(context.get(), store.get(), cert.get(), untrusted.get()) != 1) {
        ERR_clear_error();
        return failure(leaf, X509_V_ERR_UNSPECIFIED);
    }
    const QDateTime at = m_time.isValid() ? m_time : QDateTime::currentDateTimeUtc();
    X509_STORE_CTX_set_time(context.get(), 0, static_cast<time_t>(at.toSecsSinceEpoch()));

    const int verified = X509_verify_cert(context.get());
    ChainResult result;
    result.verifyError = verified == 1 ? X509_V_OK : X509_STORE_CTX_get_error(context.get());
    if (verified != 1 && result.verifyError == X509_V_OK) {
        result.verifyError = X509_V_ERR_UNSPECIFIED; // failed before checking anything (out of memory, ...)
    }
    result.status = statusFor(result.verifyError);
    result.verifyErrorText = QString::fromUtf8(X509_verify_cert_error_string(result.verifyError));
    result.errorDepth = verified == 1 ? -1 : X509_STORE_CTX_get_error_depth(context.get());

    const Certificates chain(X509_STORE_CTX_get1_chain(context.get()));
    for (int i = 0; chain && i < sk_X509_num(chain.get()); ++i) {
        X509* c = sk_X509_value(chain.get(), i);
        if (i == 0) {
            result.chain.append(leaf); // as given: keeps a repaired leaf's snapshot
            continue;
        }
        unsigned char* der = nullptr;
        const int length = i2d_X509(c, &der);
        if (length > 0) {
            auto info = CertificateParser::parseDer(QByteArray(reinterpret_cast<const char*>(der), length));
            if (info) {
                result.chain.append(std::move(info).value());
            }
        }
        OPENSSL_free(der);
    }
    if (result.chain.isEmpty()) {
        result.chain.append(leaf);
    }
    ERR_clear_error();
    return result;
}

} // namespace tokendesk
