#include "PairingModel.h"

#include "PairingLoad.h"
#include "PairingText.h"
#include "RowSupport.h"
#include "TokenTreeModel.h"

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
    const QString entry = storeSpec + QLatin1Char('\n') + pairing.storePath + QLatin1Char('\n') + pairing.login +
                          QLatin1Char('\n') + pairing.key;
    // A directory's key is the account's DN, which holds every certificate of the account.
    return pairing.storeKind == QLatin1String("ldap") ? entry + QLatin1Char('\n') + QString::fromLatin1(pairing.sha256)
                                                      : entry;
}

PairingModel::PairingModel(QObject* parent)
    : QAbstractTableModel(parent), m_choice([] { return PairingSources::fromSettings(); })
{
    qRegisterMetaType<tokendesk::PairingRow>("tokendesk::PairingRow");
}

PairingModel::~PairingModel()
{
    // The worker may be in a directory's search: it stops at its next look instead of reading on.
    if (m_cancel) {
        m_cancel->store(true);
    }
}

QDateTime PairingModel::now() const
{
    return RowSupport::now(m_now);
}

PairingSnapshot PairingModel::load(const PairingSources::Choice& choice, const QList<CertificateInfo>& present,
                                   const QDateTime& now)
{
    return PairingLoad::all(choice, present, now);
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
    m_partial = false;
    m_cursor = 0;
    m_pending.clear();
    for (const PairingRow& row : std::as_const(m_rows)) {
        ++m_pending[row.key()];
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    // The job gets copies only, and the flag by shared pointer: the model may be gone before it
    // ends (then the watcher is too, and the parts are dropped).
    auto promise = std::make_shared<QPromise<PairingPart>>();
    auto* watcher = new QFutureWatcher<PairingPart>(this);
    connect(watcher, &QFutureWatcherBase::resultsReadyAt, this, [this, watcher](int begin, int end) {
        for (int i = begin; i < end; ++i) {
            takePart(watcher->resultAt(i));
        }
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_loading = false;
        m_cancel.reset();
        if (m_again) {
            refresh();
            return;
        }
        Q_EMIT loaded();
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start(
        [promise, cancel = m_cancel, choice = m_choice(), present = presentCertificates(), now = now()] {
            promise->start();
            PairingLoad::run(choice, present, now, cancel.get(),
                             [&promise](PairingPart&& part) { promise->addResult(std::move(part)); });
            promise->finish();
        });
}

void PairingModel::cancel()
{
    if (m_cancel) {
        m_cancel->store(true);
        m_again = false; // the user said stop: a change seen meanwhile does not start it again
    }
}

void PairingModel::takePart(const PairingPart& part)
{
    switch (part.kind) {
    case PairingPart::Kind::Files:
        m_errors = part.errors;
        merge(part.rows);
        break;
    case PairingPart::Kind::DirectoryStarted:
        m_readingDirectory = part.directory;
        break;
    case PairingPart::Kind::Page:
        merge(part.rows);
        break;
    case PairingPart::Kind::End:
        finishLoad(part);
        break;
    }
    Q_EMIT progress(m_cursor);
}

void PairingModel::merge(const QList<PairingRow>& rows)
{
    QList<PairingRow> inserts; // new rows waiting to go in at m_cursor, as one insertion
    const auto insert = [this, &inserts] {
        if (inserts.isEmpty()) {
            return;
        }
        beginInsertRows({}, m_cursor, m_cursor + int(inserts.size()) - 1);
        // Room made once, then filled: the previous load's rows after m_cursor move one time only.
        m_rows.insert(m_cursor, inserts.size(), PairingRow());
        for (PairingRow& row : inserts) {
            m_rows[m_cursor++] = std::move(row);
        }
        endInsertRows();
        inserts.clear();
    };
    for (const PairingRow& row : rows) {
        const QString key = row.key();
        auto pending = m_pending.find(key);
        if (pending == m_pending.end() || *pending == 0) {
            inserts.append(row);
            continue;
        }
        insert();
        // The previous load's rows before this one are not in this load (at least not here).
        int found = m_cursor;
        while (m_rows.at(found).key() != key) {
            ++found;
        }
        if (found > m_cursor) {
            beginRemoveRows({}, m_cursor, found - 1);
            for (int i = m_cursor; i < found; ++i) {
                --m_pending[m_rows.at(i).key()];
            }
            m_rows.remove(m_cursor, found - m_cursor);
            endRemoveRows();
        }
        --*m_pending.find(key);
        PairingRow updated = row;
        // Set by the end of the load, from all rows: kept until then, so the state does not blink.
        updated.onlyCertificateExpiring = m_rows.at(m_cursor).onlyCertificateExpiring;
        if (!(m_rows.at(m_cursor) == updated)) {
            m_rows[m_cursor] = std::move(updated);
            Q_EMIT dataChanged(index(m_cursor, 0), index(m_cursor, ColumnCount - 1));
        }
        ++m_cursor;
    }
    insert();
}

void PairingModel::finishLoad(const PairingPart& end)
{
    m_errors = end.errors;
    m_partial = end.stopped;
    m_readingDirectory.clear();
    if (m_cursor < m_rows.size()) {
        beginRemoveRows({}, m_cursor, int(m_rows.size()) - 1);
        m_rows.remove(m_cursor, m_rows.size() - m_cursor);
        endRemoveRows();
    }
    m_pending.clear();
    for (int row = 0; row < m_rows.size(); ++row) {
        const bool expiring = end.expiring.contains(row);
        if (m_rows.at(row).onlyCertificateExpiring != expiring) {
            m_rows[row].onlyCertificateExpiring = expiring;
            Q_EMIT dataChanged(index(row, StateColumn), index(row, StateColumn));
        }
    }
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
