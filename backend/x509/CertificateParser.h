#pragma once

#include "CertificateInfo.h"
#include "X509Error.h"
#include "backend/common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace tokendesk {

/// Reads X.509 certificates (OpenSSL 3) into CertificateInfo snapshots. Stateless and thread-safe.
///
/// Lenient where tokens are: bytes after the certificate (cards pad their certificate objects) are
/// ignored, and names whose UTF8String/BMPString bytes are invalid (Latin-1 in a UTF8String), which
/// OpenSSL refuses, are read with the bad bytes replaced. Strict where it matters: every prefix of a
/// certificate is an error, never a partial snapshot.
class CertificateParser
{
public:
    /// One DER certificate; bytes after it are ignored.
    [[nodiscard]] static Result<CertificateInfo, X509Error> parseDer(const QByteArray& der);
    /// On (the default): RSA and EC keys are read by PublicKeyShortcut, ~5x faster with
    /// OpenSSL 3.0. Off: every key through OpenSSL's decoders (tests compare both ways).
    static void setKeyShortcut(bool on);
    /// The first CERTIFICATE (or "X509 CERTIFICATE", "TRUSTED CERTIFICATE") block of PEM text;
    /// other blocks (keys, CRLs) are skipped.
    [[nodiscard]] static Result<CertificateInfo, X509Error> parsePem(const QByteArray& pem);
    /// PEM when the data holds a "-----BEGIN " line, DER otherwise: the first certificate.
    [[nodiscard]] static Result<CertificateInfo, X509Error> parse(const QByteArray& data);
    /// Every certificate of a PEM bundle (or the one of a DER file), in order. An empty bundle is an error
    /// (NotACertificate); so is a broken CERTIFICATE block anywhere in it.
    [[nodiscard]] static Result<QList<CertificateInfo>, X509Error> parseAll(const QByteArray& data);

    [[nodiscard]] static Result<CertificateInfo, X509Error> parseFile(const QString& path);
    [[nodiscard]] static Result<QList<CertificateInfo>, X509Error> parseAllFromFile(const QString& path);

    /// True when the data looks like PEM text rather than DER.
    static bool looksLikePem(const QByteArray& data);
    /// CertificateInfo::isSelfSigned of the certificate parseDer(der) reads (false when none).
    static bool isSelfSigned(const QByteArray& der);
    /// A pipe or FIFO that gives nothing for this long is Unreadable ("nothing to read").
    static constexpr int kPipeTimeoutMs = 5000;
    /// The file's bytes, or Unreadable / TooLarge. Also a pipe, a FIFO, /dev/stdin: read with a
    /// time-out, up to X509Error::kMaxFileSize. The path is FileName's (any bytes).
    [[nodiscard]] static Result<QByteArray, X509Error> readFile(const QString& path);
};

} // namespace tokendesk
