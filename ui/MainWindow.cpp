#include "MainWindow.h"

#include "CardPage.h"
#include "CertificateFileDialog.h"
#include "CertificatePage.h"
#include "CommandFeedback.h"
#include "DirectoryActions.h"
#include "FirstRun.h"
#include "HelpActions.h"
#include "ImportP12Actions.h"
#include "ImportP12Wizard.h"
#include "InfoPage.h"
#include "KeyboardActions.h"
#include "MainMenus.h"
#include "ModuleActions.h"
#include "ModulePage.h"
#include "NavigationPane.h"
#include "PairingActions.h"
#include "PairingPage.h"
#include "PairingPrompt.h"
#include "ReaderPage.h"
#include "ServiceStateLabel.h"
#include "TokenActions.h"
#include "TokenPage.h"
#include "VirtualTokenActions.h"
#include "backend/AppServices.h"
#include "backend/common/Settings.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "commands/ExportCertificateCommand.h"
#include "commands/VirtualTokenJobs.h"
#include "models/IdentitiesModel.h"
#include "models/NavigationFilterModel.h"
#include "models/NavigationModel.h"
#include "models/PairingModel.h"
#include "models/ReaderModel.h"
#include "models/TokenCardName.h"
#include "models/TokenTreeModel.h"

#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMetaMethod>
#include <QPointer>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

namespace tokendesk {

MainWindow::MainWindow(ReaderModel* readers, QWidget* parent) : MainWindow(readers, nullptr, parent) {}

MainWindow::MainWindow(ReaderModel* readers, AppServices* services, QWidget* parent)
    : QMainWindow(parent), m_services(services ? services : new AppServices(this)), m_readers(readers)
{
    setWindowTitle(tr("TokenDesk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tokendesk.svg")));
    if (QIcon::themeName().isEmpty()) {
        QIcon::setThemeName(QStringLiteral("Adwaita"));
    }
    createModels();
    createActions();
    createMenus();
    new HelpActions(this); // Help: guides, the helpdesk report, About
    m_navigationPane = new NavigationPane(m_navigationModel, m_tokens, this);
    m_navigation = m_navigationPane->view();
    m_navigation->addActions(
        {m_exportAction, m_copyUriAction, m_testIdentityAction, m_changePinAction, m_unblockPinAction});
    m_navigation->addActions(m_pairingActions->selectionActions());
    m_navigation->addActions(m_virtualTokenActions->actions());

    // The pages, in the order they are asked: the first that accepts the selection shows it.
    m_emptyPage = new QLabel(this);
    m_emptyPage->setObjectName(QStringLiteral("emptyState"));
    m_emptyPage->setAlignment(Qt::AlignCenter);
    m_emptyPage->setWordWrap(true);
    m_emptyPage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emptyPage->setMargin(12);
    m_infoPage = new InfoPage(readers, m_tokens, this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_emptyPage);
    auto* readerPage = new ReaderPage(this);
    readerPage->setObjectName(QStringLiteral("readerPage"));
    addPage(readerPage);
    auto* cardPage = new CardPage(this);
    cardPage->setObjectName(QStringLiteral("cardPage"));
    addPage(cardPage);
    m_pages->addWidget(m_infoPage);
    m_tokenPage = new TokenPage(this);
    m_tokenPage->setObjectName(QStringLiteral("tokenPage"));
    addPage(m_tokenPage);
    m_certificatePage = new CertificatePage(this);
    m_certificatePage->setObjectName(QStringLiteral("certificatePage"));
    m_certificatePage->setTokens(m_tokens);
    addPage(m_certificatePage);
    auto* modulePage = new ModulePage(this); // a module's Retry, after its process crashed or hung
    connect(modulePage, &ModulePage::retryRequested, new ModuleActions(this), &ModuleActions::retry);
    addPage(modulePage);
    auto* pairingPage = new PairingPage(this);
    pairingPage->setObjectName(QStringLiteral("pairingPage"));
    connect(pairingPage, &PairingPage::unpairRequested, m_pairingActions, &PairingActions::unpair);
    addPage(pairingPage);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_navigationPane);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({440, 560});
    setCentralWidget(splitter);
    createStatusBar();

    connect(m_navigation->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showSelection);
    connect(readers, &QAbstractItemModel::rowsInserted, this, &MainWindow::readersInserted);
    connect(m_navigationPane->filter(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::showSelection);
    connect(m_navigationPane->filter(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) {
                const QModelIndex current = m_navigation->currentIndex();
                if (current.isValid() && current.parent() == from.parent() && current.row() >= from.row() &&
                    current.row() <= to.row()) {
                    showSelection();
                }
            });
    if (m_services->tokenWatcher()) {
        connectTokenWatcher(m_services->tokenWatcher());
    }
    connect(m_services, &AppServices::tokenWatcherCreated, this, &MainWindow::connectTokenWatcher);
    showSelection();
    updateActions();
    resize(1000, 640);
    // The tree has the keyboard first (Find goes to the search): a focused search field would
    // blink its cursor twice a second for as long as the window is open, and idle must stay idle.
    m_navigation->setFocus();
}

