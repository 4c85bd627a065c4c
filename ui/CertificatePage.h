#pragma once

#include "DetailsPage.h"
#include "backend/pkcs11/Identity.h"
#include "backend/x509/ChainVerifier.h"
#include "commands/AsyncTask.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QTabWidget;
class QTreeView;
class QTreeWidget;

namespace tokendesk {

class CertificateDetailsModel;
class TokenTreeModel;
class CopyField;

/// A certificate: a general page (who, issuer, validity in colour and words, key,
/// usages, fingerprints, URI, private key), the field tree, and the chain, which
/// is built and checked off the GUI thread.
class CertificatePage : public QWidget, public DetailsPage
{
    Q_OBJECT
public:
    explicit CertificatePage(QWidget* parent = nullptr);

    /// Shows `entry` of `token`; `intermediates` are the CA certificates found on every token.
    void setCertificate(const CertificateEntry& entry, const TokenInfo& token,
                        const QList<CertificateInfo>& intermediates);
    /// Shows a certificate that is on no token (a file): without the URI, private key and token
    /// rows, its chain built through `intermediates` (the file's own CA certificates).
    void setFileCertificate(const CertificateInfo& info, const QList<CertificateInfo>& intermediates);
    const CertificateEntry& entry() const { return m_entry; }

    /// Where showIndex() finds a certificate's token and the CA certificates for its chain.
    void setTokens(const TokenTreeModel* tokens) { m_tokens = tokens; }
    QWidget* widget() override { return this; }
    /// A certificate row of a TokenTreeModel or IdentitiesModel.
    bool accepts(const QModelIndex& index) const override;
    void showIndex(const QModelIndex& index) override;

    QTabWidget* tabs() const { return m_tabs; }
    CertificateDetailsModel* detailsModel() const { return m_details; }
    /// The last chain result shown (for tests).
    const ChainResult& chainResult() const { return m_chain; }

Q_SIGNALS:
    /// The chain of the shown certificate was checked.
    void chainVerified();

private:
    /// Everything the certificate itself says; the chain is checked again unless `sameChain`.
    void showInfo(const CertificateInfo& info, const QList<CertificateInfo>& intermediates, bool sameChain);
    /// The URI, private key and token rows: shown for a certificate on a token only.
    void setTokenRowsVisible(bool visible);
    void showChain(const ChainResult& result);

    CertificateEntry m_entry;
    ChainResult m_chain;
    QByteArray m_chainFor;            ///< SHA-256 of the certificate whose chain is being checked
    AsyncTask::Latest m_chainRequest; ///< a newer request wins
    const TokenTreeModel* m_tokens = nullptr;
    QTabWidget* m_tabs = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_subject = nullptr;
    QLabel* m_issuer = nullptr;
    QLabel* m_validity = nullptr;
    QLabel* m_period = nullptr;
    QLabel* m_key = nullptr;
    QLabel* m_keyUsage = nullptr;
    QLabel* m_extendedKeyUsage = nullptr;
    QLabel* m_altNames = nullptr;
    QLabel* m_serial = nullptr;
    QLabel* m_sha1 = nullptr;
    QLabel* m_sha256 = nullptr;
    QLabel* m_publicKeyHash = nullptr;
    CopyField* m_uri = nullptr;
    QLabel* m_privateKey = nullptr;
    QLabel* m_token = nullptr;
    QLabel* m_parseError = nullptr;
    QTreeView* m_fieldView = nullptr;
    CertificateDetailsModel* m_details = nullptr;
    QLabel* m_chainStatus = nullptr;
    QTreeWidget* m_chainView = nullptr;
};

} // namespace tokendesk
