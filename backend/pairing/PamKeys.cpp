#include "PamKeys.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace tokendesk {

namespace {
struct X509Free
{
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr parse(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, der.size()));
}

// pam_pkcs11 copies the subject into a 256-byte buffer.
constexpr int kPamSubjectBuffer = 256;
} // namespace

bool PamKeys::knownDigest(const QString& algorithm)
{
    return EVP_get_digestbyname(algorithm.toLatin1().constData()) != nullptr;
}

QByteArray PamKeys::digest(const QByteArray& der, const QString& algorithm)
{
    const X509Ptr x509 = parse(der);
    if (!x509) {
        return QByteArray();
    }
    const EVP_MD* md = EVP_get_digestbyname(algorithm.toLatin1().constData());
    if (!md) {
        md = EVP_sha1();
    }
    unsigned char buffer[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(x509.get(), md, buffer, &length) != 1 || length == 0) {
        return QByteArray();
    }
    return QByteArray(reinterpret_cast<const char*>(buffer), int(length)).toHex(':').toUpper();
}

QByteArray PamKeys::subject(const QByteArray& der, bool* complete)
{
    const X509Ptr x509 = parse(der);
    const X509_NAME* name = x509 ? X509_get_subject_name(x509.get()) : nullptr;
    if (!name) {
        if (complete) {
            *complete = false;
        }
        return QByteArray();
    }
    if (complete) {
        char* whole = X509_NAME_oneline(name, nullptr, 0);
        *complete = whole && qstrlen(whole) < kPamSubjectBuffer;
        OPENSSL_free(whole);
    }
    // The same call as pam_pkcs11's, so a long name is cut where it cuts it (at an attribute).
    char buffer[kPamSubjectBuffer] = {};
    return QByteArray(X509_NAME_oneline(name, buffer, kPamSubjectBuffer) ? buffer : "");
}

} // namespace tokendesk
