#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace tokendesk {

/// Where a certificate stands at a given moment.
enum class CertificateValidity
{
    Valid,
    Expired,
    NotYetValid,
    ExpiresSoon, ///< valid, but not after for more than CertificateInfo::kExpiresSoonDays
};

enum class KeyAlgorithm
{
    Rsa, ///< rsaEncryption and RSASSA-PSS keys
    Ec,
    Ed25519,
    Ed448,
    Dsa,
    Other,
};

/// One attribute of a distinguished name, in the order of the certificate (most significant RDN first).
struct NameEntry
{
    QString shortName; ///< "CN", "O", ...; the dotted OID when OpenSSL has no name for it
    QString oid;
    QString value; ///< decoded to Unicode; bytes that do not decode are replaced by U+FFFD

    bool operator==(const NameEntry& o) const { return shortName == o.shortName && oid == o.oid && value == o.value; }
};

struct PublicKeyInfo
{
    KeyAlgorithm algorithm = KeyAlgorithm::Other;
    QString oid;       ///< of the SubjectPublicKeyInfo algorithm
    QString name;      ///< OpenSSL's short name of that OID, e.g. "rsaEncryption", "id-ecPublicKey", "ED25519"
    int bits = 0;      ///< as OpenSSL counts them (RSA modulus, EC field size; Ed25519: 253); 0 when unknown
    QString curve;     ///< EC: OpenSSL's name of the group, e.g. "prime256v1"; empty otherwise
    QString nistCurve; ///< EC: "P-256", when NIST names the curve

    bool operator==(const PublicKeyInfo& o) const
    {
        return algorithm == o.algorithm && oid == o.oid && name == o.name && bits == o.bits && curve == o.curve &&
               nistCurve == o.nistCurve;
    }
};

/// A GeneralName from subjectAltName, AIA or CRL distribution points.
struct GeneralName
{
    enum class Type
    {
        Dns,
        Email,
        Uri,
        Ip,            ///< value: dotted IPv4, or IPv6 as eight uncompressed groups like OpenSSL prints them
        Upn,           ///< Microsoft user principal name, otherName 1.3.6.1.4.1.311.20.2.3
        DirectoryName, ///< value: the name in RFC 4514 form
        RegisteredId,  ///< value: the dotted OID
        Other,         ///< other otherNames (oid set, value: the DER of the value in hex), X.400, EDI party
    };

    Type type = Type::Other;
    QString value;
    QString oid; ///< otherName type

    bool operator==(const GeneralName& o) const { return type == o.type && value == o.value && oid == o.oid; }
};

/// The keyUsage bits, numbered as RFC 5280 numbers them.
enum class KeyUsage
{
    DigitalSignature = 0,
    NonRepudiation = 1, ///< contentCommitment
    KeyEncipherment = 2,
    DataEncipherment = 3,
    KeyAgreement = 4,
    KeyCertSign = 5,
    CrlSign = 6,
    EncipherOnly = 7,
    DecipherOnly = 8,
};

struct ExtendedKeyUsage
{
    QString oid;
    /// A stable name: "serverAuth", "clientAuth", "emailProtection", "smartcardLogon", ...; OpenSSL's short
    /// name for OIDs outside that list; the OID when nobody names it.
    QString name;

    bool operator==(const ExtendedKeyUsage& o) const { return oid == o.oid && name == o.name; }
};

struct BasicConstraints
{
    bool present = false;
    bool ca = false;
    std::optional<qint64> pathLength;

    bool operator==(const BasicConstraints& o) const
    {
        return present == o.present && ca == o.ca && pathLength == o.pathLength;
    }
};

struct CertificateExtension
{
    QString oid;
    QString shortName; ///< OpenSSL's, e.g. "subjectAltName"; the OID for extensions OpenSSL does not know
    bool critical = false;
    QByteArray value; ///< the extnValue contents (DER)

    /// How the extension reads: OpenSSL's X509V3_EXT_print rendering (`known`), or for an extension
    /// it cannot print the value in hex ("30:0A:...").
    struct Text
    {
        QString text;
        bool known = false;
    };
    /// Made from oid, critical and value when asked, not when the certificate is parsed: a token's
    /// thousand certificates are read for lists and reports that show no extension's text
    /// (CertificateExtensions.cpp).
    Text text() const;

    bool operator==(const CertificateExtension& o) const
    {
        return oid == o.oid && shortName == o.shortName && critical == o.critical && value == o.value;
    }
};

/// Everything TokenDesk shows about a certificate: a snapshot, keyed by the SHA-256 of its DER.
/// Filled by CertificateParser; the backend gives values and codes, the words are the UI's.
struct CertificateInfo
{
    static constexpr int kExpiresSoonDays = 30;

    QByteArray der;

