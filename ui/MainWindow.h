#pragma once

#include "backend/pcsc/ReaderMonitor.h"
#include "backend/pkcs11/Identity.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/x509/CertificateExport.h"

#include <QList>
#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace tokendesk {

class AppServices;
class CertificatePage;
class DetailsPage;
class DirectoryActions;
class IdentitiesModel;
class ImportP12Actions;
class InfoPage;
class KeyboardActions;
class MainMenus;
class ServiceStateLabel;
class NavigationModel;
class NavigationPane;
class PairingActions;
class PairingModel;
class ReaderModel;
class TokenPage;
class TokenActions;
class TokenTreeModel;
class TokenWatcher;
class VirtualTokenActions;

/// The one main window: navigation on the left (fixed roots: readers, tokens,
/// identities, pairings, virtual tokens; a search field over all of them),
/// details of the selection on the right (a list of DetailsPages), and the
/// actions, which run as command objects (ui/commands/) through TokenActions.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// A window with services of its own (tests; the reader monitor is not started).
    explicit MainWindow(ReaderModel* readers, QWidget* parent = nullptr);
    /// The application's window: `services` (built in main()) outlive it.
    MainWindow(ReaderModel* readers, AppServices* services, QWidget* parent = nullptr);
    ~MainWindow() override;

    QTreeView* navigation() const { return m_navigation; }
    QLineEdit* searchField() const;
    NavigationModel* navigationModel() const { return m_navigationModel; }
    TokenTreeModel* tokenTree() const { return m_tokens; }
    IdentitiesModel* identities() const { return m_identities; }
    PairingModel* pairings() const { return m_pairings; }
    /// Pair, unpair, check this card and the pairing prompt.
    PairingActions* pairingActions() const { return m_pairingActions; }
    /// Settings ▸ Directory…, stopping a directory's listing, and its note in the status bar.
    DirectoryActions* directoryActions() const { return m_directoryActions; }
    AppServices* services() const { return m_services; }
    /// Find, Copy and Refresh (the standard shortcuts).
    KeyboardActions* keyboardActions() const { return m_keyboardActions; }
    /// The menu bar and tool bar: capabilities register their actions there.
    MainMenus* menus() const { return m_menus; }
    TokenWatcher* tokenWatcher() const;
    CertificatePage* certificatePage() const { return m_certificatePage; }
    TokenPage* tokenPage() const { return m_tokenPage; }
    /// Runs test identity and the PIN commands (tests drive their dialogs).
    TokenActions* tokenActions() const { return m_tokenActions; }
    /// New, delete and reset the PIN of virtual tokens (SoftHSM2).
    VirtualTokenActions* virtualTokenActions() const { return m_virtualTokenActions; }
    /// Import .p12: the File menu's action, drops on the window, `tokendesk FILE.p12`.
    ImportP12Actions* importP12() const { return m_importP12; }
    /// A file given to TokenDesk (`tokendesk FILE`, a double click in the file manager): a .p12 or
    /// .pfx opens the import wizard on it, any other file a CertificateFileDialog (which says so
    /// when the file is no certificate). Returns the wizard or the dialog.
    QWidget* openFile(const QString& path);
    /// The navigation's row (in the view's model) for an index of ReaderModel,
    /// TokenTreeModel or IdentitiesModel; invalid while the search hides it.
    QModelIndex navigationIndex(const QModelIndex& sourceIndex) const;
    /// The source model's index of a navigation row; invalid for the roots.
    QModelIndex sourceIndex(const QModelIndex& navigationIndex) const;

    /// Adds a details page; the first page that accepts the selection shows it.
    void addPage(DetailsPage* page);
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
    /// "Test identity" on the selected identity: TokenActions runs it.
    void testIdentityRequested(const tokendesk::CertificateEntry& entry, const tokendesk::TokenInfo& token);

private:
    void createModels();
    void createActions();
    void createMenus();
    void createStatusBar();
    void connectTokenWatcher(TokenWatcher* watcher);
    /// Readers (or cards under them) came: they show open, and the first is selected.
    void readersInserted(const QModelIndex& under, int first, int last);
    void showSelection();
    void updateActions();
    void exportSelected();
    /// The token the selected row belongs to (the token row or anything under it); empty key when none.
    QString selectedTokenKey() const;
    TokenInfo tokenOf(const QString& key) const;

    AppServices* m_services = nullptr;
    MainMenus* m_menus = nullptr;
    ReaderModel* m_readers;
    TokenTreeModel* m_tokens = nullptr;
    TokenTreeModel* m_virtualTokens = nullptr; ///< the SoftHSM2 tokens of m_tokens: the Virtual tokens root
    IdentitiesModel* m_identities = nullptr;
    PairingModel* m_pairings = nullptr;
    PairingActions* m_pairingActions = nullptr;
    DirectoryActions* m_directoryActions = nullptr;
    NavigationModel* m_navigationModel = nullptr;
    NavigationPane* m_navigationPane = nullptr;
    QTreeView* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QList<DetailsPage*> m_detailsPages;
    QLabel* m_emptyPage = nullptr;
    InfoPage* m_infoPage = nullptr;
    TokenPage* m_tokenPage = nullptr;
    CertificatePage* m_certificatePage = nullptr;
    ServiceStateLabel* m_serviceLabel = nullptr;
    QLabel* m_tokensLabel = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_copyUriAction = nullptr;
    QAction* m_testIdentityAction = nullptr;
    QAction* m_changePinAction = nullptr;
    QAction* m_changeSoPinAction = nullptr;
    QAction* m_unblockPinAction = nullptr;
    TokenActions* m_tokenActions = nullptr;
    VirtualTokenActions* m_virtualTokenActions = nullptr;
    ImportP12Actions* m_importP12 = nullptr;
    KeyboardActions* m_keyboardActions = nullptr;
};

} // namespace tokendesk
