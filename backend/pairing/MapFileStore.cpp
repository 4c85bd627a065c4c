#include "MapFileStore.h"

#include "LoginName.h"
#include "PamKeys.h"

#include <QSet>
#include <cctype>
#include <regex.h>
#include <strings.h>

namespace tokendesk {

namespace {
const QByteArray kSeparator = QByteArrayLiteral(" -> ");

bool isPattern(const QByteArray& key)
{
    return key.size() >= 2 && key.startsWith('^') && key.endsWith('$');
}
} // namespace

MapFileStore::MapFileStore(Kind kind, QString path, QString algorithm, bool ignoreCase)
    : m_kind(kind), m_path(std::move(path)),
      m_algorithm(algorithm.isEmpty() ? QStringLiteral("sha1") : std::move(algorithm)),
      // The digest mapper always compares without case (mapfile_find(..., 1, ...)).
      m_ignoreCase(kind == Kind::Digest ? true : ignoreCase)
{}

QString MapFileStore::kind() const
{
    return m_kind == Kind::Digest ? QStringLiteral("pam-digest") : QStringLiteral("pam-subject");
}

QByteArray MapFileStore::keyOf(const CertificateInfo& certificate) const
{
    return m_kind == Kind::Digest ? PamKeys::digest(certificate.der, m_algorithm) : PamKeys::subject(certificate.der);
}

Result<QByteArray, PairingError> MapFileStore::read() const
{
    auto data = AtomicFile::read(m_path);
    if (!data) {
        PairingError error = PairingError::fromFileError(data.error());
        if (error.code == PairingError::Code::NotWritable) {
            error.code = PairingError::Code::Unreadable;
        }
        return error;
    }
    return data.value();
}

QList<MapFileStore::Line> MapFileStore::split(const QByteArray& data, int* nulLine)
{
    // pam_pkcs11 reads the file as one C string: nothing after the first NUL byte exists for it,
    // and the line holding it ends there.
    const qsizetype nul = data.indexOf('\0');
    if (nulLine) {
        *nulLine = 0;
    }
    QList<Line> lines;
    qsizetype start = 0;
    int number = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        end = end < 0 ? data.size() : end + 1;
        Line line;
        line.text = data.mid(start, end - start);
        line.number = ++number;
        if (nul >= 0 && start > nul) {
            line.unread = true;
        } else {
            // As get_mapent: white space skipped, '#' a comment, " -> " the separator, the value up to '\n'.
            QByteArray body = line.text.endsWith('\n') ? line.text.chopped(1) : line.text;
            if (nul >= 0 && nul < end) {
                body.truncate(nul - start);
                if (nulLine) {
                    *nulLine = number;
                }
            }
            qsizetype first = 0;
            while (first < body.size() && std::isspace(static_cast<unsigned char>(body.at(first)))) {
                ++first;
            }
            body = body.mid(first);
            const qsizetype separator = body.indexOf(kSeparator);
            if (!body.startsWith('#') && separator >= 0) {
                line.key = body.left(separator);
                line.value = body.mid(separator + kSeparator.size());
            }
        }
        lines.append(std::move(line));
        start = end;
    }
    return lines;
}

bool MapFileStore::keyMatches(const QByteArray& entryKey, const QByteArray& certificateKey) const
{
    if (entryKey.isEmpty() || certificateKey.isEmpty()) {
        return false;
    }
    if (isPattern(entryKey)) {
        regex_t re;
        if (regcomp(&re, entryKey.constData(), (m_ignoreCase ? REG_ICASE : 0) | REG_NEWLINE) != 0) {
            return false;
        }
        const bool found = regexec(&re, certificateKey.constData(), 0, nullptr, 0) == 0;
        regfree(&re);
        return found;
    }
    return m_ignoreCase ? ::strcasecmp(entryKey.constData(), certificateKey.constData()) == 0
                        : entryKey == certificateKey;
}

Pairing MapFileStore::toPairing(const Line& line, bool shadowed) const
{
    Pairing p;
    p.storeKind = kind();
    p.storePath = m_path;
    p.key = QString::fromUtf8(line.key);
    p.line = line.number;
    QByteArray login = line.value;
    if (login.endsWith('\r')) {
        login.chop(1);
        p.warnings.append(PairingWarning::CarriageReturn);
    }
    p.login = QString::fromUtf8(login);
    if (isPattern(line.key)) {
        p.warnings.append(PairingWarning::Pattern);
    }
    if (shadowed) {
        p.warnings.append(PairingWarning::Shadowed);
    }
    return p;
}

Result<QList<Pairing>, PairingError> MapFileStore::list() const
{
    const auto data = read();
    if (!data) {
        return data.error();
    }
    return parse(data.value());
}

