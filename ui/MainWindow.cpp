#include "MainWindow.h"

#include "CardPage.h"
#include "CertificatePage.h"
#include "PinFlow.h"
#include "ReaderPage.h"
#include "TokenActions.h"
#include "TokenPage.h"
#include "backend/common/AtomicFile.h"
#include "backend/common/Settings.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "models/CertificateText.h"
#include "models/ErrorText.h"
#include "models/IdentitiesModel.h"
#include "models/NavigationFilterModel.h"
#include "models/NavigationModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaMethod>
#include <QPointer>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace tokendesk {

MainWindow::MainWindow(ReaderModel* readers, QWidget* parent) : QMainWindow(parent), m_readers(readers)
{
    setWindowTitle(tr("TokenDesk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tokendesk.svg")));
    if (QIcon::themeName().isEmpty()) {
        QIcon::setThemeName(QStringLiteral("Adwaita"));
    }

    m_tokens = new TokenTreeModel(this);
    m_identities = new IdentitiesModel(this);
    m_navigationModel = new NavigationModel(this);
    m_navigationModel->setSource(NavigationModel::ReadersRoot, readers, ReaderModel::CardColumn);
    // The count is asked while the window goes too (the view repaints): no `this` in it.
    m_navigationModel->setSource(
        NavigationModel::TokensRoot, m_tokens, TokenTreeModel::StatusColumn,
        [tokens = QPointer<TokenTreeModel>(m_tokens)] { return tokens ? tokens->tokenCount() : 0; });
    m_navigationModel->setSource(NavigationModel::IdentitiesRoot, m_identities, TokenTreeModel::StatusColumn);
    m_filter = new NavigationFilterModel(this);
    m_filter->setSourceModel(m_navigationModel);

    createActions();
    createMenus();

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search: subject, issuer, serial, fingerprint, URI"));
    m_search->setClearButtonEnabled(true);

    m_navigation = new QTreeView(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setModel(m_filter);
    m_navigation->setAllColumnsShowFocus(true);
    m_navigation->setUniformRowHeights(true);
    m_navigation->setIndentation(14); // five levels (root, module, token, group, object) in a narrow pane
    m_navigation->header()->setStretchLastSection(false);
    m_navigation->header()->setSectionResizeMode(NavigationModel::NameColumn, QHeaderView::Stretch);
    m_navigation->header()->setSectionResizeMode(NavigationModel::DetailColumn, QHeaderView::ResizeToContents);
    m_navigation->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_navigation->addActions(
        {m_exportAction, m_copyUriAction, m_testIdentityAction, m_changePinAction, m_unblockPinAction});
    for (auto root : {NavigationModel::ReadersRoot, NavigationModel::TokensRoot, NavigationModel::IdentitiesRoot}) {
        m_navigation->expand(m_filter->mapFromSource(m_navigationModel->rootIndex(root)));
    }
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setQuery(text);
        if (!text.trimmed().isEmpty()) {
            m_navigation->expandAll();
        }
    });

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_navigation, 1);

    m_emptyPage = new QLabel(this);
    m_emptyPage->setObjectName(QStringLiteral("emptyState"));
    m_emptyPage->setAlignment(Qt::AlignCenter);
    m_emptyPage->setWordWrap(true);
    m_infoPage = new QLabel(this);
    m_infoPage->setObjectName(QStringLiteral("infoPage"));
    m_infoPage->setAlignment(Qt::AlignCenter);
    m_infoPage->setWordWrap(true);
    m_infoPage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readerPage = new ReaderPage(this);
    m_readerPage->setObjectName(QStringLiteral("readerPage"));
    m_cardPage = new CardPage(this);
    m_cardPage->setObjectName(QStringLiteral("cardPage"));
    m_tokenPage = new TokenPage(this);
    m_tokenPage->setObjectName(QStringLiteral("tokenPage"));
    m_certificatePage = new CertificatePage(this);
    m_certificatePage->setObjectName(QStringLiteral("certificatePage"));
    m_pages = new QStackedWidget(this);
    for (QWidget* page : {static_cast<QWidget*>(m_emptyPage), static_cast<QWidget*>(m_readerPage),
                          static_cast<QWidget*>(m_cardPage), static_cast<QWidget*>(m_infoPage),
                          static_cast<QWidget*>(m_tokenPage), static_cast<QWidget*>(m_certificatePage)}) {
        m_pages->addWidget(page);
    }

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({440, 560});
    setCentralWidget(splitter);

    m_serviceLabel = new QLabel(this);
    m_serviceLabel->setObjectName(QStringLiteral("serviceState"));
    // Wide enough for every state, so the status bar does not jump or clip.
    int widest = 0;
    for (auto state : {ReaderMonitor::ServiceState::Starting, ReaderMonitor::ServiceState::Running,
                       ReaderMonitor::ServiceState::Restarting, ReaderMonitor::ServiceState::Absent}) {
        widest = std::max(widest, m_serviceLabel->fontMetrics().horizontalAdvance(serviceStateText(state)));
    }
    m_serviceLabel->setMinimumWidth(widest + m_serviceLabel->margin() * 2 + 4);
    m_tokensLabel = new QLabel(this);
    m_tokensLabel->setObjectName(QStringLiteral("tokensState"));
    statusBar()->addWidget(m_tokensLabel);
    statusBar()->addPermanentWidget(m_serviceLabel);
    setServiceState(ReaderMonitor::ServiceState::Starting);

    connect(m_navigation->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showSelection);
    connect(readers, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& under, int first, int last) {
        // Cards show under their readers: a card inserted, or readers that came with one.
        if (under.isValid()) {
            m_navigation->expand(navigationIndex(under));
        }
        for (int row = first; !under.isValid() && row <= last; ++row) {
            m_navigation->expand(navigationIndex(m_readers->index(row, 0)));
        }
        if (!m_navigation->currentIndex().isValid()) {
            m_navigation->setCurrentIndex(navigationIndex(m_readers->index(0, 0)));
        }
        showSelection();
    });
    connect(m_tokens, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& under, int first, int last) {
        // Modules and tokens open; the groups under a token stay closed until asked.
        const int depth = under.isValid() ? (under.parent().isValid() ? 2 : 1) : 0;
        for (int row = first; depth < 2 && row <= last; ++row) {
            m_navigation->expand(navigationIndex(m_tokens->index(row, 0, under)));
        }
        if (depth == 1) {
            m_navigation->expand(navigationIndex(under));
        }
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &MainWindow::showSelection);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to) {
        const QModelIndex current = m_navigation->currentIndex();
        if (current.isValid() && current.parent() == from.parent() && current.row() >= from.row() &&
            current.row() <= to.row()) {
            showSelection();
        }
    });
    showSelection();
    updateActions();
    resize(1000, 640);
}

