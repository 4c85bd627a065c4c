#include "CertificateParser.h"

#include "CertificateFields.h"
#include "NameRepair.h"
#include "backend/common/CFree.h"
#include "backend/common/FileName.h"

#include <QFile>
#include <QScopeGuard>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tokendesk {

namespace {
std::atomic<bool> s_keyShortcut{true};
using X509Ptr = CPtr<X509, X509_free>;
using Bio = CPtr<BIO, BIO_free>;
using Code = X509Error::Code;

X509Error error(Code code, QString detail = {})
{
    X509Error e;
    e.code = code;
    e.detail = std::move(detail);
    return e;
}

/// d2i_X509 on `der`, in `context` (null: the default one); `consumed` is set to the length
/// of the certificate read.
X509Ptr decode(const QByteArray& der, qsizetype* consumed, OSSL_LIB_CTX* context = nullptr)
{
    const auto* start = reinterpret_cast<const unsigned char*>(der.constData());
    const unsigned char* p = start;
    X509Ptr cert(context ? X509_new_ex(context, nullptr) : nullptr);
    X509* into = cert.release();
    cert.reset(d2i_X509(context ? &into : nullptr, &p, static_cast<long>(der.size())));
    if (!cert && into) {
        X509_free(into); // d2i_X509 frees what it was given only when it made it
    }
    // RFC 5280 knows v1, v2 and v3 (encoded 0, 1, 2), but OpenSSL decodes any
    // integer there (the fuzzer found -23): such DER is not a certificate.
    if (cert && (X509_get_version(cert.get()) < 0 || X509_get_version(cert.get()) > 2)) {
        cert.reset();
    }
    *consumed = cert ? p - start : 0;
    return cert;
}

/// The certificate at the start of `der` with the names OpenSSL refuses repaired (NameRepair):
/// null when its header is not whole, nothing needs repair, or the repaired DER does not decode
/// whole. `original`: the certificate's own bytes.
X509Ptr decodeRepaired(const QByteArray& der, QByteArray* original)
{
    NameRepair::Tlv outer;
    if (NameRepair::read(der, 0, der.size(), &outer) != NameRepair::Header::Ok) {
        return {};
    }
    *original = der.left(outer.end());
    const auto repaired = NameRepair::repair(*original);
    if (!repaired) {
        return {};
    }
    qsizetype length = 0;
    X509Ptr fixed = decode(*repaired, &length);
    ERR_clear_error();
    return fixed && length == repaired->size() ? std::move(fixed) : X509Ptr();
}

bool isCertificateBlock(const char* name)
{
    return qstrcmp(name, PEM_STRING_X509) == 0 || qstrcmp(name, PEM_STRING_X509_OLD) == 0 ||
           qstrcmp(name, PEM_STRING_X509_TRUSTED) == 0;
}

/// Every certificate of PEM text; `firstOnly` stops after one.
Result<QList<CertificateInfo>, X509Error> parsePemBlocks(const QByteArray& pem, bool firstOnly)
{
    ERR_clear_error();
    Bio bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    if (!bio) {
        return error(Code::Internal, CertificateFields::takeErrors());
    }
    QList<CertificateInfo> certificates;
    for (;;) {
        char* name = nullptr;
        char* header = nullptr;
        unsigned char* data = nullptr;
        long length = 0;
        const int ok = PEM_read_bio(bio.get(), &name, &header, &data, &length);
        const auto freeBlock = qScopeGuard([&] {
            OPENSSL_free(name);
            OPENSSL_free(header);
            OPENSSL_free(data);
        });
        if (ok != 1) {
            const unsigned long last = ERR_peek_last_error();
            if (ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE) {
                ERR_clear_error(); // the end of the text
                break;
            }
            // A block whose base64 or END line is broken; only a certificate's counts as this file's failure.
            return error(Code::BadPem, CertificateFields::takeErrors());
        }
        if (!isCertificateBlock(name)) {
            continue;
        }
        // A TRUSTED CERTIFICATE block has OpenSSL's trust settings after the certificate: parseDer skips them.
        auto one = CertificateParser::parseDer(QByteArray(reinterpret_cast<const char*>(data), length));
        if (!one) {
            return one.error();
        }
        certificates.append(std::move(one).value());
        if (firstOnly) {
            break;
        }
    }
    if (certificates.isEmpty()) {
        return error(Code::NotACertificate, QStringLiteral("no CERTIFICATE block"));
    }
    return certificates;
}

Result<QList<CertificateInfo>, X509Error> parseAny(const QByteArray& data, bool firstOnly)
{
    if (data.isEmpty()) {
        return error(Code::Empty);
    }
    if (CertificateParser::looksLikePem(data)) {
        return parsePemBlocks(data, firstOnly);
    }
    auto one = CertificateParser::parseDer(data);
    if (!one) {
        return one.error();
    }
    return QList<CertificateInfo>{std::move(one).value()};
}

template<typename T> Result<T, X509Error> withPath(Result<T, X509Error> result, const QString& path)
{
    if (result) {
        return result;
    }
    X509Error e = result.error();
    e.path = path;
    return e;
}
} // namespace

void CertificateParser::setKeyShortcut(bool on)
{
    s_keyShortcut = on;
}

