#pragma once

#include "PairingStore.h"

namespace tokendesk {

/// pam_pkcs11's opensc mapper's store: each account's `~LOGIN/.eid/authorized_certificates`, PEM
/// certificates. The mapper walks the accounts in getpwent order and takes the first whose file
/// holds the certificate (X509_cmp). Created for pairing with the account's owner and group, mode
/// 0644, in a 0755 folder.
class EidStore : public PairingStore
{
public:
    static QString defaultRelativePath() { return QStringLiteral(".eid/authorized_certificates"); }
    /// `relativePath`: the file inside each home folder; empty: the default.
    explicit EidStore(QString relativePath = QString());

    QString kind() const override { return QStringLiteral("pam-eid"); }
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