MainWindow::~MainWindow()
{
    if (m_tokenWatcher) {
        m_tokenWatcher->stop();
    }
}

void MainWindow::createActions()
{
    m_exportAction =
        new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Export certificate…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportCertificate"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportSelected);
    m_copyUriAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy &URI"), this);
    m_copyUriAction->setObjectName(QStringLiteral("copyUri"));
    connect(m_copyUriAction, &QAction::triggered, this, &MainWindow::copyUri);
    m_testIdentityAction =
        new QAction(QIcon::fromTheme(QStringLiteral("emblem-ok-symbolic")), tr("&Test identity…"), this);
    m_testIdentityAction->setObjectName(QStringLiteral("testIdentity"));
    m_testIdentityAction->setToolTip(tr("Sign a random challenge with the token's key and check it"));
    connect(m_testIdentityAction, &QAction::triggered, this, [this] {
        const auto entry = selectedCertificate();
        if (entry) {
            Q_EMIT testIdentityRequested(
                *entry,
                tokenOf(sourceIndex(m_navigation->currentIndex()).data(TokenTreeModel::TokenKeyRole).toString()));
        }
    });

    m_tokenActions = new TokenActions(
        [this] { return m_tokenWatcher ? m_tokenWatcher->registry() : std::shared_ptr<const ModuleRegistry>(); }, this);
    connect(this, &MainWindow::testIdentityRequested, m_tokenActions, &TokenActions::testIdentity);
    connect(m_tokenActions, &TokenActions::result, this, &MainWindow::showActionResult);
    connect(m_tokenActions, &TokenActions::waitingForToken, this, [this](const QString& message) {
        // Asked for by name; the action runs when the token comes, or is dropped on Cancel.
        auto* box = new QMessageBox(QMessageBox::Information, windowTitle(), message, QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("waitingForToken"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::rejected, m_tokenActions, &TokenActions::cancelWaiting);
        if (m_tokenWatcher) {
            connect(m_tokenWatcher, &TokenWatcher::tokenAdded, box, [this, box] {
                if (m_tokenActions->waitingFor().isEmpty()) {
                    box->done(QMessageBox::Ok);
                }
            });
        }
        statusBar()->showMessage(message);
        box->open();
    });
    connect(m_tokenActions, &TokenActions::tokenChanged, this, [this](const QString& key) {
        if (m_tokenWatcher) {
            m_tokenWatcher->reloadToken(key);
        }
    });
    const auto pinAction = [this](const QString& name, const QString& text, PinChangeDialog::Mode mode) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, [this, mode] {
            const QString key = selectedTokenKey();
            if (!key.isEmpty()) {
                m_tokenActions->changePin(tokenOf(key), mode);
            }
        });
        return action;
    };
    m_changePinAction = pinAction(QStringLiteral("changePin"), tr("Change &PIN…"), PinChangeDialog::Mode::ChangePin);
    m_changeSoPinAction =
        pinAction(QStringLiteral("changeSoPin"), tr("Change P&UK / SO PIN…"), PinChangeDialog::Mode::ChangeSoPin);
    m_unblockPinAction =
        pinAction(QStringLiteral("unblockPin"), tr("&Unblock PIN…"), PinChangeDialog::Mode::UnblockPin);
    m_changePinAction->setIcon(QIcon::fromTheme(QStringLiteral("dialog-password")));
}

