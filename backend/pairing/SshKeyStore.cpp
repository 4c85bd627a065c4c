#include "SshKeyStore.h"

#include "LoginName.h"
#include "OpenSshKey.h"
#include "UserAccounts.h"
#include "UserFile.h"

#include <QCryptographicHash>
#include <QSet>

namespace tokendesk {

namespace {

constexpr mode_t kFolderMode = 0700; // what sshd's StrictModes accepts, and ssh-keygen creates
constexpr mode_t kFileMode = 0600;
/// The start of the comment on lines TokenDesk writes: unpairing all of a login's entries removes
/// these only, never the user's other keys.
const QByteArray kCommentPrefix = QByteArrayLiteral("tokendesk: ");

struct KeyLine
{
    qsizetype begin = 0;
    qsizetype end = 0;
    int number = 0;
    QByteArray text;
};

QList<KeyLine> linesOf(const QByteArray& data)
{
    QList<KeyLine> lines;
    qsizetype start = 0;
    int number = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        end = end < 0 ? data.size() : end + 1;
        lines.append(KeyLine{start, end, ++number, data.mid(start, end - start)});
        start = end;
    }
    return lines;
}

PairingError noAccount(const QString& login, const QString& relativePath)
{
    return PairingError{PairingError::Code::NoSuchAccount, QLatin1Char('~') + login + QLatin1Char('/') + relativePath,
                        login};
}

} // namespace

SshKeyStore::SshKeyStore(QString relativePath)
    : m_relativePath(UserFile::relativePath(std::move(relativePath), defaultRelativePath()))
{}

Result<QList<Pairing>, PairingError> SshKeyStore::list() const
{
    QList<Pairing> pairings;
    QSet<QByteArray> seen;
    for (const UserFile::Read& file : UserFile::readEach(m_relativePath, kFolderMode, kFileMode)) {
        const UserAccount& account = file.account;
        for (const KeyLine& line : linesOf(file.data)) {
            const auto key = OpenSshKey::parseLine(line.text);
            if (!key) {
                continue;
            }
            Pairing p;
            p.login = account.login;
            p.storeKind = kind();
            p.storePath = file.path;
            p.key = QString::fromLatin1(key->keyText());
            p.line = line.number;
            if (!OpenSshKey::readableByPam(line.text)) {
                p.warnings.append(PairingWarning::IgnoredByPam);
            } else if (seen.contains(key->keyText())) {
                p.warnings.append(PairingWarning::Shadowed);
            } else {
                seen.insert(key->keyText());
            }
            pairings.append(std::move(p));
        }
    }
    return pairings;
}

Result<PairOutcome, PairingError> SshKeyStore::pair(const CertificateInfo& certificate, const QString& login)
{
    if (!LoginName::valid(login)) {
        return PairingError{PairingError::Code::BadLogin, path(), login};
    }
    auto key = OpenSshKey::fromCertificate(certificate.der);
    if (!key) {
        return PairingError{PairingError::Code::BadCertificate, path(), certificate.subject};
    }
    const auto account = UserAccounts::find(login);
    if (!account) {
        return noAccount(login, m_relativePath);
    }
    // The same key in several accounts is fine for sshd; only where the openssh mapper reads it would
    // it map the card to the other login.
    const auto all = list();
    if (!all) {
        return all.error();
    }
    for (const Pairing& p : all.value()) {
        if (p.login != login && p.key.toLatin1() == key->keyText() &&
            !p.warnings.contains(PairingWarning::IgnoredByPam)) {
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
    for (const KeyLine& line : linesOf(before)) {
        const auto existing = OpenSshKey::parseLine(line.text);
        if (existing && existing->sameKey(*key)) {
            return PairOutcome::AlreadyPaired;
        }
    }
    const QByteArray sha256 = certificate.sha256.isEmpty()
                                  ? QCryptographicHash::hash(certificate.der, QCryptographicHash::Sha256).toHex()
                                  : certificate.sha256.toHex();
    key->comment = kCommentPrefix + certificate.subject.toUtf8() + ", sha256 " + sha256;
    QByteArray after = before;
    if (!after.isEmpty() && !after.endsWith('\n')) {
        after.append('\n');
    }
    after.append(key->toLine());
    const auto written = file.write(before, after);
    if (!written) {
        return written.error();
    }
    return PairOutcome::Added;
}

Result<int, PairingError> SshKeyStore::unpair(const QString& login, const CertificateInfo* certificate)
{
    if (!LoginName::valid(login)) {
        return PairingError{PairingError::Code::BadLogin, path(), login};
    }
    std::optional<OpenSshKey> key;
    if (certificate) {
        key = OpenSshKey::fromCertificate(certificate->der);
        if (!key) {
            return PairingError{PairingError::Code::BadCertificate, path(), certificate->subject};
        }
    }
    const auto account = UserAccounts::find(login);
    if (!account) {
        return noAccount(login, m_relativePath);
    }
    const UserFile file(*account, m_relativePath, kFolderMode, kFileMode);
    const auto data = file.read();
    if (!data) {
        return data.error();
    }
    const QByteArray& before = data.value();
    QByteArray after;
    after.reserve(before.size());
    int removed = 0;
    for (const KeyLine& line : linesOf(before)) {
        const auto parsed = OpenSshKey::parseLine(line.text);
        const bool remove = parsed && (key ? parsed->sameKey(*key) : parsed->comment.startsWith(kCommentPrefix));
        if (remove) {
            ++removed;
        } else {
            after.append(line.text);
        }
    }
    if (removed == 0) {
        return PairingError{PairingError::Code::NotPaired, file.path(), login};
    }
    const auto written = file.write(before, after);
    if (!written) {
        return written.error();
    }
    return removed;
}

bool SshKeyStore::matches(const Pairing& pairing, const CertificateInfo& certificate) const
{
    const auto stored = OpenSshKey::parseKeyText(pairing.key.toLatin1());
    const auto key = OpenSshKey::fromCertificate(certificate.der);
    return stored && key && stored->sameKey(*key);
}

} // namespace tokendesk