MainWindow::~MainWindow()
{
    // The window's models go with it: no token snapshot may arrive in between.
    if (tokenWatcher()) {
        tokenWatcher()->stop();
    }
}

QWidget* MainWindow::openFile(const QString& path)
{
    if (ImportP12Actions::isP12Name(path)) {
        return m_importP12->open(path);
    }
    // One dialog per file, beside the window: two certificates can be compared.
    auto* dialog = new CertificateFileDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->openFile(path);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void MainWindow::addPage(DetailsPage* page)
{
    m_detailsPages.append(page);
    m_pages->addWidget(page->widget());
}

void MainWindow::createModels()
{
    m_tokens = new TokenTreeModel(this);
    m_identities = new IdentitiesModel(this);
    m_navigationModel = new NavigationModel(this);
    m_navigationModel->setSource(NavigationModel::ReadersRoot, m_readers, ReaderModel::CardColumn);
    // The count is asked while the window goes too (the view repaints): no `this` in it.
    m_navigationModel->setSource(
        NavigationModel::TokensRoot, m_tokens, TokenTreeModel::StatusColumn,
        [tokens = QPointer<TokenTreeModel>(m_tokens)] { return tokens ? tokens->tokenCount() : 0; });
    m_navigationModel->setSource(NavigationModel::IdentitiesRoot, m_identities, TokenTreeModel::StatusColumn);
    m_virtualTokens = new TokenTreeModel(this);
    m_navigationModel->setSource(
        NavigationModel::VirtualTokensRoot, m_virtualTokens, TokenTreeModel::StatusColumn,
        [tokens = QPointer<TokenTreeModel>(m_virtualTokens)] { return tokens ? tokens->tokenCount() : 0; });
    m_pairings = new PairingModel(this);
    m_pairings->setChoice([services = QPointer<AppServices>(m_services)] {
        return services ? services->pairingChoice() : PairingSources::fromSettings();
    });
    m_navigationModel->setSource(NavigationModel::PairingsRoot, m_pairings, PairingModel::StateColumn);
    m_pairings->refresh();
}

void MainWindow::createMenus()
{
    using Menu = MainMenus::Menu;
    m_menus = new MainMenus(this);
    m_keyboardActions->addTo(m_menus);
    QMenu* file = m_menus->menu(Menu::File);
    file->addAction(m_importP12->action());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    m_menus->menu(Menu::Certificate)->addActions({m_exportAction, m_copyUriAction, m_testIdentityAction});
    QMenu* token = m_menus->menu(Menu::Token);
    token->addActions({m_changePinAction, m_changeSoPinAction, m_unblockPinAction});
    token->addSeparator();
    token->addActions(m_virtualTokenActions->actions());
    QToolBar* toolbar = m_menus->toolBar();
    toolbar->addActions({m_exportAction, m_copyUriAction, m_testIdentityAction, m_changePinAction});
    toolbar->addSeparator();
    toolbar->addActions(m_pairingActions->selectionActions());
    QMenu* pairing = m_menus->menu(Menu::Pairing);
    pairing->addActions(m_pairingActions->selectionActions());
    pairing->addSeparator();
    pairing->addAction(m_directoryActions->stopAction());

    m_menus->addSettingToggle(Menu::Settings, Settings::Key::NotifyCardEvents, QStringLiteral("notifyCardEvents"),
                              tr("&Notify when a card is inserted or removed"));
    // Trust stores (p11-kit's "System Trust" with its CA certificates) crowd the tree and hold no
    // identity: hidden as `tokendesk report` hides them, unless asked for.
    QAction* trustStores =
        m_menus->addSettingToggle(Menu::Settings, Settings::Key::ShowTrustStores, QStringLiteral("showTrustStores"),
                                  tr("Show &trust stores"), [this](bool on) { m_tokens->setShowSystemModules(on); });
    trustStores->setToolTip(tr("Show the tokens of trust stores and keyrings, such as p11-kit's System Trust"));
    QMenu* settings = m_menus->menu(Menu::Settings);
    settings->addAction(m_pairingActions->promptsAction());
    settings->addSeparator();
    settings->addAction(m_directoryActions->settingsAction());
}

void MainWindow::createStatusBar()
{
    m_serviceLabel = new ServiceStateLabel(this);
    m_tokensLabel = new QLabel(this);
    m_tokensLabel->setObjectName(QStringLiteral("tokensState"));
    statusBar()->addWidget(m_tokensLabel);
    statusBar()->addPermanentWidget(m_serviceLabel);
    setServiceState(ReaderMonitor::ServiceState::Starting);
}

void MainWindow::readersInserted(const QModelIndex& under, int first, int last)
{
    // Cards show under their readers: a card inserted, or readers that came with one.
    if (under.isValid()) {
        m_navigation->expand(navigationIndex(under));
    }
    for (int row = first; !under.isValid() && row <= last; ++row) {
        m_navigation->expand(navigationIndex(m_readers->index(row, 0)));
    }
    // Nothing chosen yet (or only the Readers root the tree's first focus made current): the first.
    const QModelIndex current = m_navigation->currentIndex();
    if (!current.isValid() || (current.data(NavigationModel::IsRootRole).toBool() &&
                               current.data(NavigationModel::RootRole).toInt() == NavigationModel::ReadersRoot)) {
        m_navigation->setCurrentIndex(navigationIndex(m_readers->index(0, 0)));
    }
    showSelection();
}

void MainWindow::createActions()
{
    m_exportAction =
        new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Export certificate…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportCertificate"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportSelected);
    m_copyUriAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy &URI"), this);
    m_copyUriAction->setObjectName(QStringLiteral("copyUri"));
    m_keyboardActions = new KeyboardActions(this);
    connect(m_copyUriAction, &QAction::triggered, m_keyboardActions, &KeyboardActions::copyUri);
    m_testIdentityAction =
        new QAction(QIcon::fromTheme(QStringLiteral("emblem-ok-symbolic")), tr("&Test identity…"), this);
    m_testIdentityAction->setObjectName(QStringLiteral("testIdentity"));
    m_testIdentityAction->setToolTip(tr("Sign a random challenge with the token's key and check it"));
    connect(m_testIdentityAction, &QAction::triggered, this, [this] {
        if (const auto entry = selectedCertificate()) {
            Q_EMIT testIdentityRequested(*entry, tokenOf(selectedTokenKey()));
        }
    });

    m_tokenActions = new TokenActions(
        [services = QPointer<AppServices>(m_services)] {
            return services ? services->registry() : std::shared_ptr<const ModuleRegistry>();
        },
        this);
    connect(this, &MainWindow::testIdentityRequested, m_tokenActions, &TokenActions::testIdentity);
    auto* feedback = new CommandFeedback(m_tokenActions, this);
    m_pairingActions = new PairingActions(this, m_pairings, [services = QPointer<AppServices>(m_services)] {
        return services ? services->pairingChoice() : PairingSources::fromSettings();
    });
    connect(m_pairingActions, &PairingActions::result, feedback, &CommandFeedback::showResult);
    connect(m_pairingActions, &PairingActions::refused, feedback, &CommandFeedback::showRefused);
    m_directoryActions = new DirectoryActions(this, m_pairings, m_services);
    m_virtualTokenActions = new VirtualTokenActions(this);
    connect(m_virtualTokenActions, &VirtualTokenActions::result, feedback, &CommandFeedback::showResult);
    connect(m_virtualTokenActions, &VirtualTokenActions::refused, feedback, &CommandFeedback::showRefused);
    connect(m_tokenActions, &TokenActions::busyChanged, this, &MainWindow::updateActions);
    connect(m_tokenActions, &TokenActions::tokenChanged, this, [this](const QString& key) {
        if (tokenWatcher()) {
            tokenWatcher()->reloadToken(key);
        }
    });
    const auto pinAction = [this](const QString& name, const QString& text, PinOperation operation) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, [this, operation] {
            const QString key = selectedTokenKey();
            if (!key.isEmpty()) {
                m_tokenActions->changePin(tokenOf(key), operation);
            }
        });
        return action;
    };
    m_changePinAction = pinAction(QStringLiteral("changePin"), tr("Change &PIN…"), PinOperation::ChangePin);
    m_changeSoPinAction =
        pinAction(QStringLiteral("changeSoPin"), tr("Change PU&K / SO PIN…"), PinOperation::ChangeSoPin);
    m_unblockPinAction = pinAction(QStringLiteral("unblockPin"), tr("&Unblock PIN…"), PinOperation::UnblockPin);
    m_changePinAction->setIcon(QIcon::fromTheme(QStringLiteral("dialog-password")));
    m_importP12 = new ImportP12Actions(this);
    // A token made in this process has no slot event: the watcher reads its module again for it.
    connect(m_importP12, &ImportP12Actions::imported, this, [this](const TokenInfo& token) {
        if (tokenWatcher()) {
            tokenWatcher()->reloadToken(token.key());
        }
    });
}

