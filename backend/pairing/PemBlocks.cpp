#include "PemBlocks.h"

#include "backend/common/CFree.h"

#include <climits>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace tokendesk {

namespace {

/// The line without its line end and trailing white space, as OpenSSL's PEM reader compares it.
QByteArray content(const QByteArray& line)
{
    qsizetype n = line.size();
    while (n > 0 &&
           (line.at(n - 1) == '\n' || line.at(n - 1) == '\r' || line.at(n - 1) == ' ' || line.at(n - 1) == '\t')) {
        --n;
    }
    return line.left(n);
}

bool isBegin(const QByteArray& text, QByteArray* label)
{
    if (!text.startsWith("-----BEGIN ") || !text.endsWith("-----") || text.size() < 16) {
        return false;
    }
    *label = text.mid(11, text.size() - 16);
    return true;
}

CPtr<BIO, BIO_free> memoryOf(const QByteArray& bytes)
{
    return CPtr<BIO, BIO_free>(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
}

/// Reads the block alone as OpenSSL would in a file: its DER if it is a certificate, and whether
/// a PEM_read_bio_X509 loop fails on it.
void examine(PemBlock& block, const QByteArray& bytes)
{
    if (bytes.size() > INT_MAX / 2) {
        block.stopsReading = true;
        return;
    }
    {
        auto bio = memoryOf(bytes);
        char* name = nullptr;
        char* header = nullptr;
        unsigned char* data = nullptr;
        long length = 0;
        const bool read = bio && PEM_read_bio(bio.get(), &name, &header, &data, &length) == 1;
        OPENSSL_free(name);
        OPENSSL_free(header);
        OPENSSL_free(data);
        if (!read) {
            block.stopsReading = true;
            ERR_clear_error();
            return;
        }
    }
    auto bio = memoryOf(bytes);
    const CPtr<X509, X509_free> cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (cert) {
        unsigned char* der = nullptr;
        const int length = i2d_X509(cert.get(), &der);
        if (length > 0) {
            block.der = QByteArray(reinterpret_cast<const char*>(der), length);
        }
        OPENSSL_free(der);
    } else if (block.label == "CERTIFICATE" || block.label == "X509 CERTIFICATE") {
        block.stopsReading = true; // well-formed PEM, but not a certificate inside
    }
    ERR_clear_error();
}

} // namespace

QList<PemBlock> PemBlocks::split(const QByteArray& data)
{
    QList<PemBlock> blocks;
    PemBlock open;
    bool inBlock = false;
    const auto close = [&](qsizetype end, bool complete) {
        open.end = end;
        open.complete = complete;
        examine(open, open.bytesOf(data));
        blocks.append(open);
        open = PemBlock();
        inBlock = false;
    };
    qsizetype start = 0;
    int number = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        end = end < 0 ? data.size() : end + 1;
        ++number;
        const QByteArray text = content(data.mid(start, end - start));
        QByteArray label;
        if (isBegin(text, &label)) {
            if (inBlock) {
                close(start, false);
            }
            open.begin = start;
            open.line = number;
            open.label = label;
            inBlock = true;
        } else if (inBlock && text.startsWith("-----END ")) {
            close(end, true);
        }
        start = end;
    }
    if (inBlock) {
        close(data.size(), false);
    }
    return blocks;
}

int PemBlocks::certificatesReadByOpenSsl(const QByteArray& data)
{
    if (data.size() > INT_MAX / 2) {
        return 0;
    }
    auto bio = memoryOf(data);
    int count = 0;
    while (bio) {
        const CPtr<X509, X509_free> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        if (!cert) {
            break;
        }
        ++count;
    }
    ERR_clear_error();
    return count;
}

QByteArray PemBlocks::toPem(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    const CPtr<X509, X509_free> cert(d2i_X509(nullptr, &p, der.size()));
    const CPtr<BIO, BIO_free> out(BIO_new(BIO_s_mem()));
    if (!cert || !out || PEM_write_bio_X509(out.get(), cert.get()) != 1) {
        ERR_clear_error();
        return {};
    }
    char* bytes = nullptr;
    const long length = BIO_get_mem_data(out.get(), &bytes);
    return QByteArray(bytes, static_cast<qsizetype>(length));
}

} // namespace tokendesk
