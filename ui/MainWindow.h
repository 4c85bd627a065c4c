#pragma once

#include "backend/pcsc/ReaderMonitor.h"
#include "backend/pkcs11/Identity.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/x509/CertificateExport.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace tokendesk {

class CardPage;
class CertificatePage;
class IdentitiesModel;
class NavigationFilterModel;
class NavigationModel;
class ReaderModel;
class ReaderPage;
class TokenPage;
class TokenActions;
class TokenTreeModel;
class TokenWatcher;

/// The one main window: navigation on the left (fixed roots: readers, tokens,
/// identities, pairings, virtual tokens; a search field over all of them),
/// details of the selection on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ReaderModel* readers, QWidget* parent = nullptr);
    ~MainWindow() override;

    QTreeView* navigation() const { return m_navigation; }
    QLineEdit* searchField() const { return m_search; }
    NavigationModel* navigationModel() const { return m_navigationModel; }
    TokenTreeModel* tokenTree() const { return m_tokens; }
    IdentitiesModel* identities() const { return m_identities; }
    TokenWatcher* tokenWatcher() const { return m_tokenWatcher; }
    CertificatePage* certificatePage() const { return m_certificatePage; }
    TokenPage* tokenPage() const { return m_tokenPage; }
    /// Test identity and the PIN flows (tests drive their dialogs).
    TokenActions* tokenActions() const { return m_tokenActions; }
    /// The navigation's row (in the view's model) for an index of ReaderModel,
    /// TokenTreeModel or IdentitiesModel; invalid while the search hides it.
    QModelIndex navigationIndex(const QModelIndex& sourceIndex) const;
    /// The source model's index of a navigation row; invalid for the roots.
    QModelIndex sourceIndex(const QModelIndex& navigationIndex) const;

    /// Watches every PKCS#11 token (modules as `options` says) on a worker thread.
    void startTokens(const ModuleRegistry::Options& options);

    /// Writes the selected certificate; false and a sentence in `error` on failure.
    bool exportCertificate(const QString& path, CertificateFormat format, QString* error = nullptr);
    /// The certificate entry selected (in the token tree or under Identities), if any.
    std::optional<CertificateEntry> selectedCertificate() const;

public Q_SLOTS:
    void setServiceState(tokendesk::ReaderMonitor::ServiceState state);
    /// Readers or cards changed: the tokens may have too.
    void rescanTokens();
    /// A token snapshot (from TokenWatcher, or a test), shown in the tree and the identities.
    void setToken(const tokendesk::TokenContents& token);
    void removeToken(const QString& key);
    void setTokensBusy(bool busy);

Q_SIGNALS:
    /// "Test identity" on the selected identity: the lead's IdentityTester wiring listens here.
    void testIdentityRequested(const tokendesk::CertificateEntry& entry, const tokendesk::TokenInfo& token);

private:
    void createMenus();
    void createActions();
    static QString serviceStateText(ReaderMonitor::ServiceState state);
    void showSelection();
    void updateActions();
    void exportSelected();
    void copyUri();
    QString rootPageText(int root) const;
    QList<CertificateInfo> caCertificates() const;
    TokenInfo tokenOf(const QString& key) const;
    /// The token the selected row belongs to (the token row or anything under it); empty key when none.
    QString selectedTokenKey() const;
    void showActionResult(bool succeeded, const QString& message);

    ReaderModel* m_readers;
    TokenTreeModel* m_tokens = nullptr;
    IdentitiesModel* m_identities = nullptr;
    NavigationModel* m_navigationModel = nullptr;
    NavigationFilterModel* m_filter = nullptr;
    TokenWatcher* m_tokenWatcher = nullptr;
    QLineEdit* m_search = nullptr;
    QTreeView* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_emptyPage = nullptr;
    QLabel* m_infoPage = nullptr;
    ReaderPage* m_readerPage = nullptr;
    CardPage* m_cardPage = nullptr;
    TokenPage* m_tokenPage = nullptr;
    CertificatePage* m_certificatePage = nullptr;
    QLabel* m_serviceLabel = nullptr;
    QLabel* m_tokensLabel = nullptr;
    QAction* m_notifyAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_copyUriAction = nullptr;
    QAction* m_testIdentityAction = nullptr;
    QAction* m_changePinAction = nullptr;
    QAction* m_changeSoPinAction = nullptr;
    QAction* m_unblockPinAction = nullptr;
    TokenActions* m_tokenActions = nullptr;
    bool m_pkcs11Ready = false;
};

} // namespace tokendesk
