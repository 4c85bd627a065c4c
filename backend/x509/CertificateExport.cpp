#include "CertificateExport.h"

#include "backend/common/CFree.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace tokendesk {

QByteArray CertificateExport::toDer(const CertificateInfo& certificate)
{
    return certificate.der;
}

QByteArray CertificateExport::toPem(const CertificateInfo& certificate)
{
    if (certificate.der.isEmpty()) {
        return {};
    }
    // PEM_write_bio of the bytes as read, not PEM_write_bio_X509 of a decoded copy: the export is the
    // certificate the token holds, even where its names had to be repaired to be shown.
    CPtr<BIO, BIO_free> bio(BIO_new(BIO_s_mem()));
    const auto* data = reinterpret_cast<const unsigned char*>(certificate.der.constData());
    if (!bio || PEM_write_bio(bio.get(), PEM_STRING_X509, "", data, static_cast<long>(certificate.der.size())) <= 0) {
        ERR_clear_error();
        return {};
    }
    char* text = nullptr;
    const long size = BIO_ctrl(bio.get(), BIO_CTRL_INFO, 0, &text);
    return size > 0 && text ? QByteArray(text, static_cast<qsizetype>(size)) : QByteArray();
}

QByteArray CertificateExport::toPem(const QList<CertificateInfo>& certificates)
{
    QByteArray out;
    for (const CertificateInfo& c : certificates) {
        out += toPem(c);
    }
    return out;
}

QByteArray CertificateExport::encode(const CertificateInfo& certificate, CertificateFormat format)
{
    return format == CertificateFormat::Der ? toDer(certificate) : toPem(certificate);
}

} // namespace tokendesk