QString MainWindow::selectedTokenKey() const
{
    const QModelIndex source = sourceIndex(m_navigation ? m_navigation->currentIndex() : QModelIndex());
    if (!source.isValid() || source.model() == m_readers) {
        return {};
    }
    return source.data(TokenTreeModel::TokenKeyRole).toString();
}

void MainWindow::setServiceState(ReaderMonitor::ServiceState state)
{
    m_serviceLabel->setState(state);
    m_emptyPage->setText(FirstRun::noReaders(state == ReaderMonitor::ServiceState::Absent));
}

TokenWatcher* MainWindow::tokenWatcher() const
{
    return m_services->tokenWatcher();
}

void MainWindow::startTokens(const ModuleRegistry::Options& options)
{
    m_services->startTokens(options);
}

void MainWindow::connectTokenWatcher(TokenWatcher* watcher)
{
    connect(watcher, &TokenWatcher::modulesLoaded, m_tokens, &TokenTreeModel::setModules);
    connect(watcher, &TokenWatcher::moduleChanged, m_tokens, &TokenTreeModel::setModule);
    connect(watcher, &TokenWatcher::tokenAdded, this, &MainWindow::setToken);
    connect(watcher, &TokenWatcher::tokenAdded, m_tokenActions, &TokenActions::tokenAppeared);
    connect(watcher, &TokenWatcher::tokenAdded, m_pairingActions->prompt(), &PairingPrompt::tokenAppeared);
    connect(watcher, &TokenWatcher::tokenChanged, this, &MainWindow::setToken);
    connect(watcher, &TokenWatcher::tokenRemoved, this, &MainWindow::removeToken);
    connect(watcher, &TokenWatcher::busyChanged, this, &MainWindow::setTokensBusy);
}

