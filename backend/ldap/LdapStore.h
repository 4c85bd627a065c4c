#pragma once

#include "DirectoryOptions.h"
#include "LdapEntry.h"
#include "LdapUrl.h"
#include "backend/pairing/PairingStore.h"

#include <memory>

namespace tokendesk {

class LdapConnection;

/// Pairings in a directory, as SSSD reads them: each account's entry holds its certificates as
/// values of one attribute (userCertificate;binary). Pair adds the DER as one more value; unpair
/// reads the entry, drops the exact bytes and writes the rest back with the entry's state asserted
/// (RFC 4528 on entryCSN, else modifyTimestamp), never deleting by value: a directory compares
/// certificates by serial number and issuer only (certificateExactMatch), so a delete by value can
/// remove another certificate. Every call opens its own connection and binds.
class LdapStore : public PairingStore
{
public:
    LdapStore(LdapUrl url, DirectoryAccessPtr access);
    ~LdapStore() override;

    QString kind() const override { return QStringLiteral("ldap"); }
    QString path() const override { return m_url.text; }
    QString spec() const override { return m_url.text; }
    const LdapUrl& url() const { return m_url; }
    const DirectoryOptions& options() const { return m_access->options; }

    [[nodiscard]] Result<QList<Pairing>, PairingError> list() const override;
    [[nodiscard]] Status<PairingError> listPages(const PageHandler& onPage) const override;
    [[nodiscard]] Result<PairOutcome, PairingError> pair(const CertificateInfo& certificate,
                                                         const QString& login) override;
    [[nodiscard]] Result<int, PairingError> unpair(const QString& login, const CertificateInfo* certificate) override;
    /// By the certificate's bytes (SHA-256), not by serial and issuer.
    bool matches(const Pairing& pairing, const CertificateInfo& certificate) const override;
    /// SSSD's way: the first of the configured mapping rules (sssd.conf's certmap, else SSSD's
    /// default) that matches the certificate, by libsss_certmap; its filter searched; each entry
    /// found checked for this certificate's exact bytes.
    [[nodiscard]] std::optional<Result<StoreLookup, PairingError>>
    lookUp(const CertificateInfo& certificate) const override;
    void setCancelFlag(const std::atomic_bool* cancel) override { m_cancel = cancel; }
    /// The entries that hold these exact bytes, found by a search for the certificate (as pair()
    /// looks for another holder), not by reading the whole directory.
    [[nodiscard]] Result<QList<Pairing>, PairingError>
    findByCertificate(const CertificateInfo& certificate) const override;
    /// The certificates of the one entry the user filter finds (none when there is no such account).
    [[nodiscard]] Result<QList<Pairing>, PairingError> findByLogin(const QString& login) const override;

    /// "Test connection": connects, binds and reads one entry below the base, as a listing would
    /// start. The entry's DN (the base itself, normally); empty when the bind DN sees nothing there.
    [[nodiscard]] Result<QString, PairingError> check() const;

    /// Tests: runs between reading the entry and writing it (pair, unpair), where another
    /// program's edit would land.
    void setBetweenReadAndWriteForTests(std::function<void()> hook) { m_betweenReadAndWrite = std::move(hook); }

    /// The pairings one entry holds (one per certificate value), certificates summarised.
    QList<Pairing> pairingsOf(const LdapEntry& entry) const;

private:
    [[nodiscard]] Result<std::unique_ptr<LdapConnection>, PairingError> connect() const;
    /// pairingsOf() of every entry, in order; stops early (a shorter list) once `cancelled`.
    QList<Pairing> summarised(const QList<LdapEntry>& entries, const std::function<bool()>& cancelled) const;
    /// The one entry the user filter finds for `login`, with its certificates and state.
    [[nodiscard]] Result<LdapEntry, PairingError> account(LdapConnection& connection, const QString& login) const;
    /// The entries that may hold `certificate`: by its whole DER (servers that compare bytes, as
    /// SSSD's default rule asks) or by serial number and issuer (OpenLDAP's certificateExactMatch).
    [[nodiscard]] Result<QList<LdapEntry>, PairingError> holders(LdapConnection& connection,
                                                                 const CertificateInfo& certificate) const;
    /// The assertion that the entry is as read: (entryCSN=...), else (modifyTimestamp=...); an
    /// error when the directory shows neither (a write could then overwrite someone's change).
    [[nodiscard]] Result<QString, PairingError> stateAssertion(const LdapEntry& entry) const;
    /// A write's error for `login`: the entry gone meanwhile (32) is no such account.
    PairingError writeError(PairingError e, const QString& login) const;
    /// The attribute type of the certificate attribute, without options ("userCertificate").
    QString attributeType() const;

    LdapUrl m_url;
    DirectoryAccessPtr m_access;
    const std::atomic_bool* m_cancel = nullptr;
    std::function<void()> m_betweenReadAndWrite;
};

} // namespace tokendesk
