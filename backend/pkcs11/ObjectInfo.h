#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace tokendesk {

/// A snapshot of one object on a token: certificate, public key, private key,
/// secret key or data object. Attributes the module does not have, or will
/// not show (sensitive), are absent: empty optionals and empty arrays.
struct ObjectInfo
{
    enum class Class
    {
        Certificate, ///< CKO_CERTIFICATE
        PublicKey,   ///< CKO_PUBLIC_KEY
        PrivateKey,  ///< CKO_PRIVATE_KEY
        SecretKey,   ///< CKO_SECRET_KEY
        Data,        ///< CKO_DATA
        Other,
    };
    enum class KeyType
    {
        None, ///< not a key, or the module did not say
        Rsa,
        Ec,
        EdDsa,
        Dsa,
        Aes,
        Other,
    };

    QString modulePath;  ///< the token's key: module path...
    QString tokenSerial; ///< ...and serial
    Class objectClass = Class::Other;
    QByteArray id;                 ///< CKA_ID: pairs a certificate with its keys
    QString label;                 ///< CKA_LABEL for people (UTF-8, else Latin-1)
    QByteArray labelRaw;           ///< CKA_LABEL as stored (URIs match on the bytes)
    std::optional<bool> isPrivate; ///< CKA_PRIVATE: only visible after login
    std::optional<bool> modifiable;

    // Certificates
    QByteArray value;                           ///< CKA_VALUE: the certificate's DER (read for certificates only)
    std::optional<quint64> certificateType;     ///< CKA_CERTIFICATE_TYPE (0 = CKC_X_509)
    std::optional<bool> trusted;                ///< CKA_TRUSTED
    std::optional<quint64> certificateCategory; ///< CKA_CERTIFICATE_CATEGORY (2 = authority)

    // Keys
    KeyType keyType = KeyType::None;
    std::optional<quint64> keyTypeCode; ///< CKA_KEY_TYPE as the module gave it
    std::optional<bool> sign;
    std::optional<bool> verify;
    std::optional<bool> decrypt;
    std::optional<bool> encrypt;
    std::optional<bool> derive;
    std::optional<bool> alwaysAuthenticate; ///< CKA_ALWAYS_AUTHENTICATE: the PIN before every use
    std::optional<bool> sensitive;
    std::optional<bool> extractable;
    int modulusBits = 0;       ///< RSA: CKA_MODULUS_BITS, or the modulus' length; 0 when unknown
    QByteArray modulus;        ///< RSA: CKA_MODULUS (big-endian), public and private keys
    QByteArray publicExponent; ///< RSA: CKA_PUBLIC_EXPONENT
    /// EC public keys: CKA_EC_POINT as the module gave it, usually the DER OCTET STRING that
    /// wraps the point (04 || X || Y), sometimes the bare point: see ecPointBytes().
    QByteArray ecPoint;
    QByteArray ecParams; ///< EC: CKA_EC_PARAMS (DER: the curve's OID, usually)
    QByteArray subject;  ///< CKA_SUBJECT (DER) when the module has it

    // Data objects
    QString application; ///< CKA_APPLICATION
    QByteArray objectId; ///< CKA_OBJECT_ID (DER)

    QString uri; ///< pkcs11:...;id=...;object=...;type=...

    bool operator==(const ObjectInfo& o) const
    {
        return modulePath == o.modulePath && tokenSerial == o.tokenSerial && objectClass == o.objectClass &&
               id == o.id && label == o.label && labelRaw == o.labelRaw && isPrivate == o.isPrivate &&
               modifiable == o.modifiable && value == o.value && certificateType == o.certificateType &&
               trusted == o.trusted && certificateCategory == o.certificateCategory && keyType == o.keyType &&
               keyTypeCode == o.keyTypeCode && sign == o.sign && verify == o.verify && decrypt == o.decrypt &&
               encrypt == o.encrypt && derive == o.derive && alwaysAuthenticate == o.alwaysAuthenticate &&
               sensitive == o.sensitive && extractable == o.extractable && modulusBits == o.modulusBits &&
               modulus == o.modulus && publicExponent == o.publicExponent && ecPoint == o.ecPoint &&
               ecParams == o.ecParams && subject == o.subject && application == o.application &&
               objectId == o.objectId && uri == o.uri;
    }
    bool operator!=(const ObjectInfo& o) const { return !(*this == o); }

    /// The EC point without its OCTET STRING wrapping (04 || X || Y for an uncompressed point);
    /// empty when there is none.
    QByteArray ecPointBytes() const;

    /// "cert", "public", "private", "secret-key", "data": the URI's type= words.
    static QString className(Class c);
};

using ObjectList = QList<ObjectInfo>;

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::ObjectInfo)