Result<CertificateInfo, X509Error> CertificateParser::parseDer(const QByteArray& der)
{
    if (der.isEmpty()) {
        return error(Code::Empty);
    }
    ERR_clear_error();
    // Our own look at the outer header: OpenSSL's errors do not tell a cut-off certificate from garbage.
    NameRepair::Tlv outer;
    const NameRepair::Header header = NameRepair::read(der, 0, der.size(), &outer);
    if (static_cast<quint8>(der.at(0)) == 0x30 && header == NameRepair::Header::Incomplete) {
        return error(Code::Truncated);
    }

    qsizetype consumed = 0;
    if (s_keyShortcut) {
        if (const auto prepared = PublicKeyShortcut::prepare(der)) {
            X509Ptr cert = decode(prepared->patched, &consumed, PublicKeyShortcut::keylessContext());
            const auto key = cert ? PublicKeyShortcut::read(cert.get(), *prepared) : std::nullopt;
            if (key) {
                return CertificateFields::read(cert.get(), der.left(consumed), &*key);
            }
            ERR_clear_error(); // the full parse decides
        }
    }
    X509Ptr cert = decode(der, &consumed);
    if (cert) {
        return CertificateFields::read(cert.get(), der.left(consumed));
    }
    const QString detail = CertificateFields::takeErrors();
    QByteArray original;
    if (X509Ptr fixed = decodeRepaired(der, &original)) {
        CertificateInfo info = CertificateFields::read(fixed.get(), original);
        info.namesRepaired = true;
        return info;
    }
    return error(Code::NotACertificate, detail);
}

bool CertificateParser::isSelfSigned(const QByteArray& der)
{
    if (der.isEmpty()) {
        return false;
    }
    ERR_clear_error();
    qsizetype consumed = 0;
    X509Ptr cert = decode(der, &consumed);
    if (!cert) {
        QByteArray original; // names OpenSSL refuses: read repaired, as parseDer reads them
        cert = decodeRepaired(der, &original);
    }
    const bool self = cert && X509_self_signed(cert.get(), 0) == 1;
    ERR_clear_error();
    return self;
}

Result<CertificateInfo, X509Error> CertificateParser::parsePem(const QByteArray& pem)
{
    if (pem.isEmpty()) {
        return error(Code::Empty);
    }
    auto all = parsePemBlocks(pem, true);
    if (!all) {
        return all.error();
    }
    return all.value().constFirst();
}

Result<CertificateInfo, X509Error> CertificateParser::parse(const QByteArray& data)
{
    auto all = parseAny(data, true);
    if (!all) {
        return all.error();
    }
    return all.value().constFirst();
}

Result<QList<CertificateInfo>, X509Error> CertificateParser::parseAll(const QByteArray& data)
{
    return parseAny(data, false);
}

bool CertificateParser::looksLikePem(const QByteArray& data)
{
    return data.contains("-----BEGIN ");
}

Result<QByteArray, X509Error> CertificateParser::readFile(const QString& path)
{
    const auto failed = [&path](Code code, const QString& detail = {}) {
        X509Error e = error(code, detail);
        e.path = path;
        return e;
    };
    // Bytes, not Qt's lossy decoding of the name; O_NONBLOCK so that a FIFO without a writer does
    // not hang the open (and reads below wait at most kPipeTimeoutMs for each piece).
    const QByteArray name = FileName::toBytes(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        return failed(Code::Unreadable, QString::fromLocal8Bit(std::strerror(errno)));
    }
    const auto closer = qScopeGuard([fd] { ::close(fd); });
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        return failed(Code::Unreadable, QString::fromLocal8Bit(std::strerror(S_ISDIR(st.st_mode) ? EISDIR : errno)));
    }
    // A bundle of every CA there is fits in a few hundred kB; more than this is not a certificate file.
    if (S_ISREG(st.st_mode) && st.st_size > X509Error::kMaxFileSize) {
        return failed(Code::TooLarge);
    }
    QByteArray data;
    data.reserve(S_ISREG(st.st_mode) ? static_cast<qsizetype>(st.st_size) : 65536);
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            if (data.size() + n > X509Error::kMaxFileSize) {
                return failed(Code::TooLarge); // /dev/zero, an endless pipe
            }
            data.append(buffer, n);
            continue;
        }
        if (n == 0) {
            return data;
        }
        if (errno == EINTR) {
            continue;
        }
        if (errno != EAGAIN) {
            return failed(Code::Unreadable, QString::fromLocal8Bit(std::strerror(errno)));
        }
        struct pollfd wait = {fd, POLLIN, 0};
        const int ready = ::poll(&wait, 1, kPipeTimeoutMs);
        if (ready == 0) {
            return failed(Code::Unreadable, QStringLiteral("nothing to read for %1 s").arg(kPipeTimeoutMs / 1000));
        }
        if (ready < 0 && errno != EINTR) {
            return failed(Code::Unreadable, QString::fromLocal8Bit(std::strerror(errno)));
        }
    }
}

Result<CertificateInfo, X509Error> CertificateParser::parseFile(const QString& path)
{
    auto data = readFile(path);
    if (!data) {
        return data.error();
    }
    return withPath(parse(data.value()), path);
}

Result<QList<CertificateInfo>, X509Error> CertificateParser::parseAllFromFile(const QString& path)
{
    auto data = readFile(path);
    if (!data) {
        return data.error();
    }
    return withPath(parseAll(data.value()), path);
}

} // namespace tokendesk
