#pragma once

#include "backend/pairing/Pairing.h"
#include "backend/pairing/PairingError.h"
#include "backend/pairing/PairingSources.h"
#include "backend/pkcs11/Identity.h"
#include "backend/x509/CertificateInfo.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QMetaType>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace tokendesk {

/// One pairing as the Pairings root shows it: the store's entry, and what the present cards add.
struct PairingRow
{
    Pairing pairing;
    QString mapper;    ///< pam_pkcs11's mapper that reads the store ("digest", ...)
    QString storeSpec; ///< KIND:PATH of the store object (per-user stores: "pam-eid:~/...")
    /// The certificate of a present card that this entry pairs (it fills sha256, subject, notAfter).
    std::optional<CertificateInfo> certificate;
    /// This is the only certificate paired with the login and it expires within 30 days (or has).
    bool onlyCertificateExpiring = false;

    bool cardPresent() const { return certificate.has_value(); }
    /// Stable across reloads: the same entry of the same store (a directory: the same certificate
    /// of the same account).
    QString key() const;

    bool operator==(const PairingRow& o) const
    {
        return pairing == o.pairing && mapper == o.mapper && storeSpec == o.storeSpec && certificate == o.certificate &&
               onlyCertificateExpiring == o.onlyCertificateExpiring;
    }
};

/// What one load of every configured store gave.
struct PairingSnapshot
{
    QList<PairingRow> rows;
    QList<PairingError> errors; ///< stores (or the configuration) that could not be read
};

struct PairingPart;

/// Every pairing of every configured store (PairingSources), a row each: the navigation's
/// Pairings root. Stores are read off the GUI thread (PairingLoad), again after refresh() and
/// whenever the present tokens' certificates change; the present certificates mark the rows whose
/// card is in a reader (PairingStore::matches) and complete what a store does not keep.
///
/// A load arrives in parts: the file stores, then each directory page by page, rows inserted as
/// each page comes. The rows of the previous load stay until the new load reaches them: a part is
/// merged in order against them (the same row is kept, and changed in place if it changed; a new
/// one inserted; old ones the load skipped removed), and the end removes what the load no longer
/// has. So a reload neither empties the view nor loses the selection, and a first load of a large
/// directory shows its first page while the rest is being read. cancel() stops a directory's
/// search; the rows read so far stay.
class PairingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,  ///< "login — subject (or key)"
        StateColumn, ///< card present, expiring, warnings
        LoginColumn,
        SubjectColumn,
        Sha256Column,
        StoreColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    /// Far from TokenTreeModel's and NavigationModel's roles; TokenTreeModel::SearchTextRole is answered too.
    enum Role
    {
        RowRole = Qt::UserRole + 300, ///< PairingRow
        LoginRole,                    ///< QString
        CardPresentRole,              ///< bool
        ExpiringRole,                 ///< bool: PairingRow::onlyCertificateExpiring
    };
    Q_ENUM(Role)
    using ChoiceGetter = std::function<PairingSources::Choice()>;

    explicit PairingModel(QObject* parent = nullptr);
    ~PairingModel() override;

    /// Which stores to read (default: PairingSources::fromSettings, asked at each load).
    void setChoice(ChoiceGetter choice) { m_choice = std::move(choice); }
    void setReferenceTime(const QDateTime& now) { m_now = now; }

    /// Reads every store and matches `present` against their entries; blocking (a worker's job).
    /// PairingLoad::all.
    static PairingSnapshot load(const PairingSources::Choice& choice, const QList<CertificateInfo>& present,
                                const QDateTime& now);

    const PairingRow& row(int row) const { return m_rows.at(row); }
    QList<PairingRow> rows() const { return m_rows; }
    /// The errors of the last load (a store that cannot be read).
    QList<PairingError> errors() const { return m_errors; }
    /// A load runs or waits.
    bool isLoading() const { return m_loading; }
    /// The directory (its URL) whose pages are being read now; empty when none is.
    QString readingDirectory() const { return m_readingDirectory; }
    /// The rows the running load has given so far (all rows once it ended).
    int rowsLoaded() const { return m_loading ? m_cursor : int(m_rows.size()); }
    /// The last load was stopped (cancel()) before every store was read: the rows are not all.
    bool isPartial() const { return m_partial; }
    /// The certificates of the tokens present now, in token order.
    QList<CertificateInfo> presentCertificates() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    /// Reads the stores again (after pair/unpair, or a change of settings).
    void refresh();
    /// Stops the running load: a directory's search ends at its next look at the flag (a tenth of
    /// a second); the rows read so far stay, and no reload follows.
    void cancel();
    /// A token snapshot: its certificates may mark pairings present.
    void setToken(const tokendesk::TokenContents& token);
    void removeToken(const QString& key);

Q_SIGNALS:
    /// A load ended and the rows are up to date (or stopped: isPartial()).
    void loaded();
    /// A part of a load was merged: `rows` rows of it so far (rowsLoaded()); also when a directory
    /// starts being read (readingDirectory()).
    void progress(int rows);

private:
    void takePart(const PairingPart& part);
    /// Merges `rows` at m_cursor against the rows of the previous load (see the class comment).
    void merge(const QList<PairingRow>& rows);
    /// The end of a load: the previous load's rows it did not reach go, the expiry flags are set.
    void finishLoad(const PairingPart& end);
    QDateTime now() const;

    ChoiceGetter m_choice;
    QDateTime m_now;
    QList<PairingRow> m_rows;
    QList<PairingError> m_errors;
    /// The certificates of each present token (by TokenInfo::key()), in the token's order.
    QHash<QString, QList<CertificateInfo>> m_present;
    QStringList m_tokenOrder;
    bool m_loading = false;
    bool m_again = false; ///< something changed while a load ran: load once more after it
    bool m_partial = false;
    /// The running load's stop flag, shared with its worker.
    std::shared_ptr<std::atomic_bool> m_cancel;
    /// Rows before it are the running load's; from it on, the previous load's not yet reached.
    int m_cursor = 0;
    /// How many of the rows from m_cursor on have each key (a store may list an entry twice).
    QHash<QString, int> m_pending;
    QString m_readingDirectory;
};

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::PairingRow)
