#pragma once

#include "PairingStore.h"

namespace tokendesk {

/// pam_pkcs11's mapping files, as its digest and subject mappers read them (src/mappers/mapper.c):
/// a line is "KEY -> LOGIN"; leading white space is skipped; a line starting with '#' and a line
/// without " -> " are ignored; the first line whose key matches wins; a key "^...$" is a POSIX
/// regular expression. TokenDesk edits the file line by line: every other byte (comments, blank and
/// unknown lines, their order, CRLF endings) comes back as it was. Lines it adds end in "\n": a
/// "\r" would become part of the login.
class MapFileStore : public PairingStore
{
public:
    enum class Kind
    {
        Digest,  ///< "pam-digest": KEY is the certificate's digest, "AB:CD:...", compared without case
        Subject, ///< "pam-subject": KEY is the subject as X509_NAME_oneline prints it
    };
    /// Kept beside the file by every change: the bytes before it.
    static constexpr const char* kBackupSuffix = ".tokendesk-backup";

    /// `algorithm`: the digest mapper's (default sha1); `ignoreCase`: the subject mapper's `ignorecase`.
    MapFileStore(Kind kind, QString path, QString algorithm = QStringLiteral("sha1"), bool ignoreCase = false);

    QString kind() const override;
    QString path() const override { return m_path; }
    QString algorithm() const { return m_algorithm; }

    [[nodiscard]] Result<QList<Pairing>, PairingError> list() const override;
    [[nodiscard]] Result<PairOutcome, PairingError> pair(const CertificateInfo& certificate,
                                                         const QString& login) override;
    [[nodiscard]] Result<int, PairingError> unpair(const QString& login, const CertificateInfo* certificate) override;
    bool matches(const Pairing& pairing, const CertificateInfo& certificate) const override;

    /// The entries of a mapping file's bytes, as list() gives them for the file.
    QList<Pairing> parse(const QByteArray& data) const;
    /// The key this store's mapper computes for `certificate`.
    QByteArray keyOf(const CertificateInfo& certificate) const;

protected:
    /// Between reading the file and writing it back: a seam for tests that edit the file meanwhile.
    virtual void aboutToWrite() const {}

private:
    struct Line
    {
        QByteArray text;  ///< as in the file, with its line ending
        QByteArray key;   ///< empty: not an entry
        QByteArray value; ///< the login as pam_pkcs11 reads it (a CRLF line's ends in '\r')
        int number = 0;
        bool unread = false; ///< after a NUL byte: pam_pkcs11 never reads this far
    };
    [[nodiscard]] Result<QByteArray, PairingError> read() const;
    /// The file's lines; `nulLine` (may be null) gets the line of the first NUL byte (0: none).
    static QList<Line> split(const QByteArray& data, int* nulLine = nullptr);
    bool keyMatches(const QByteArray& entryKey, const QByteArray& certificateKey) const;
    Pairing toPairing(const Line& line, bool shadowed) const;
    [[nodiscard]] Status<PairingError> write(const QByteArray& before, const QByteArray& after) const;

    Kind m_kind;
    QString m_path;
    QString m_algorithm;
    bool m_ignoreCase;
};

} // namespace tokendesk
