#include "EidStore.h"

#include "LoginName.h"
#include "PemBlocks.h"
#include "UserAccounts.h"
#include "UserFile.h"
#include "backend/x509/CertificateParser.h"

#include <QCryptographicHash>
#include <QSet>

namespace tokendesk {

namespace {

constexpr mode_t kFolderMode = 0755; // as OpenSC's own tools create ~/.eid
constexpr mode_t kFileMode = 0644;

QByteArray sha256Hex(const QByteArray& der)
{
    return QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex();
}

QByteArray sha256HexOf(const CertificateInfo& certificate)
{
    return certificate.sha256.isEmpty() ? sha256Hex(certificate.der) : certificate.sha256.toHex();
}

} // namespace

EidStore::EidStore(QString relativePath)
    : m_relativePath(UserFile::relativePath(std::move(relativePath), defaultRelativePath()))
{}

Result<QList<Pairing>, PairingError> EidStore::list() const
{
    QList<Pairing> pairings;
    QSet<QByteArray> seen;
    // One account's unreadable home (or none) does not hide everybody else's pairings.
    for (const UserFile::Read& file : UserFile::readEach(m_relativePath, kFolderMode, kFileMode)) {
        const UserAccount& account = file.account;
        bool stopped = false;
        for (const PemBlock& block : PemBlocks::split(file.data)) {
            stopped = stopped || block.stopsReading;
            if (block.der.isEmpty()) {
                continue;
            }
            Pairing p;
            p.login = account.login;
            p.storeKind = kind();
            p.storePath = file.path;
            p.sha256 = sha256Hex(block.der);
            p.key = QString::fromLatin1(p.sha256);
            p.line = block.line;
            if (const auto parsed = CertificateParser::parseDer(block.der)) {
                p.subject = parsed.value().subject;
                p.notAfter = parsed.value().notAfter;
            }
            if (stopped) {
                p.warnings.append(PairingWarning::IgnoredByPam);
            } else if (seen.contains(p.sha256)) {
                p.warnings.append(PairingWarning::Shadowed);
            } else {
                seen.insert(p.sha256);
            }
            pairings.append(std::move(p));
        }
    }
    return pairings;
}

Result<PairOutcome, PairingError> EidStore::pair(const CertificateInfo& certificate, const QString& login)
{
    if (!LoginName::valid(login)) {
        return PairingError{PairingError::Code::BadLogin, path(), login};
    }
    const QByteArray pem = PemBlocks::toPem(certificate.der);
    if (pem.isEmpty()) {
        return PairingError{PairingError::Code::BadCertificate, path(), certificate.subject};
    }
    const auto account = UserAccounts::find(login);
    if (!account) {
        return PairingError{PairingError::Code::NoSuchAccount,
                            QLatin1Char('~') + login + QLatin1Char('/') + m_relativePath, login};
    }
    // The mapper takes the first account (getpwent order) whose file holds the certificate.
    const auto all = list();
    if (!all) {
        return all.error();
    }
    const QByteArray sha256 = sha256HexOf(certificate);
    for (const Pairing& p : all.value()) {
        if (p.sha256 == sha256 && p.login != login && !p.warnings.contains(PairingWarning::IgnoredByPam)) {
            PairingError error{PairingError::Code::Conflict, p.storePath, p.login};
            error.line = p.line;
            return error;
        }
    }
    const UserFile file(*account, m_relativePath, kFolderMode, kFileMode);
    const auto data = file.read();
    if (!data) {
        return data.error();
    }
    const QByteArray& before = data.value();
    qsizetype insertAt = before.size();
    for (const PemBlock& block : PemBlocks::split(before)) {
        if (block.stopsReading) {
            // The mapper stops reading here: a certificate after this block would never be found.
            insertAt = block.begin;
            break;
        }
        if (block.der == certificate.der) {
            return PairOutcome::AlreadyPaired;
        }
    }
    QByteArray after;
    if (insertAt == before.size()) {
        after = before;
        if (!after.isEmpty() && !after.endsWith('\n')) {
            after.append('\n');
        }
        after.append(pem);
    } else {
        after = before.left(insertAt) + pem + before.mid(insertAt);
    }
    const auto written = file.write(before, after);
    if (!written) {
        return written.error();
    }
    return PairOutcome::Added;
}

Result<int, PairingError> EidStore::unpair(const QString& login, const CertificateInfo* certificate)
{
    if (!LoginName::valid(login)) {
        return PairingError{PairingError::Code::BadLogin, path(), login};
    }
    const auto account = UserAccounts::find(login);
    if (!account) {
        return PairingError{PairingError::Code::NoSuchAccount,
                            QLatin1Char('~') + login + QLatin1Char('/') + m_relativePath, login};
    }
    const UserFile file(*account, m_relativePath, kFolderMode, kFileMode);
    const auto data = file.read();
    if (!data) {
        return data.error();
    }
    const QByteArray& before = data.value();
    QByteArray after;
    qsizetype copied = 0;
    int removed = 0;
    for (const PemBlock& block : PemBlocks::split(before)) {
        if (block.der.isEmpty() || (certificate && block.der != certificate->der)) {
            continue;
        }
        after.append(before.mid(copied, block.begin - copied));
        copied = block.end;
        ++removed;
    }
    if (removed == 0) {
        return PairingError{PairingError::Code::NotPaired, file.path(), login};
    }
    after.append(before.mid(copied));
    const auto written = file.write(before, after);
    if (!written) {
        return written.error();
    }
    return removed;
}

bool EidStore::matches(const Pairing& pairing, const CertificateInfo& certificate) const
{
    return !certificate.der.isEmpty() && pairing.sha256 == sha256HexOf(certificate);
}

} // namespace tokendesk
