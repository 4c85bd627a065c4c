#include "OpenSshKey.h"

#include "backend/common/CFree.h"

#include <QList>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace tokendesk {

namespace {

const QList<QByteArray>& knownTypes()
{
    // sshkey.c's keytypes[] of OpenSSH 9 (certificates included): what sshd takes in authorized_keys.
    static const QList<QByteArray> types = {
        "ssh-rsa",
        "ssh-dss",
        "ecdsa-sha2-nistp256",
        "ecdsa-sha2-nistp384",
        "ecdsa-sha2-nistp521",
        "ssh-ed25519",
        "sk-ecdsa-sha2-nistp256@openssh.com",
        "sk-ssh-ed25519@openssh.com",
        "ssh-xmss@openssh.com",
        "ssh-rsa-cert-v01@openssh.com",
        "ssh-dss-cert-v01@openssh.com",
        "ecdsa-sha2-nistp256-cert-v01@openssh.com",
        "ecdsa-sha2-nistp384-cert-v01@openssh.com",
        "ecdsa-sha2-nistp521-cert-v01@openssh.com",
        "ssh-ed25519-cert-v01@openssh.com",
        "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
        "sk-ssh-ed25519-cert-v01@openssh.com",
        "ssh-xmss-cert-v01@openssh.com",
    };
    return types;
}

/// OPENSSH_LINE_MAX of pam_pkcs11's openssh mapper: its fgets() buffer.
constexpr qsizetype kPamLineMax = 8192;

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

QByteArray withoutLineEnd(QByteArray line)
{
    while (line.endsWith('\n') || line.endsWith('\r')) {
        line.chop(1);
    }
    return line;
}

void appendString(QByteArray& blob, const QByteArray& s)
{
    const quint32 n = static_cast<quint32>(s.size());
    blob.append(static_cast<char>(n >> 24)).append(static_cast<char>(n >> 16));
    blob.append(static_cast<char>(n >> 8)).append(static_cast<char>(n));
    blob.append(s);
}

/// SSH's mpint is exactly BN_bn2mpi's format: a 4-byte length, big-endian, a 0 byte before a high bit.
bool appendMpint(QByteArray& blob, const EVP_PKEY* key, const char* name)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) {
        return false;
    }
    const CPtr<BIGNUM, BN_free> bn(raw);
    const int size = BN_bn2mpi(bn.get(), nullptr);
    QByteArray bytes(size, Qt::Uninitialized);
    BN_bn2mpi(bn.get(), reinterpret_cast<unsigned char*>(bytes.data()));
    blob.append(bytes);
    return true;
}

/// The first string of a wire blob: the key type it claims.
QByteArray firstString(const QByteArray& blob)
{
    if (blob.size() < 4) {
        return {};
    }
    const auto* p = reinterpret_cast<const unsigned char*>(blob.constData());
    const quint32 n = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    if (n > quint32(blob.size() - 4)) {
        return {};
    }
    return blob.mid(4, n);
}

/// The key type and blob at the start of `text`; `rest` gets what follows the base64.
std::optional<OpenSshKey> readKey(const QByteArray& text, QByteArray* rest)
{
    qsizetype i = 0;
    while (i < text.size() && !isBlank(text.at(i))) {
        ++i;
    }
    const QByteArray type = text.left(i);
    if (!knownTypes().contains(type)) {
        return std::nullopt;
    }
    while (i < text.size() && isBlank(text.at(i))) {
        ++i;
    }
    const qsizetype start = i;
    while (i < text.size() && !isBlank(text.at(i))) {
        ++i;
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(text.mid(start, i - start), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty() || firstString(decoded.decoded) != type) {
        return std::nullopt;
    }
    OpenSshKey key;
    key.type = type;
    key.blob = decoded.decoded;
    *rest = text.mid(i);
    return key;
}

} // namespace

