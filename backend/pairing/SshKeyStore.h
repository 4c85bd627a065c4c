#pragma once

#include "PairingStore.h"

namespace tokendesk {

/// The account's `~LOGIN/.ssh/authorized_keys`: one line for the certificate's public key in OpenSSH
/// format (as `ssh-keygen -D` prints the card's key), with a comment naming the certificate. sshd
/// reads it, and pam_pkcs11's openssh mapper (which walks accounts in getpwent order).
class SshKeyStore : public PairingStore
{
public:
    static QString defaultRelativePath() { return QStringLiteral(".ssh/authorized_keys"); }
    /// `relativePath`: the file inside each home folder; empty: the default.
    explicit SshKeyStore(QString relativePath = QString());

    QString kind() const override { return QStringLiteral("ssh"); }
    QString path() const override { return QStringLiteral("~/") + m_relativePath; }

    [[nodiscard]] Result<QList<Pairing>, PairingError> list() const override;
    [[nodiscard]] Result<PairOutcome, PairingError> pair(const CertificateInfo& certificate,
                                                         const QString& login) override;
    [[nodiscard]] Result<int, PairingError> unpair(const QString& login, const CertificateInfo* certificate) override;
    bool matches(const Pairing& pairing, const CertificateInfo& certificate) const override;

private:
    QString m_relativePath;
};

} // namespace tokendesk
