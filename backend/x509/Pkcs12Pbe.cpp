#include "Pkcs12Pbe.h"

#include "Pkcs12Reader.h"
#include "backend/common/CFree.h"

#include <QStringList>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

namespace tokendesk {

namespace {
using Code = Pkcs12Error::Code;
using Cipher = CPtr<EVP_CIPHER, EVP_CIPHER_free>;
using Digest = CPtr<EVP_MD, EVP_MD_free>;
using Kdf = CPtr<EVP_KDF, EVP_KDF_free>;
using PbeParam = CPtr<PBEPARAM, PBEPARAM_free>;
using Pbe2Param = CPtr<PBE2PARAM, PBE2PARAM_free>;
using Pbkdf2Param = CPtr<PBKDF2PARAM, PBKDF2PARAM_free>;
using ScryptParam = CPtr<SCRYPT_PARAMS, SCRYPT_PARAMS_free>;

QString oidText(const ASN1_OBJECT* object)
{
    char buffer[128] = {};
    if (!object || OBJ_obj2txt(buffer, sizeof buffer, object, 1) <= 0) {
        return QStringLiteral("?");
    }
    return QString::fromLatin1(buffer);
}

/// OpenSSL's short name, or the dotted OID when it has none.
QString shortName(const ASN1_OBJECT* object)
{
    const int nid = OBJ_obj2nid(object);
    return nid == NID_undef ? oidText(object) : QString::fromLatin1(OBJ_nid2sn(nid));
}

Pkcs12Pbe failed(Pkcs12Pbe pbe, Code code, const QString& detail)
{
    pbe.problem = pkcs12Error(code, detail);
    ERR_clear_error();
    return pbe;
}

/// A positive INTEGER that fits, or nothing (negative, zero, absurdly long).
std::optional<qint64> positive(const ASN1_INTEGER* value)
{
    int64_t v = 0;
    if (!value || ASN1_INTEGER_get_int64(&v, value) != 1 || v <= 0) {
        ERR_clear_error();
        return std::nullopt;
    }
    return qint64(v);
}

template<typename Ptr> Ptr unpack(const ASN1_ITEM* item, const ASN1_TYPE* parameter)
{
    if (!parameter || parameter->type != V_ASN1_SEQUENCE) {
        return Ptr();
    }
    return Ptr(static_cast<typename Ptr::pointer>(ASN1_TYPE_unpack_sequence(item, parameter)));
}

bool hasDigest(int nid)
{
    const char* name = nid == NID_undef ? nullptr : OBJ_nid2sn(nid);
    const Digest md(name ? EVP_MD_fetch(nullptr, name, nullptr) : nullptr);
    return md != nullptr;
}

bool hasPkcs12Kdf()
{
    const Kdf kdf(EVP_KDF_fetch(nullptr, "PKCS12KDF", nullptr));
    return kdf != nullptr;
}

bool isWeakCipher(int nid)
{
    switch (nid) {
    case NID_des_cbc:
    case NID_des_ede_cbc:
    case NID_des_ede3_cbc:
    case NID_rc2_cbc:
    case NID_rc2_40_cbc:
    case NID_rc2_64_cbc:
    case NID_rc4:
    case NID_rc4_40:
        return true;
    default:
        return false;
    }
}

/// PBES2 (RFC 8018): PBKDF2 or scrypt, then a cipher; named after the cipher.
Pkcs12Pbe pbes2(const X509_ALGOR* algorithm)
{
    Pkcs12Pbe pbe;
    pbe.name = QStringLiteral("PBES2");
    const auto param = unpack<Pbe2Param>(ASN1_ITEM_rptr(PBE2PARAM), algorithm->parameter);
    if (!param || !param->keyfunc || !param->encryption) {
        return failed(pbe, Code::Corrupt, QStringLiteral("PBES2 parameters"));
    }
    const int cipherNid = OBJ_obj2nid(param->encryption->algorithm);
    pbe.name = QStringLiteral("PBES2 ") + shortName(param->encryption->algorithm);
    pbe.weak = isWeakCipher(cipherNid);
    const Cipher cipher(cipherNid == NID_undef ? nullptr : EVP_CIPHER_fetch(nullptr, OBJ_nid2sn(cipherNid), nullptr));
    if (!cipher) {
        return failed(pbe, Code::UnsupportedAlgorithm, pbe.name);
    }
    pbe.blockSize = EVP_CIPHER_get_block_size(cipher.get());

    const int kdfNid = OBJ_obj2nid(param->keyfunc->algorithm);
    if (kdfNid == NID_id_pbkdf2) {
        const auto kdf = unpack<Pbkdf2Param>(ASN1_ITEM_rptr(PBKDF2PARAM), param->keyfunc->parameter);
        const auto iterations = kdf ? positive(kdf->iter) : std::nullopt;
        if (!iterations) {
            return failed(pbe, Code::Corrupt, QStringLiteral("PBKDF2 parameters"));
        }
        pbe.cost = *iterations;
        const int prfNid = kdf->prf ? OBJ_obj2nid(kdf->prf->algorithm) : NID_hmacWithSHA1;
        int mdNid = NID_undef;
        if (!EVP_PBE_find(EVP_PBE_TYPE_PRF, prfNid, nullptr, &mdNid, nullptr) || !hasDigest(mdNid)) {
            return failed(pbe, Code::UnsupportedAlgorithm,
                          QStringLiteral("PBKDF2 PRF ") + (kdf->prf ? shortName(kdf->prf->algorithm) : QString()));
        }
    } else if (kdfNid == NID_id_scrypt) {
        const auto kdf = unpack<ScryptParam>(ASN1_ITEM_rptr(SCRYPT_PARAMS), param->keyfunc->parameter);
        const auto n = kdf ? positive(kdf->costParameter) : std::nullopt;
        const auto r = kdf ? positive(kdf->blockSize) : std::nullopt;
        const auto p = kdf ? positive(kdf->parallelizationParameter) : std::nullopt;
        if (!n || !r || !p) {
            return failed(pbe, Code::Corrupt, QStringLiteral("scrypt parameters"));
        }
        // Each unit a 128-byte block mix; saturate rather than overflow.
        const qint64 limit = Pkcs12Reader::kMaxTotalIterations + 1;
        pbe.cost = std::min(limit, std::min(limit, *n) * std::min(limit, *r * *p));
    } else {
        return failed(pbe, Code::UnsupportedAlgorithm,
                      QStringLiteral("PBES2 key derivation ") + shortName(param->keyfunc->algorithm));
    }
    return pbe;
}

/// PKCS#5 v1 and PKCS#12 PBEs: all of them RC2, RC4, DES or 3DES.
Pkcs12Pbe pbe1(const X509_ALGOR* algorithm, int nid)
{
    Pkcs12Pbe pbe;
    pbe.name = QString::fromLatin1(OBJ_nid2ln(nid));
    pbe.weak = true;
    int cipherNid = NID_undef;
    int mdNid = NID_undef;
    if (!EVP_PBE_find(EVP_PBE_TYPE_OUTER, nid, &cipherNid, &mdNid, nullptr) || cipherNid == NID_undef) {
        return failed(pbe, Code::UnsupportedAlgorithm, pbe.name);
    }
    const auto param = unpack<PbeParam>(ASN1_ITEM_rptr(PBEPARAM), algorithm->parameter);
    const auto iterations = param ? positive(param->iter) : std::nullopt;
    if (!iterations || !param->salt) {
        return failed(pbe, Code::Corrupt, pbe.name + QStringLiteral(" parameters"));
    }
    // The PKCS#12 KDF runs once for the key and once for the IV.
    pbe.cost = *iterations * 2;
    const Cipher cipher(EVP_CIPHER_fetch(nullptr, OBJ_nid2sn(cipherNid), nullptr));
    if (!cipher || !hasDigest(mdNid) || !hasPkcs12Kdf()) {
        return failed(pbe, Code::UnsupportedAlgorithm, pbe.name);
    }
    pbe.blockSize = EVP_CIPHER_get_block_size(cipher.get());
    return pbe;
}

QString digestName(int nid, const ASN1_OBJECT* object)
{
    switch (nid) {
    case NID_md5:
        return QStringLiteral("MD5");
    case NID_sha1:
        return QStringLiteral("SHA-1");
    case NID_sha224:
        return QStringLiteral("SHA-224");
    case NID_sha256:
        return QStringLiteral("SHA-256");
    case NID_sha384:
        return QStringLiteral("SHA-384");
    case NID_sha512:
        return QStringLiteral("SHA-512");
    case NID_sha512_224:
        return QStringLiteral("SHA-512/224");
    case NID_sha512_256:
        return QStringLiteral("SHA-512/256");
    default:
        return shortName(object);
    }
}
} // namespace

Pkcs12Pbe Pkcs12Pbe::encryption(const X509_ALGOR* algorithm)
{
    if (!algorithm || !algorithm->algorithm) {
        return failed(Pkcs12Pbe(), Code::Corrupt, QStringLiteral("no encryption algorithm"));
    }
    const int nid = OBJ_obj2nid(algorithm->algorithm);
    if (nid == NID_pbes2) {
        return pbes2(algorithm);
    }
    if (nid == NID_undef) {
        Pkcs12Pbe pbe;
        pbe.name = oidText(algorithm->algorithm);
        return failed(pbe, Code::UnsupportedAlgorithm, pbe.name);
    }
    return pbe1(algorithm, nid);
}

Pkcs12Pbe Pkcs12Pbe::mac(const PKCS12* p12)
{
    Pkcs12Pbe pbe;
    const ASN1_OCTET_STRING* value = nullptr;
    const X509_ALGOR* algorithm = nullptr;
    const ASN1_OCTET_STRING* salt = nullptr;
    const ASN1_INTEGER* iterations = nullptr;
    PKCS12_get0_mac(&value, &algorithm, &salt, &iterations, p12);
    const ASN1_OBJECT* object = nullptr;
    if (algorithm) {
        X509_ALGOR_get0(&object, nullptr, nullptr, algorithm);
    }
    if (!value || !object || !salt) {
        return failed(pbe, Code::Corrupt, QStringLiteral("MAC"));
    }
    const int nid = OBJ_obj2nid(object);
    pbe.name = digestName(nid, object);
    pbe.weak = nid == NID_sha1 || nid == NID_md5 || nid == NID_md4 || nid == NID_md2;
    // The iteration count is DEFAULT 1 (RFC 7292).
    const auto count = iterations ? positive(iterations) : std::optional<qint64>(1);
    if (!count) {
        return failed(pbe, Code::Corrupt, QStringLiteral("MAC iterations"));
    }
    pbe.cost = *count;
    const Digest md(nid == NID_undef ? nullptr : EVP_MD_fetch(nullptr, OBJ_nid2sn(nid), nullptr));
    if (!md || !hasPkcs12Kdf()) {
        return failed(pbe, Code::UnsupportedAlgorithm, QStringLiteral("MAC ") + pbe.name);
    }
    pbe.macSize = EVP_MD_get_size(md.get());
    if (ASN1_STRING_length(value) != pbe.macSize) {
        return failed(pbe, Code::Corrupt, QStringLiteral("MAC length"));
    }
    return pbe;
}

std::optional<Pkcs12Error> Pkcs12Budget::spend(qint64 cost)
{
    if (cost > Pkcs12Reader::kMaxIterations) {
        return pkcs12Error(Code::UnsupportedAlgorithm, QStringLiteral("%1 iterations").arg(cost));
    }
    m_spent += cost;
    if (m_spent > Pkcs12Reader::kMaxTotalIterations) {
        return pkcs12Error(Code::UnsupportedAlgorithm,
                           QStringLiteral("more than %1 iterations in all").arg(Pkcs12Reader::kMaxTotalIterations));
    }
    return std::nullopt;
}

Pkcs12Error pkcs12Error(Pkcs12Error::Code code, QString detail)
{
    Pkcs12Error e;
    e.code = code;
    e.detail = std::move(detail);
    return e;
}

QString pkcs12TakeErrors()
{
    QStringList lines;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256] = {};
        ERR_error_string_n(code, buffer, sizeof buffer);
        lines << QString::fromUtf8(buffer);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace tokendesk