void MainWindow::rescanTokens()
{
    if (tokenWatcher()) {
        tokenWatcher()->rescan();
    }
}

void MainWindow::setToken(const TokenContents& token)
{
    m_tokens->setToken(token);
    if (VirtualTokenJobs::isVirtual(token.token)) {
        m_virtualTokens->setToken(token);
    }
    m_identities->setToken(token);
    m_pairings->setToken(token);
    if (const auto named = tokenCardName(token.token)) {
        m_readers->setTokenCardName(token.token.key(), token.token.slot.description, named->name, named->source);
    }
}

void MainWindow::removeToken(const QString& key)
{
    m_tokens->removeToken(key);
    m_virtualTokens->removeToken(key);
    m_identities->removeToken(key);
    m_pairings->removeToken(key);
    m_readers->removeTokenCardName(key);
}

void MainWindow::setTokensBusy(bool busy)
{
    m_tokensLabel->setText(busy ? tr("Reading tokens…") : QString());
}

QLineEdit* MainWindow::searchField() const
{
    return m_navigationPane->search();
}

QModelIndex MainWindow::navigationIndex(const QModelIndex& sourceIndex) const
{
    return m_navigationPane->navigationIndex(sourceIndex);
}

QModelIndex MainWindow::sourceIndex(const QModelIndex& navigationIndex) const
{
    return m_navigationPane->sourceIndex(navigationIndex);
}