QString MainWindow::selectedTokenKey() const
{
    const QModelIndex source = sourceIndex(m_navigation ? m_navigation->currentIndex() : QModelIndex());
    if (!source.isValid() || source.model() == m_readers) {
        return {};
    }
    return source.data(TokenTreeModel::TokenKeyRole).toString();
}

void MainWindow::showActionResult(bool succeeded, const QString& message)
{
    statusBar()->showMessage(message, 15000);
    auto* box = new QMessageBox(succeeded ? QMessageBox::Information : QMessageBox::Warning, windowTitle(), message,
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("actionResult"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* certificate = menuBar()->addMenu(tr("&Certificate"));
    certificate->addAction(m_exportAction);
    certificate->addAction(m_copyUriAction);
    certificate->addAction(m_testIdentityAction);
    QMenu* token = menuBar()->addMenu(tr("&Token"));
    token->addActions({m_changePinAction, m_changeSoPinAction, m_unblockPinAction});
    QToolBar* toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(QStringLiteral("actionsToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setMovable(false);
    toolbar->addActions({m_exportAction, m_copyUriAction, m_testIdentityAction, m_changePinAction});

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    m_notifyAction = settings->addAction(tr("&Notify when a card is inserted or removed"));
    m_notifyAction->setObjectName(QStringLiteral("notifyCardEvents"));
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(Settings::instance().boolValue(Settings::Key::NotifyCardEvents));
    connect(m_notifyAction, &QAction::toggled, this,
            [](bool on) { Settings::instance().setValue(Settings::Key::NotifyCardEvents, on); });
}

QString MainWindow::serviceStateText(ReaderMonitor::ServiceState state)
{
    switch (state) {
    case ReaderMonitor::ServiceState::Starting:
        return tr("PC/SC: connecting…");
    case ReaderMonitor::ServiceState::Running:
        return tr("PC/SC: running");
    case ReaderMonitor::ServiceState::Restarting:
        return tr("PC/SC: restarting…");
    case ReaderMonitor::ServiceState::Absent:
        return tr("PC/SC: service not running");
    }
    return {};
}

void MainWindow::setServiceState(ReaderMonitor::ServiceState state)
{
    m_serviceLabel->setText(serviceStateText(state));
    m_emptyPage->setText(state == ReaderMonitor::ServiceState::Absent
                             ? tr("The smart card service (pcscd) is not running.\n"
                                  "Start it, or start the demo with scripts/run.sh.")
                             : tr("No smart card reader found.\n"
                                  "Connect a reader, or start the demo with scripts/run.sh."));
}

void MainWindow::startTokens(const ModuleRegistry::Options& options)
{
    if (m_tokenWatcher) {
        return;
    }
    m_tokenWatcher = new TokenWatcher(options, this);
    connect(m_tokenWatcher, &TokenWatcher::modulesLoaded, m_tokens, &TokenTreeModel::setModules);
    connect(m_tokenWatcher, &TokenWatcher::tokenAdded, this, &MainWindow::setToken);
    connect(m_tokenWatcher, &TokenWatcher::tokenAdded, m_tokenActions, &TokenActions::tokenAppeared);
    connect(m_tokenWatcher, &TokenWatcher::tokenChanged, this, &MainWindow::setToken);
    connect(m_tokenWatcher, &TokenWatcher::tokenRemoved, this, &MainWindow::removeToken);
    connect(m_tokenWatcher, &TokenWatcher::busyChanged, this, &MainWindow::setTokensBusy);
    m_tokenWatcher->start();
}

void MainWindow::rescanTokens()
{
    if (m_tokenWatcher) {
        m_tokenWatcher->rescan();
    }
}

void MainWindow::setToken(const TokenContents& token)
{
    m_tokens->setToken(token);
    m_identities->setToken(token);
}

void MainWindow::removeToken(const QString& key)
{
    m_tokens->removeToken(key);
    m_identities->removeToken(key);
}

void MainWindow::setTokensBusy(bool busy)
{
    m_tokensLabel->setText(busy ? tr("Reading tokens…") : QString());
}

QModelIndex MainWindow::navigationIndex(const QModelIndex& sourceIndex) const
{
    return m_filter->mapFromSource(m_navigationModel->mapFromSource(sourceIndex));
}

QModelIndex MainWindow::sourceIndex(const QModelIndex& navigationIndex) const
{
    return m_navigationModel->mapToSource(m_filter->mapToSource(navigationIndex));
}

TokenInfo MainWindow::tokenOf(const QString& key) const
{
    return m_tokens->indexOfToken(key).data(TokenTreeModel::TokenContentsRole).value<TokenContents>().token;
}

QList<CertificateInfo> MainWindow::caCertificates() const
{
    QList<CertificateInfo> result;
    const TokenContentsList tokens = m_tokens->tokens();
    for (const TokenContents& token : tokens) {
        for (const CertificateEntry& entry : token.certificates) {
            if (entry.info && entry.info->isCa()) {
                result.append(*entry.info);
            }
        }
    }
    return result;
}

QString MainWindow::rootPageText(int root) const
{
    switch (root) {
    case NavigationModel::ReadersRoot:
        return m_readers->rowCount() == 0
                   ? m_emptyPage->text()
                   : (m_readers->rowCount() == 1
                          ? tr("1 smart card reader connected.")
                          : tr("%n smart card readers connected.", nullptr, m_readers->rowCount()));
    case NavigationModel::TokensRoot:
        return m_tokens->tokenCount() == 0
                   ? tr("No PKCS#11 token found.\nInsert a smart card, or add a module with --module.")
                   : (m_tokens->tokenCount() == 1
                          ? tr("1 token, grouped by PKCS#11 module.")
                          : tr("%n tokens, grouped by PKCS#11 module.", nullptr, m_tokens->tokenCount()));
    case NavigationModel::IdentitiesRoot:
        return tr("Certificates with a private key beside them, on every token.");
    case NavigationModel::PairingsRoot:
        return tr("Pairings of certificates with user accounts will show here.");
    case NavigationModel::VirtualTokensRoot:
        return tr("Virtual tokens (SoftHSM2) will show here.");
    default:
        return {};
    }
}

void MainWindow::showSelection()
{
    updateActions();
    const QModelIndex current = m_navigation->currentIndex();
    if (!current.isValid()) {
        m_pages->setCurrentWidget(m_emptyPage);
        return;
    }
    const int root = current.data(NavigationModel::RootRole).toInt();
    if (current.data(NavigationModel::IsRootRole).toBool()) {
        m_infoPage->setText(rootPageText(root));
        m_pages->setCurrentWidget(m_infoPage);
        return;
    }
    const QModelIndex source = sourceIndex(current).siblingAtColumn(0);
    if (root == NavigationModel::ReadersRoot) {
        if (source.data(ReaderModel::IsCardRole).toBool()) {
            m_cardPage->setCard(source);
            m_pages->setCurrentWidget(m_cardPage);
            return;
        }
        m_readerPage->setReader(source);
        m_pages->setCurrentWidget(m_readerPage);
        return;
    }
    switch (static_cast<TokenTreeModel::Kind>(source.data(TokenTreeModel::KindRole).toInt())) {
    case TokenTreeModel::Kind::Token:
        m_tokenPage->setToken(source.data(TokenTreeModel::TokenContentsRole).value<TokenContents>());
        m_pages->setCurrentWidget(m_tokenPage);
        return;
    case TokenTreeModel::Kind::Certificate:
        m_certificatePage->setCertificate(source.data(TokenTreeModel::CertificateEntryRole).value<CertificateEntry>(),
                                          tokenOf(source.data(TokenTreeModel::TokenKeyRole).toString()),
                                          caCertificates());
        m_pages->setCurrentWidget(m_certificatePage);
        return;
    case TokenTreeModel::Kind::Module:
    case TokenTreeModel::Kind::Group:
    case TokenTreeModel::Kind::Key:
    case TokenTreeModel::Kind::Data:
        break;
    }
    QString text = source.data().toString();
    const QString tip = source.data(Qt::ToolTipRole).toString();
    if (!tip.isEmpty()) {
        text += QStringLiteral("\n\n") + tip;
    }
    m_infoPage->setText(text);
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
    m_testIdentityAction->setEnabled(entry && entry->keyState != CertificateEntry::KeyState::None &&
                                     isSignalConnected(QMetaMethod::fromSignal(&MainWindow::testIdentityRequested)));
    const bool token = !selectedTokenKey().isEmpty();
    for (QAction* action : {m_changePinAction, m_changeSoPinAction, m_unblockPinAction}) {
        action->setEnabled(token);
    }
}

void MainWindow::copyUri()
{
    const QModelIndex source = sourceIndex(m_navigation->currentIndex());
    const QString uri = source.data(TokenTreeModel::ObjectUriRole).toString();
    if (!uri.isEmpty()) {
        QGuiApplication::clipboard()->setText(uri);
        statusBar()->showMessage(tr("URI copied."), 3000);
    }
}

bool MainWindow::exportCertificate(const QString& path, CertificateFormat format, QString* error)
{
    const auto entry = selectedCertificate();
    if (!entry || !entry->info) {
        if (error) {
            *error = tr("Select a certificate first.");
        }
        return false;
    }
    const auto written = AtomicFile::write(path, CertificateExport::encode(*entry->info, format));
    if (!written) {
        if (error) {
            *error = ErrorText::file(written.error());
        }
        return false;
    }
    return true;
}

void MainWindow::exportSelected()
{
    const auto entry = selectedCertificate();
    if (!entry || !entry->info) {
        return;
    }
    const QString pem = tr("PEM certificate (*.pem *.crt)");
    const QString der = tr("DER certificate (*.der *.cer)");
    QString filter = pem;
    QString name = entry->info->friendlyName.isEmpty() ? QStringLiteral("certificate") : entry->info->friendlyName;
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export certificate"), name + QStringLiteral(".pem"),
                                                      pem + QStringLiteral(";;") + der, &filter);
    if (path.isEmpty()) {
        return;
    }
    const bool asDer = filter == der || path.endsWith(QLatin1String(".der"), Qt::CaseInsensitive) ||
                       path.endsWith(QLatin1String(".cer"), Qt::CaseInsensitive);
    QString error;
    if (!exportCertificate(path, asDer ? CertificateFormat::Der : CertificateFormat::Pem, &error)) {
        QMessageBox::warning(this, tr("Export certificate"), error);
        return;
    }
    statusBar()->showMessage(tr("Certificate written to %1.").arg(path), 5000);
}

} // namespace tokendesk
