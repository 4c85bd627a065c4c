#pragma once

#include <QByteArray>
#include <optional>

namespace tokendesk {

/// A public key in OpenSSH's form: the key type ("ssh-rsa", "ecdsa-sha2-nistp256", "ssh-ed25519")
/// and the wire blob whose base64 follows it in an authorized_keys line, as `ssh-keygen -D` prints a
/// card's keys. Also what an authorized_keys line holds around it: sshd's options before the key
/// and the comment after it.
struct OpenSshKey
{
    QByteArray type;    ///< as written before the base64, and as the blob's first string says
    QByteArray blob;    ///< the decoded base64
    QByteArray options; ///< authorized_keys options before the key, as written (empty: none)
    QByteArray comment; ///< the text after the key, without the line end and surrounding white space

    QByteArray base64() const { return blob.toBase64(); }
    /// "ssh-rsa AAAA...": the key without options and comment, how stores name it.
    QByteArray keyText() const { return QByteArray(type).append(' ').append(base64()); }
    /// Same key, whatever the options and comments.
    bool sameKey(const OpenSshKey& o) const { return type == o.type && blob == o.blob; }

    /// The key of a DER certificate: RSA, EC on P-256/P-384/P-521, Ed25519. Nothing for other keys
    /// (and for DER OpenSSL does not read): OpenSSH has no form for them.
    static std::optional<OpenSshKey> fromCertificate(const QByteArray& der);
    /// One authorized_keys line (its line end may be included) as sshd reads it: white space before
    /// it skipped, options before the key skipped (double quotes may hold blanks, \" escapes a quote),
    /// the key type known to OpenSSH and the same as the blob's. Nothing for blank lines, comments
    /// and lines sshd would not take.
    static std::optional<OpenSshKey> parseLine(const QByteArray& line);
    /// "TYPE BASE64 [COMMENT]" without options: what keyText() and `ssh-keygen -D` print.
    static std::optional<OpenSshKey> parseKeyText(const QByteArray& text);
    /// Whether pam_pkcs11 0.6's openssh mapper reads `line` (src/mappers/openssh_mapper.c): only
    /// lines that start, after spaces and tabs, with "ssh-rsa", one space and the base64, which ends
    /// at a space or the line end within the first 8191 bytes (its fgets() buffer); no options, no
    /// tab after the type or the key, no other key type.
    static bool readableByPam(const QByteArray& line);
    /// An authorized_keys line: "TYPE BASE64 COMMENT\n" (options none); `comment` has line breaks
    /// and other control characters replaced by spaces.
    QByteArray toLine() const;
};

} // namespace tokendesk
