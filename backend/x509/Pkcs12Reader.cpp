#include "Pkcs12Reader.h"

#include "Pkcs12Bags.h"
#include "Pkcs12Pbe.h"
#include "backend/common/CFree.h"
#include "backend/common/FileName.h"

#include <QScopeGuard>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/provider.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tokendesk {

namespace {
using Code = Pkcs12Error::Code;
using Pkcs12Ptr = CPtr<PKCS12, PKCS12_free>;

/// Old files use RC2-40, RC4 and single DES, which OpenSSL 3 keeps in its legacy provider; once per
/// process, in the default library context. Loading a provider by name would stop the default one
/// from loading by itself: retain_fallbacks keeps it, and a default loaded by hand here would be a
/// reference that LeakSanitizer reports when legacy is missing.
void loadProviders()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Without it (OPENSSL_MODULES elsewhere, a distribution without legacy.so) old files are
        // UnsupportedAlgorithm: Pkcs12Pbe finds their cipher missing before any decryption.
        static OSSL_PROVIDER* legacy = OSSL_PROVIDER_try_load(nullptr, "legacy", 1);
        ERR_clear_error();
        // Our reference keeps the provider's own library context alive past OpenSSL's cleanup at exit
        // (a leak to LeakSanitizer): given back first, as this handler is registered after OpenSSL's.
        if (legacy) {
            std::atexit([] { OSSL_PROVIDER_unload(legacy); });
        }
    });
}

bool isAscii(const QByteArray& bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

/// The password as OpenSSL before 1.1 turned it into a BMPString (each byte a character, as if
/// Latin-1), written as the UTF-8 that OpenSSL 3 turns into that same BMPString: the retry of
/// `openssl pkcs12` (OPENSSL_asc2uni, then OPENSSL_uni2utf8).
SecureBytes legacyConversion(const QByteArray& password)
{
    int uniLength = 0;
    unsigned char* uni = OPENSSL_asc2uni(password.constData(), int(password.size()), nullptr, &uniLength);
    if (!uni) {
        return {};
    }
    char* utf8 = OPENSSL_uni2utf8(uni, uniLength);
    OPENSSL_clear_free(uni, size_t(uniLength));
    if (!utf8) {
        return {};
    }
    const size_t length = std::strlen(utf8);
    SecureBytes converted(utf8, qsizetype(length));
    OPENSSL_clear_free(utf8, length + 1);
    return converted;
}
} // namespace

Result<SecureBytes, Pkcs12Error> Pkcs12Reader::readFile(const QString& path)
{
    const auto failed = [&path](Code code, const QString& detail = {}) {
        Pkcs12Error e = pkcs12Error(code, detail);
        e.path = path;
        return e;
    };
    // O_NONBLOCK: opening a FIFO without a writer returns at once, and fstat then refuses it.
    const QByteArray name = FileName::toBytes(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        return failed(Code::Unreadable, QString::fromLocal8Bit(std::strerror(errno)));
    }
    const auto closer = qScopeGuard([fd] { ::close(fd); });
    struct stat st = {};
    if (::fstat(fd, &st) != 0) {
        return failed(Code::Unreadable, QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (!S_ISREG(st.st_mode)) {
        return failed(Code::NotAFile);
    }
    if (st.st_size > kMaxFileSize) {
        return failed(Code::TooLarge, QString::number(st.st_size));
    }
    // Read in one buffer of the file's size, so that no reallocation leaves a copy behind; a file
    // that grows meanwhile is read as it was, one that shrinks as it is.
    QByteArray data(qsizetype(st.st_size), Qt::Uninitialized);
    qsizetype filled = 0;
    while (filled < data.size()) {
        const ssize_t n = ::read(fd, data.data() + filled, size_t(data.size() - filled));
        if (n > 0) {
            filled += n;
        } else if (n == 0) {
            break;
        } else if (errno != EINTR) {
            const int error = errno;
            SecureBytes::wipe(data);
            return failed(Code::Unreadable, QString::fromLocal8Bit(std::strerror(error)));
        }
    }
    if (filled == 0) {
        return failed(Code::Empty);
    }
    SecureBytes bytes(data.constData(), filled);
    SecureBytes::wipe(data);
    return bytes;
}

Result<Pkcs12Contents, Pkcs12Error> Pkcs12Reader::parse(const QByteArray& der, const SecureBytes& password)
{
    if (der.isEmpty()) {
        return pkcs12Error(Code::Empty);
    }
    loadProviders();
    ERR_clear_error();
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    const Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, long(der.size())));
    if (!p12) {
        return pkcs12Error(Code::Corrupt, pkcs12TakeErrors());
    }

    // The ways to hand over the password, in the order PKCS12_parse and `openssl pkcs12` try them.
    SecureBytes converted;
    std::vector<Pkcs12Password> candidates;
    if (password.isEmpty()) {
        candidates.push_back({nullptr, 0, false});
        candidates.push_back({"", 0, false});
    } else {
        candidates.push_back({password.bytes().constData(), int(password.size()), false});
        // For ASCII both ways give the same bytes.
        if (!isAscii(password.bytes())) {
            converted = legacyConversion(password.bytes());
            if (converted.isEmpty()) {
                return pkcs12Error(Code::Internal, pkcs12TakeErrors());
            }
            candidates.push_back({converted.bytes().constData(), int(converted.size()), true});
        }
    }

    Pkcs12Contents contents;
    Pkcs12Budget budget;
    int chosen = -1;
    if (PKCS12_mac_present(p12.get())) {
        contents.macPresent = true;
        const Pkcs12Pbe mac = Pkcs12Pbe::mac(p12.get());
        contents.macDigest = mac.name;
        contents.weakEncryption = mac.weak;
        if (mac.problem) {
            return *mac.problem;
        }
        for (int i = 0; i < int(candidates.size()) && chosen < 0; ++i) {
            if (auto e = budget.spend(mac.cost)) {
                return *e;
            }
            ERR_clear_error();
            if (PKCS12_verify_mac(p12.get(), candidates[size_t(i)].data, candidates[size_t(i)].length) == 1) {
                chosen = i;
            } else if (ERR_peek_error() != 0) {
                // A mismatch leaves no error; this is a MAC that could not be computed at all.
                return pkcs12Error(Code::Corrupt, QStringLiteral("MAC\n") + pkcs12TakeErrors());
            }
        }
        if (chosen < 0) {
            return pkcs12Error(Code::WrongPassword, QStringLiteral("MAC ") + mac.name);
        }
    }

    Pkcs12Bags bags(candidates, chosen, &budget);
    if (auto e = bags.read(p12.get(), &contents)) {
        return *e;
    }
    contents.legacyPasswordConversion = bags.chosen() >= 0 && candidates[size_t(bags.chosen())].legacy;
    ERR_clear_error();
    return contents;
}

} // namespace tokendesk
