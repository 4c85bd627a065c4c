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
#include <functional>
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
    /// Stable across reloads: the same entry of the same store.
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

/// Every pairing of every configured store (PairingSources), a row each: the navigation's
/// Pairings root. Stores are read off the GUI thread, again after refresh() and whenever the
/// present tokens' certificates change; the present certificates mark the rows whose card is
/// in a reader (PairingStore::matches) and complete what a store does not keep.
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
    static PairingSnapshot load(const PairingSources::Choice& choice, const QList<CertificateInfo>& present,
                                const QDateTime& now);

    const PairingRow& row(int row) const { return m_rows.at(row); }
    QList<PairingRow> rows() const { return m_rows; }
    /// The errors of the last load (a store that cannot be read).
    QList<PairingError> errors() const { return m_errors; }
    /// A load runs or waits.
    bool isLoading() const { return m_loading; }
    /// The certificates of the tokens present now, in token order.
    QList<CertificateInfo> presentCertificates() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    /// Reads the stores again (after pair/unpair, or a change of settings).
    void refresh();
    /// A token snapshot: its certificates may mark pairings present.
    void setToken(const tokendesk::TokenContents& token);
    void removeToken(const QString& key);

Q_SIGNALS:
    /// A load ended and the rows are up to date.
    void loaded();

private:
    void apply(const PairingSnapshot& snapshot);
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
};

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::PairingRow)