TokenInfo MainWindow::tokenOf(const QString& key) const
{
    return m_tokens->indexOfToken(key).data(TokenTreeModel::TokenContentsRole).value<TokenContents>().token;
}

void MainWindow::showSelection()
{
    updateActions();
    const QModelIndex current = m_navigation->currentIndex();
    if (!current.isValid()) {
        m_pages->setCurrentWidget(m_emptyPage);
        return;
    }
    if (current.data(NavigationModel::IsRootRole).toBool()) {
        m_infoPage->showRoot(current.data(NavigationModel::RootRole).toInt(), m_emptyPage->text());
        m_pages->setCurrentWidget(m_infoPage);
        return;
    }
    const QModelIndex source = sourceIndex(current).siblingAtColumn(0);
    for (DetailsPage* page : std::as_const(m_detailsPages)) {
        if (page->accepts(source)) {
            page->showIndex(source);
            m_pages->setCurrentWidget(page->widget());
            return;
        }
    }
    m_infoPage->showIndex(source);
    m_pages->setCurrentWidget(m_infoPage);
}

std::optional<CertificateEntry> MainWindow::selectedCertificate() const
{
    const QModelIndex source = sourceIndex(m_navigation->currentIndex());
    if (!source.isValid() || source.model() == m_readers ||
        source.data(TokenTreeModel::KindRole).toInt() != static_cast<int>(TokenTreeModel::Kind::Certificate)) {
        return std::nullopt;
    }
    return source.data(TokenTreeModel::CertificateEntryRole).value<CertificateEntry>();
}

void MainWindow::updateActions()
{
    const auto entry = selectedCertificate();
    const QModelIndex source = sourceIndex(m_navigation ? m_navigation->currentIndex() : QModelIndex());
    m_exportAction->setEnabled(entry && entry->info);
    m_copyUriAction->setEnabled(source.isValid() && source.model() != m_readers &&
                                !source.data(TokenTreeModel::ObjectUriRole).toString().isEmpty());
    // What would touch a token a command runs on waits until it has finished.
    const QString key = selectedTokenKey();
    const bool free = !key.isEmpty() && !m_tokenActions->isBusy(key);
    m_testIdentityAction->setEnabled(free && entry && entry->keyState != CertificateEntry::KeyState::None &&
                                     isSignalConnected(QMetaMethod::fromSignal(&MainWindow::testIdentityRequested)));
    for (QAction* action : {m_changePinAction, m_changeSoPinAction, m_unblockPinAction}) {
        action->setEnabled(free);
    }
    m_pairingActions->updateActions();
    m_virtualTokenActions->updateActions();
    m_keyboardActions->updateActions();
}

bool MainWindow::exportCertificate(const QString& path, CertificateFormat format, QString* error)
{
    const auto entry = selectedCertificate();
    if (!entry && error) {
        *error = ExportCertificateCommand::tr("Select a certificate first.");
    }
    return entry && ExportCertificateCommand::write(*entry, path, format, error);
}

void MainWindow::exportSelected()
{
    const auto entry = selectedCertificate();
    if (!entry || !entry->info) {
        return;
    }
    auto* command = new ExportCertificateCommand(*entry, this, this);
    connect(command, &Command::finished, this, [this, command](const CommandResult& result) {
        command->deleteLater();
        if (result.status == CommandResult::Status::Failed) {
            QMessageBox::warning(this, command->title(), result.message);
        } else if (result.succeeded()) {
            statusBar()->showMessage(result.message, 5000);
        }
    });
    command->start();
}

} // namespace tokendesk