std::optional<OpenSshKey> OpenSshKey::fromCertificate(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    const CPtr<X509, X509_free> cert(d2i_X509(nullptr, &p, der.size()));
    const EVP_PKEY* key = cert ? X509_get0_pubkey(cert.get()) : nullptr;
    if (!key) {
        return std::nullopt;
    }
    OpenSshKey out;
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        out.type = "ssh-rsa";
        appendString(out.blob, out.type);
        if (!appendMpint(out.blob, key, OSSL_PKEY_PARAM_RSA_E) || !appendMpint(out.blob, key, OSSL_PKEY_PARAM_RSA_N)) {
            return std::nullopt;
        }
        return out;
    case EVP_PKEY_EC: {
        char group[64] = {};
        if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, nullptr) != 1) {
            return std::nullopt;
        }
        const QByteArray name(group);
        QByteArray curve;
        if (name == "prime256v1") {
            curve = "nistp256";
        } else if (name == "secp384r1") {
            curve = "nistp384";
        } else if (name == "secp521r1") {
            curve = "nistp521";
        } else {
            return std::nullopt;
        }
        unsigned char point[256];
        size_t length = 0;
        if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &length) != 1 ||
            length == 0 || point[0] != 0x04) {
            return std::nullopt; // OpenSSH wants the uncompressed point
        }
        out.type = "ecdsa-sha2-" + curve;
        appendString(out.blob, out.type);
        appendString(out.blob, curve);
        appendString(out.blob, QByteArray(reinterpret_cast<const char*>(point), static_cast<qsizetype>(length)));
        return out;
    }
    case EVP_PKEY_ED25519: {
        unsigned char raw[32];
        size_t length = sizeof raw;
        if (EVP_PKEY_get_raw_public_key(key, raw, &length) != 1 || length != sizeof raw) {
            return std::nullopt;
        }
        out.type = "ssh-ed25519";
        appendString(out.blob, out.type);
        appendString(out.blob, QByteArray(reinterpret_cast<const char*>(raw), sizeof raw));
        return out;
    }
    default:
        return std::nullopt;
    }
}

std::optional<OpenSshKey> OpenSshKey::parseKeyText(const QByteArray& text)
{
    QByteArray rest;
    auto key = readKey(withoutLineEnd(text), &rest);
    if (key) {
        key->comment = rest.trimmed();
    }
    return key;
}

std::optional<OpenSshKey> OpenSshKey::parseLine(const QByteArray& line)
{
    const QByteArray text = withoutLineEnd(line);
    qsizetype i = 0;
    while (i < text.size() && isBlank(text.at(i))) {
        ++i;
    }
    if (i == text.size() || text.at(i) == '#') {
        return std::nullopt;
    }
    QByteArray rest;
    if (auto key = readKey(text.mid(i), &rest)) {
        key->comment = rest.trimmed();
        return key;
    }
    // Options first (auth2-pubkeyfile.c): up to a blank outside double quotes; \" is a quote kept.
    const qsizetype start = i;
    bool quoted = false;
    for (; i < text.size() && (quoted || !isBlank(text.at(i))); ++i) {
        if (text.at(i) == '\\' && i + 1 < text.size() && text.at(i + 1) == '"') {
            ++i;
        } else if (text.at(i) == '"') {
            quoted = !quoted;
        }
    }
    const QByteArray options = text.mid(start, i - start);
    while (i < text.size() && isBlank(text.at(i))) {
        ++i;
    }
    auto key = readKey(text.mid(i), &rest);
    if (key) {
        key->options = options;
        key->comment = rest.trimmed();
    }
    return key;
}

bool OpenSshKey::readableByPam(const QByteArray& line)
{
    qsizetype i = 0;
    while (i < line.size() && isBlank(line.at(i))) {
        ++i;
    }
    if (!line.mid(i).startsWith("ssh-rsa ")) {
        return false;
    }
    // The blob starts right after the first space and ends at a space, "\r", "\n" or the end
    // (not at a tab: the mapper's test of it is a typo).
    const qsizetype start = i + 8;
    qsizetype end = start;
    while (end < line.size() && line.at(end) != ' ' && line.at(end) != '\r' && line.at(end) != '\n' &&
           line.at(end) != '\0') {
        ++end;
    }
    // fgets() into an 8192-byte buffer: a longer line is read in pieces, the key must be in the first.
    if (end > kPamLineMax - 1) {
        return false;
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(line.mid(start, end - start), QByteArray::AbortOnBase64DecodingErrors);
    return decoded && firstString(decoded.decoded) == "ssh-rsa";
}

QByteArray OpenSshKey::toLine() const
{
    QByteArray line = options.isEmpty() ? QByteArray() : options + ' ';
    line += keyText();
    QByteArray clean = comment;
    for (char& c : clean) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            c = ' ';
        }
    }
    clean = clean.trimmed();
    if (!clean.isEmpty()) {
        line += ' ' + clean;
    }
    return line + '\n';
}

} // namespace tokendesk