    QString subject; ///< RFC 4514 (OpenSSL XN_FLAG_RFC2253, UTF-8 kept)
    QString issuer;
    QList<NameEntry> subjectEntries;
    QList<NameEntry> issuerEntries;
    /// CN, else O, else email for S/MIME certificates without either, else the first attribute.
    QString friendlyName;

    int version = 0;     ///< 1, 2 or 3
    QString serial;      ///< upper-case hex, two digits a byte as `openssl x509 -serial`; "-" first when negative
    QDateTime notBefore; ///< UTC
    QDateTime notAfter;  ///< UTC

    PublicKeyInfo key;
    QString signatureAlgorithm; ///< OpenSSL's long name, e.g. "sha256WithRSAEncryption", "ecdsa-with-SHA256"
    QString signatureAlgorithmOid;

    QList<GeneralName> subjectAltNames;
    bool hasKeyUsage = false;
    QList<KeyUsage> keyUsage;
    QList<ExtendedKeyUsage> extendedKeyUsage;
    BasicConstraints basicConstraints;
    QStringList policies; ///< dotted OIDs
    QStringList ocspUrls;
    QStringList caIssuersUrls;
    QStringList crlDistributionPoints; ///< URIs; other names in RFC 4514 or "type:value" form
    QByteArray subjectKeyId;
    QByteArray authorityKeyId; ///< keyIdentifier of the AKI extension

    QByteArray sha1;   ///< of der
    QByteArray sha256; ///< of der: the key of this snapshot
    /// SHA-1 of the subjectPublicKey BIT STRING contents, without the tag, the length and the
    /// unused-bits octet: for RSA the DER RSAPublicKey, for EC the point (04 || X || Y). This is the
    /// "public key hash" macOS `sc_auth` pairs with an account, and RFC 5280's method (1) key identifier.
    /// (pam_pkcs11's digest mapper is another thing: it hashes the whole certificate, i.e. `sha1`.)
    QByteArray publicKeySha1;
    QByteArray
        spkiSha256; ///< SHA-256 of the SubjectPublicKeyInfo DER (as in HPKP / `openssl pkey -pubin -outform DER`)

    QList<CertificateExtension> extensions;
    /// A name in the certificate had bytes its string type does not allow; they were replaced (U+FFFD) so that
    /// OpenSSL, which refuses such names, could read the rest. The fingerprints are still those of der.
    bool namesRepaired = false;

    /// Issuer equal to subject and the key identifiers not telling otherwise (OpenSSL's
    /// X509_self_signed without the signature, which is ChainVerifier's business). Worked out
    /// from der when asked (`cert show`), not at every parse: for a self-issued certificate it
    /// takes OpenSSL's extension cache, ~3 us of a ~20 us parse (docs/BENCHMARKS.md). Each call
    /// decodes der in full, with OpenSSL's key decoders (~0.1 ms): not for a loop over a token.
    bool isSelfSigned() const;
    bool isCa() const { return basicConstraints.present && basicConstraints.ca; }
    bool hasKeyUsageBit(KeyUsage bit) const { return keyUsage.contains(bit); }
    bool hasExtendedKeyUsage(const QString& oid) const;
    /// The status at `now`: ExpiresSoon within kExpiresSoonDays of notAfter.
    CertificateValidity validityAt(const QDateTime& now) const;
    /// Whole days until notAfter (negative once expired).
    qint64 daysLeft(const QDateTime& now) const;
    /// Upper-case hex with colons, "AB:CD:...", as `openssl x509 -fingerprint` prints digests.
    static QString colonHex(const QByteArray& bytes);
    bool isNull() const { return der.isEmpty(); }

    bool operator==(const CertificateInfo& o) const;
    bool operator!=(const CertificateInfo& o) const { return !(*this == o); }
};

/// Well-known extended key usage OIDs.
namespace eku {
inline constexpr char kServerAuth[] = "1.3.6.1.5.5.7.3.1";
inline constexpr char kClientAuth[] = "1.3.6.1.5.5.7.3.2";
inline constexpr char kCodeSigning[] = "1.3.6.1.5.5.7.3.3";
inline constexpr char kEmailProtection[] = "1.3.6.1.5.5.7.3.4";
inline constexpr char kTimeStamping[] = "1.3.6.1.5.5.7.3.8";
inline constexpr char kOcspSigning[] = "1.3.6.1.5.5.7.3.9";
inline constexpr char kSmartcardLogon[] = "1.3.6.1.4.1.311.20.2.2";
inline constexpr char kPkinitClient[] = "1.3.6.1.5.2.3.4";
inline constexpr char kPkinitKdc[] = "1.3.6.1.5.2.3.5";
inline constexpr char kAny[] = "2.5.29.37.0";
} // namespace eku

} // namespace tokendesk