QList<Pairing> MapFileStore::parse(const QByteArray& data) const
{
    QList<Pairing> pairings;
    QSet<QByteArray> seen;
    for (const Line& line : split(data)) {
        if (line.key.isEmpty()) {
            continue;
        }
        const QByteArray folded = m_ignoreCase ? line.key.toLower() : line.key;
        const bool shadowed = seen.contains(folded);
        seen.insert(folded);
        pairings.append(toPairing(line, shadowed));
    }
    return pairings;
}

bool MapFileStore::matches(const Pairing& pairing, const CertificateInfo& certificate) const
{
    return keyMatches(pairing.key.toUtf8(), keyOf(certificate));
}

Status<PairingError> MapFileStore::write(const QByteArray& before, const QByteArray& after) const
{
    AtomicFile::Options options;
    options.expected = before;
    options.backupSuffix = QString::fromLatin1(kBackupSuffix);
    options.newFileMode = 0644; // pam_pkcs11 reads it as root, users may check their own line
    aboutToWrite();
    const auto written = AtomicFile::write(m_path, after, options);
    if (!written) {
        return PairingError::fromFileError(written.error());
    }
    return Done{};
}

Result<PairOutcome, PairingError> MapFileStore::pair(const CertificateInfo& certificate, const QString& login)
{
    if (!LoginName::valid(login)) {
        return PairingError::make(PairingError::Code::BadLogin, m_path, login);
    }
    bool complete = true;
    const QByteArray key = m_kind == Kind::Digest ? PamKeys::digest(certificate.der, m_algorithm)
                                                  : PamKeys::subject(certificate.der, &complete);
    if (key.isEmpty() || !complete || key.contains(kSeparator) || key.contains('\n') || key.startsWith('#') ||
        isPattern(key)) {
        // A subject pam_pkcs11 cuts, or one that its file format cannot hold as a plain key.
        return PairingError::make(PairingError::Code::BadCertificate, m_path, QString::fromUtf8(key));
    }
    const auto data = read();
    if (!data) {
        return data.error();
    }
    const QByteArray& before = data.value();
    int nulLine = 0;
    const QList<Line> lines = split(before, &nulLine);
    if (nulLine > 0) {
        // A line added after the NUL byte would never be read.
        PairingError error = PairingError::make(PairingError::Code::PamStopsReading, m_path);
        error.line = nulLine;
        return error;
    }
    for (const Line& line : lines) {
        if (!keyMatches(line.key, key)) {
            continue;
        }
        // The first line whose key matches, a pattern too, is the one pam_pkcs11 uses.
        QByteArray value = line.value;
        if (value.endsWith('\r')) {
            value.chop(1);
        }
        if (QString::fromUtf8(value) == login && !line.value.endsWith('\r')) {
            return PairOutcome::AlreadyPaired;
        }
        PairingError error = PairingError::make(isPattern(line.key) ? PairingError::Code::CoveredByPattern
                                                                    : PairingError::Code::Conflict,
                                                m_path, QString::fromUtf8(value));
        error.line = line.number;
        return error;
    }
    QByteArray after = before;
    if (!after.isEmpty() && !after.endsWith('\n')) {
        after.append('\n');
    }
    after.append(key).append(kSeparator).append(login.toUtf8()).append('\n');
    const auto written = write(before, after);
    if (!written) {
        return written.error();
    }
    return PairOutcome::Added;
}

Result<int, PairingError> MapFileStore::unpair(const QString& login, const CertificateInfo* certificate)
{
    if (login.isEmpty()) {
        return PairingError::make(PairingError::Code::BadLogin, m_path, login);
    }
    const auto data = read();
    if (!data) {
        return data.error();
    }
    const QByteArray& before = data.value();
    const QByteArray key = certificate ? keyOf(*certificate) : QByteArray();
    QByteArray after;
    after.reserve(before.size());
    int removed = 0;
    for (const Line& line : split(before)) {
        QByteArray value = line.value;
        if (value.endsWith('\r')) {
            value.chop(1);
        }
        const bool mine = !line.key.isEmpty() && QString::fromUtf8(value) == login;
        // A pattern may stand for other certificates too: one certificate's unpair leaves it.
        const bool remove = mine && (!certificate || (!isPattern(line.key) && keyMatches(line.key, key)));
        if (remove) {
            ++removed;
        } else {
            after.append(line.text);
        }
    }
    if (removed == 0) {
        // Nothing of this login's to remove, but a pattern may still let the certificate in.
        for (const Line& line : split(before)) {
            if (certificate && isPattern(line.key) && keyMatches(line.key, key)) {
                QByteArray value = line.value;
                if (value.endsWith('\r')) {
                    value.chop(1);
                }
                PairingError error =
                    PairingError::make(PairingError::Code::CoveredByPattern, m_path, QString::fromUtf8(value));
                error.line = line.number;
                return error;
            }
        }
        return PairingError::make(PairingError::Code::NotPaired, m_path, login);
    }
    const auto written = write(before, after);
    if (!written) {
        return written.error();
    }
    return removed;
}

} // namespace tokendesk
