#include "LdapStore.h"

#include "CertmapEvaluator.h"
#include "LdapConnection.h"
#include "backend/x509/CertificateParser.h"
#include "backend/x509/CertificateSummary.h"

#include <QCryptographicHash>
#include <future>
#include <thread>

namespace tokendesk {

namespace {
const QString kEntryCsn = QStringLiteral("entryCSN");
const QString kModifyTimestamp = QStringLiteral("modifyTimestamp");
} // namespace

LdapStore::LdapStore(LdapUrl url, DirectoryAccessPtr access) : m_url(std::move(url)), m_access(std::move(access)) {}

LdapStore::~LdapStore() = default;

Result<std::unique_ptr<LdapConnection>, PairingError> LdapStore::connect() const
{
    return LdapConnection::open(m_url, *m_access, m_cancel);
}

QString LdapStore::attributeType() const
{
    const QString& description = m_access->options.certificateAttribute;
    return description.section(QLatin1Char(';'), 0, 0);
}

QList<Pairing> LdapStore::pairingsOf(const LdapEntry& entry) const
{
    QList<Pairing> pairings;
    const QString login = entry.text(m_access->options.loginAttribute);
    for (const QByteArray& der : entry.values(m_access->options.certificateAttribute)) {
        Pairing p;
        p.login = login;
        p.storeKind = kind();
        p.storePath = m_url.text;
        p.key = entry.dn;
        if (const auto summary = CertificateSummary::read(der)) {
            p.sha256 = summary->sha256.toHex();
            p.subject = summary->subject;
            p.notAfter = summary->notAfter;
        } else if (const auto whole = CertificateParser::parseDer(der)) {
            // What the quick walk does not read (a name OpenSSL refuses and the parser repairs).
            p.setCertificate(whole.value());
        } else {
            // Not a certificate: listed by its bytes' digest so that it can be seen and unpaired.
            p.sha256 = QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex();
        }
        pairings.append(std::move(p));
    }
    return pairings;
}

Result<QList<Pairing>, PairingError> LdapStore::list() const
{
    QList<Pairing> all;
    auto done = listPages([&all](QList<Pairing>&& page) {
        all.append(std::move(page));
        return true;
    });
    if (!done) {
        return done.error();
    }
    return all;
}

Status<PairingError> LdapStore::listPages(const PageHandler& onPage) const
{
    auto connection = connect();
    if (!connection) {
        return connection.error();
    }
    const DirectoryOptions& o = m_access->options;
    const auto cancelled = [this] {
        return m_cancel && m_cancel->load();
    };
    // Page k's certificates are summarised on a worker while page k+1 is on its way.
    std::future<QList<Pairing>> previous;
    bool stopped = false;
    bool first = true;
    const auto deliver = [&]() {
        if (previous.valid() && !stopped) {
            QList<Pairing> page = previous.get();
            stopped = cancelled() || !onPage(std::move(page));
        }
    };
    auto searched = connection.value()->searchPaged(
        m_url.base, QStringLiteral("(%1=*)").arg(attributeType()), {o.loginAttribute, o.certificateAttribute},
        o.pageSize,
        [&](QList<LdapEntry>&& entries) {
            deliver();
            // Stopped (by the handler or a cancel): no page more is read or summarised.
            stopped = stopped || cancelled();
            if (stopped) {
                return false;
            }
            if (first) {
                // The first (small) page is handed on at once: the window shows rows while the
                // next page is on its way.
                first = false;
                stopped = !onPage(summarised(entries, cancelled)) || cancelled();
                return !stopped;
            }
            previous = std::async(std::launch::async, [this, cancelled, page = std::move(entries)]() {
                return summarised(page, cancelled);
            });
            return true;
        },
        o.firstPageSize);
    if (previous.valid()) {
        QList<Pairing> last = previous.get();
        if (searched && !stopped && !cancelled()) {
            onPage(std::move(last));
        }
    }
    if (!searched) {
        return searched.error();
    }
    if (cancelled()) {
        return PairingError::make(PairingError::Code::Cancelled, m_url.text); // the rows were not all seen
    }
    return Done{};
}

QList<Pairing> LdapStore::summarised(const QList<LdapEntry>& entries, const std::function<bool()>& cancelled) const
{
    // A large page is cut in one part per core, summarised side by side, joined in order.
    const qsizetype parts =
        entries.size() < 256 ? 1 : qBound(qsizetype(1), qsizetype(std::thread::hardware_concurrency()), qsizetype(8));
    const qsizetype step = (entries.size() + parts - 1) / qMax<qsizetype>(parts, 1);
    const auto summarise = [this, &entries, &cancelled](qsizetype from, qsizetype to) {
        QList<Pairing> pairings;
        pairings.reserve(to - from);
        for (qsizetype i = from; i < to; ++i) {
            if (cancelled()) {
                break; // nobody will see this page: the cancel is answered now, not in half a second
            }
            pairings.append(pairingsOf(entries.at(i)));
        }
        return pairings;
    };
    std::vector<std::future<QList<Pairing>>> others;
    for (qsizetype from = step; from < entries.size(); from += step) {
        others.push_back(std::async(std::launch::async, summarise, from, qMin(from + step, entries.size())));
    }
    QList<Pairing> all = summarise(0, qMin(step, entries.size()));
    for (auto& other : others) {
        all.append(other.get());
    }
    return all;
}

Result<QString, PairingError> LdapStore::check() const
{
    auto connection = connect();
    if (!connection) {
        return connection.error();
    }
    QString first;
    // One page of one entry, no attributes ("1.1"): as cheap as a search gets, and a missing base
    // or a bind DN that may not read it says so.
    auto searched = connection.value()->searchPaged(m_url.base, QStringLiteral("(objectClass=*)"),
                                                    {QStringLiteral("1.1")}, 1, [&first](QList<LdapEntry>&& page) {
                                                        if (!page.isEmpty()) {
                                                            first = page.constFirst().dn;
                                                        }
                                                        return false;
                                                    });
    if (!searched) {
        return searched.error();
    }
    return first;
}

Result<LdapEntry, PairingError> LdapStore::account(LdapConnection& connection, const QString& login) const
{
    const DirectoryOptions& o = m_access->options;
    if (login.isEmpty() || login.contains(QChar(0)) || !login.trimmed().size()) {
        return PairingError::make(PairingError::Code::BadLogin, m_url.text, login);
    }
    QString filter = o.userFilter;
    filter.replace(QLatin1String("%s"), LdapConnection::escapeFilterValue(login));
    auto found =
        connection.search(m_url.base, filter, {o.loginAttribute, o.certificateAttribute, kEntryCsn, kModifyTimestamp});
    if (!found) {
        return found.error();
    }
    if (found.value().isEmpty()) {
        return PairingError::make(PairingError::Code::NoSuchAccount, m_url.text, login);
    }
    if (found.value().size() > 1) {
        PairingError e = PairingError::make(
            PairingError::Code::DirectoryError, m_url.text,
            QStringLiteral("the user filter finds %1 entries for %2").arg(found.value().size()).arg(login));
        return e;
    }
    return found.value().constFirst();
}

Result<QList<LdapEntry>, PairingError> LdapStore::holders(LdapConnection& connection,
                                                          const CertificateInfo& certificate) const
{
    const DirectoryOptions& o = m_access->options;
    const QString type = attributeType();
    const QString serial = CertificateSummary::decimalSerial(certificate.serial);
    const QString filter = QStringLiteral("(|(%1;binary=%2)(%1=%3$%4))")
                               .arg(type, LdapConnection::escapeFilterBytes(certificate.der), serial,
                                    LdapConnection::escapeFilterValue(certificate.issuer));
    return connection.search(m_url.base, filter, {o.loginAttribute, o.certificateAttribute});
}

Result<QList<Pairing>, PairingError> LdapStore::findByCertificate(const CertificateInfo& certificate) const
{
    auto connection = connect();
    if (!connection) {
        return connection.error();
    }
    auto found = holders(*connection.value(), certificate);
    if (!found) {
        return found.error();
    }
    QList<Pairing> pairings;
    for (const LdapEntry& entry : found.value()) {
        for (Pairing& p : pairingsOf(entry)) {
            if (matches(p, certificate)) {
                p.setCertificate(certificate);
                pairings.append(std::move(p));
            }
        }
    }
    return pairings;
}

Result<QList<Pairing>, PairingError> LdapStore::findByLogin(const QString& login) const
{
    auto connection = connect();
    if (!connection) {
        return connection.error();
    }
    auto entry = account(*connection.value(), login);
    if (!entry) {
        if (entry.error().code == PairingError::Code::NoSuchAccount) {
            return QList<Pairing>();
        }
        return entry.error();
    }
    return pairingsOf(entry.value());
}

Result<QString, PairingError> LdapStore::stateAssertion(const LdapEntry& entry) const
{
    for (const QString& attribute : {kEntryCsn, kModifyTimestamp}) {
        const QString value = entry.text(attribute);
        if (!value.isEmpty()) {
            return QStringLiteral("(%1=%2)").arg(attribute, LdapConnection::escapeFilterValue(value));
        }
    }
    // Without the entry's state a change made meanwhile could not be told: no write at all.
    return PairingError::make(PairingError::Code::DirectoryError, m_url.text,
                              QStringLiteral("the directory shows neither entryCSN nor modifyTimestamp of %1, so "
                                             "a change made meanwhile could not be detected")
                                  .arg(entry.dn));
}

PairingError LdapStore::writeError(PairingError e, const QString& login) const
{
    constexpr int kNoSuchObject = 32; // the entry went between TokenDesk's read and its write
    if (e.ldapResult == kNoSuchObject) {
        e.code = PairingError::Code::NoSuchAccount;
    }
    if (e.code == PairingError::Code::SameSerialAndIssuer || e.code == PairingError::Code::NoSuchAccount) {
        e.detail = login;
    }
    return e;
}

Result<PairOutcome, PairingError> LdapStore::pair(const CertificateInfo& certificate, const QString& login)
{
    auto connection = connect();
    if (!connection) {
        return connection.error();
    }
    auto entry = account(*connection.value(), login);
    if (!entry) {
        return entry.error();
    }
    const DirectoryOptions& o = m_access->options;
    if (entry.value().values(o.certificateAttribute).contains(certificate.der)) {
        return PairOutcome::AlreadyPaired;
    }
    // Paired with someone else? What the directory finds is compared byte for byte.
    auto found = holders(*connection.value(), certificate);
    if (!found) {
        return found.error();
    }
    for (const LdapEntry& holder : found.value()) {
        if (holder.dn != entry.value().dn && holder.values(o.certificateAttribute).contains(certificate.der)) {
            return PairingError::make(PairingError::Code::Conflict, m_url.text, holder.text(o.loginAttribute));
        }
    }
    const auto assertion = stateAssertion(entry.value());
    if (!assertion) {
        return assertion.error();
    }
    if (m_betweenReadAndWrite) {
        m_betweenReadAndWrite();
    }
    auto added = connection.value()->modify(entry.value().dn, LdapConnection::Change::Add, o.certificateAttribute,
                                            {certificate.der}, assertion.value());
    if (!added) {
        const PairingError e = writeError(added.error(), login);
        return e;
    }
    return PairOutcome::Added;
}

Result<int, PairingError> LdapStore::unpair(const QString& login, const CertificateInfo* certificate)
{
    auto connection = connect();
    if (!connection) {
        return connection.error();
    }
    auto entry = account(*connection.value(), login);
    if (!entry) {
        return entry.error();
    }
    const DirectoryOptions& o = m_access->options;
    const QList<QByteArray> before = entry.value().values(o.certificateAttribute);
    QList<QByteArray> after;
    for (const QByteArray& der : before) {
        if (certificate && der != certificate->der) {
            after.append(der);
        }
    }
    const int removed = int(before.size() - after.size());
    if (removed == 0) {
        return PairingError::make(PairingError::Code::NotPaired, m_url.text, login);
    }
    // The remaining values written back whole, only while the entry is as it was read.
    const auto assertion = stateAssertion(entry.value());
    if (!assertion) {
        return assertion.error();
    }
    if (m_betweenReadAndWrite) {
        m_betweenReadAndWrite();
    }
    auto written = connection.value()->modify(entry.value().dn, LdapConnection::Change::Replace, o.certificateAttribute,
                                              after, assertion.value());
    if (!written) {
        return writeError(written.error(), login);
    }
    return removed;
}

bool LdapStore::matches(const Pairing& pairing, const CertificateInfo& certificate) const
{
    return !pairing.sha256.isEmpty() && pairing.sha256 == certificate.sha256.toHex();
}

std::optional<Result<StoreLookup, PairingError>> LdapStore::lookUp(const CertificateInfo& certificate) const
{
    const DirectoryOptions& o = m_access->options;
    // The system's sssd.conf is usually root's alone: then SSSD's default rule is what can be said.
    const QString path = o.sssdConf.isEmpty() ? DirectoryOptions::defaultSssdConf() : o.sssdConf;
    auto rules = CertmapRules::read(path);
    if (!rules && o.sssdConf.isEmpty()) {
        rules = QList<CertmapRule>{CertmapRules::defaultRule()};
    }
    if (!rules) {
        return Result<StoreLookup, PairingError>(rules.error());
    }
    auto matched = CertmapEvaluator::evaluate(rules.value(), certificate.der, path);
    if (!matched) {
        return Result<StoreLookup, PairingError>(matched.error());
    }
    StoreLookup lookup;
    if (matched.value().isEmpty()) {
        return Result<StoreLookup, PairingError>(lookup);
    }
    // SSSD searches with the highest-priority rule that matches, and only with it.
    const CertmapMatch& first = matched.value().constFirst();
    lookup.rule = first.rule.section();
    lookup.filter = first.filter;
    auto connection = connect();
    if (!connection) {
        return Result<StoreLookup, PairingError>(connection.error());
    }
    auto found = connection.value()->search(m_url.base, first.filter, {o.loginAttribute, o.certificateAttribute});
    if (!found) {
        return Result<StoreLookup, PairingError>(found.error());
    }
    for (const LdapEntry& entry : found.value()) {
        Pairing p;
        p.login = entry.text(o.loginAttribute);
        p.storeKind = kind();
        p.storePath = m_url.text;
        p.key = entry.dn;
        p.rule = lookup.rule;
        p.filter = lookup.filter;
        if (entry.values(o.certificateAttribute).contains(certificate.der)) {
            p.setCertificate(certificate);
        } else {
            p.warnings.append(PairingWarning::OtherCertificate);
        }
        lookup.pairings.append(std::move(p));
    }
    return Result<StoreLookup, PairingError>(lookup);
}

} // namespace tokendesk
