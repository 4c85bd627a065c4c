#include "PairingModel.h"

#include "PairingText.h"
#include "RowSupport.h"
#include "TokenTreeModel.h"
#include "backend/pairing/ExpiryCheck.h"
#include "backend/pairing/PairingIndex.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>
#include <memory>

namespace tokendesk {

namespace {

/// "Alice Smith" from "CN=Alice Smith,O=Example"; the whole subject when it has no CN.
QString commonName(const QString& subject)
{
    const QStringList parts = subject.split(QLatin1Char(','));
    for (const QString& part : parts) {
        if (part.trimmed().startsWith(QLatin1String("CN="), Qt::CaseInsensitive)) {
            return part.trimmed().mid(3);
        }
    }
    return subject;
}

QString shownCertificate(const Pairing& p)
{
    return p.subject.isEmpty() ? p.key : commonName(p.subject);
}

} // namespace

QString PairingRow::key() const
{
    return storeSpec + QLatin1Char('\n') + pairing.storePath + QLatin1Char('\n') + pairing.login + QLatin1Char('\n') +
           pairing.key;
}

PairingModel::PairingModel(QObject* parent)
    : QAbstractTableModel(parent), m_choice([] { return PairingSources::fromSettings(); })
{
    qRegisterMetaType<tokendesk::PairingRow>("tokendesk::PairingRow");
}

PairingModel::~PairingModel() = default;

QDateTime PairingModel::now() const
{
    return RowSupport::now(m_now);
}

PairingSnapshot PairingModel::load(const PairingSources::Choice& choice, const QList<CertificateInfo>& present,
                                   const QDateTime& now)
{
    const PairingIndex index = PairingIndex::load(choice);
    PairingSnapshot snapshot;
    snapshot.errors = index.errors();
    QList<Pairing> pairings;
    for (const IndexedPairing& indexed : index.pairings(present)) {
        snapshot.rows.append(
            PairingRow{indexed.pairing, indexed.mapper, indexed.storeSpec, indexed.certificate, false});
        pairings.append(indexed.pairing);
    }
    // A login whose one certificate is about to expire is about to be locked out.
    for (int row : ExpiryCheck::onlyCertificateExpiring(pairings, now)) {
        snapshot.rows[row].onlyCertificateExpiring = true;
    }
    return snapshot;
}

QList<CertificateInfo> PairingModel::presentCertificates() const
{
    QList<CertificateInfo> all;
    for (const QString& token : m_tokenOrder) {
        all += m_present.value(token);
    }
    return all;
}

void PairingModel::refresh()
{
    if (m_loading) {
        m_again = true;
        return;
    }
    m_loading = true;
    m_again = false;
    // The job gets copies only: the model may be gone before it ends (then the watcher is too).
    auto promise = std::make_shared<QPromise<PairingSnapshot>>();
    auto* watcher = new QFutureWatcher<PairingSnapshot>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_loading = false;
        if (watcher->future().resultCount() > 0) {
            apply(watcher->result());
        }
        if (m_again) {
            refresh();
            return;
        }
        Q_EMIT loaded();
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, choice = m_choice(), present = presentCertificates(), now = now()] {
        promise->start();
        promise->addResult(load(choice, present, now));
        promise->finish();
    });
}

void PairingModel::setToken(const TokenContents& token)
{
    QList<CertificateInfo> certificates;
    for (const CertificateEntry& entry : token.certificates) {
        if (entry.info) {
            certificates.append(*entry.info);
        }
    }
    const QString key = token.key();
    if (m_tokenOrder.contains(key) && m_present.value(key) == certificates) {
        return; // a PIN state or label change: the pairings stay as they are
    }
    if (!m_tokenOrder.contains(key)) {
        m_tokenOrder.append(key);
    }
    m_present.insert(key, certificates);
    refresh();
}

void PairingModel::removeToken(const QString& key)
{
    if (m_tokenOrder.removeAll(key) == 0) {
        return;
    }
    m_present.remove(key);
    refresh();
}

void PairingModel::apply(const PairingSnapshot& snapshot)
{
    m_errors = snapshot.errors;
    QHash<QString, int> incoming;
    for (int i = 0; i < snapshot.rows.size(); ++i) {
        incoming.insert(snapshot.rows.at(i).key(), i);
    }
    // Rows gone, from the last, so the views keep their selection on the others.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_rows.at(row).key())) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    QHash<QString, int> existing;
    for (int i = 0; i < m_rows.size(); ++i) {
        existing.insert(m_rows.at(i).key(), i);
    }
    for (const PairingRow& row : snapshot.rows) {
        const auto at = existing.constFind(row.key());
        if (at != existing.constEnd()) {
            if (!(m_rows.at(*at) == row)) {
                m_rows[*at] = row;
                Q_EMIT dataChanged(index(*at, 0), index(*at, ColumnCount - 1));
            }
            continue;
        }
        const int last = int(m_rows.size());
        beginInsertRows({}, last, last);
        m_rows.append(row);
        endInsertRows();
    }
}

int PairingModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PairingModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PairingModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(!index.isValid() || checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (!index.isValid() || index.model() != this) {
        return {};
    }
    const PairingRow& row = m_rows.at(index.row());
    const Pairing& p = row.pairing;
    switch (role) {
    case RowRole:
        return QVariant::fromValue(row);
    case LoginRole:
        return p.login;
    case CardPresentRole:
        return row.cardPresent();
    case ExpiringRole:
        return row.onlyCertificateExpiring;
    case TokenTreeModel::SearchTextRole:
        return RowSupport::searchText(
            {p.login, p.subject, p.key, QString::fromLatin1(p.sha256), row.storeSpec, p.storePath});
    case Qt::ToolTipRole:
        return tr("%1 in %2").arg(p.subject.isEmpty() ? p.key : p.subject, PairingText::source(row.mapper, p));
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return tr("%1 \u2014 %2").arg(p.login, shownCertificate(p));
    case StateColumn: {
        QStringList state;
        if (row.cardPresent()) {
            state.append(tr("card present"));
        }
        if (row.onlyCertificateExpiring) {
            const qint64 days = now().daysTo(p.notAfter);
            state.append(days < 0 ? tr("expired") : tr("expires in %n days", nullptr, int(days)));
        }
        if (!p.warnings.isEmpty()) {
            state.append(tr("%n warnings", nullptr, int(p.warnings.size())));
        }
        return state.join(QStringLiteral(", "));
    }
    case LoginColumn:
        return p.login;
    case SubjectColumn:
        return p.subject.isEmpty() ? p.key : p.subject;
    case Sha256Column:
        return QString::fromLatin1(p.sha256);
    case StoreColumn:
        return row.storeSpec;
    default:
        return {};
    }
}

QVariant PairingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Pairing");
    case StateColumn:
        return tr("State");
    case LoginColumn:
        return tr("Login");
    case SubjectColumn:
        return tr("Certificate");
    case Sha256Column:
        return tr("SHA-256");
    case StoreColumn:
        return tr("Store");
    default:
        return {};
    }
}

} // namespace tokendesk
