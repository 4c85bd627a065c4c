#pragma once

#include "Pkcs12Error.h"
#include "backend/common/Result.h"
#include "backend/common/SecureBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

namespace tokendesk {

/// A private key of a PKCS#12 file, decrypted.
struct Pkcs12Key
{
    SecureBytes pkcs8;       ///< unencrypted PrivateKeyInfo DER, wiped on destruction
    QByteArray publicKeyDer; ///< SubjectPublicKeyInfo DER
    QString keyType;         ///< "RSA 2048", "EC P-256", "EC P-384", "Ed25519", ...
    QString friendlyName;    ///< the bag's friendlyName attribute (UTF-8 of its BMPString)
    QByteArray localKeyId;   ///< the bag's localKeyID attribute: equal to its certificate's
};

struct Pkcs12Certificate
{
    QByteArray der; ///< the certificate as the file holds it
    QString friendlyName;
    QByteArray localKeyId;

    bool operator==(const Pkcs12Certificate& o) const
    {
        return der == o.der && friendlyName == o.friendlyName && localKeyId == o.localKeyId;
    }
};

struct Pkcs12Contents
{
    std::vector<Pkcs12Key> keys;           ///< move-only because of SecureBytes; in file order
    QList<Pkcs12Certificate> certificates; ///< in file order
    bool macPresent = false;
    QString macDigest; ///< "SHA-256", "SHA-1"; empty without a MAC
    QStringList
        encryptionAlgorithms;    ///< each distinct PBE used: "PBES2 AES-256-CBC", "pbeWithSHA1And40BitRC2-CBC", ...
    bool weakEncryption = false; ///< an RC2/RC4/DES/3DES PBE, or a SHA-1 (or MD5) MAC
    bool legacyPasswordConversion = false; ///< opened only with the pre-OpenSSL-1.1 password conversion
};

/// Reads PKCS#12 files (OpenSSL 3, with its legacy provider for old files). Stateless and thread-safe.
///
/// The password is tried as OpenSSL 3 takes it (UTF-8), then as OpenSSL before 1.1 did, byte by byte
/// as Latin-1 (the retry of `openssl pkcs12`): files made by old tools with non-ASCII passwords open.
/// An empty password is tried as absent and as empty, as PKCS12_parse does. With a MAC, a password
/// the MAC refuses is WrongPassword; without one, a password that does not decrypt the first encrypted
/// part is. Broken DER anywhere is Corrupt.
class Pkcs12Reader
{
public:
    static constexpr qint64 kMaxFileSize = 1 * 1024 * 1024; // no real .p12 comes near
    /// Iterations of one key derivation (MAC or PBE), and of all of one parse() together: more is
    /// UnsupportedAlgorithm, so that a hostile file cannot keep a worker busy for minutes.
    static constexpr qint64 kMaxIterations = 2'000'000;
    static constexpr qint64 kMaxTotalIterations = 10'000'000;
    /// Nested safeContentsBags deeper than this are Corrupt.
    static constexpr int kMaxNesting = 8;

    /// Reads a file's bytes: refuses what is not a regular file (a folder, /dev/zero, a FIFO: NotAFile,
    /// without blocking on a FIFO), larger than kMaxFileSize (TooLarge, without reading it), empty
    /// (Empty). Symlinks to regular files are followed. The path is FileName's (any bytes).
    [[nodiscard]] static Result<SecureBytes, Pkcs12Error> readFile(const QString& path);
    /// Parses and decrypts. Empty password: tries the absent (NULL) and the empty ("") password.
    [[nodiscard]] static Result<Pkcs12Contents, Pkcs12Error> parse(const QByteArray& der, const SecureBytes& password);
};

} // namespace tokendesk
