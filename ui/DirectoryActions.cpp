#include "DirectoryActions.h"

#include "DirectorySettingsDialog.h"
#include "MainWindow.h"
#include "StatusStyle.h"
#include "backend/AppServices.h"
#include "backend/common/Settings.h"
#include "backend/ldap/DirectoryPasswordVault.h"
#include "backend/ldap/LdapUrl.h"
#include "commands/AsyncTask.h"
#include "commands/VirtualTokenJobs.h"
#include "models/PairingModel.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>

namespace tokendesk {

namespace {

bool aboutDirectory(const PairingError& error)
{
    return LdapUrl::isDirectory(error.path);
}

/// What the keyring said, in a sentence for the status bar.
QString keyringSentence(const SecretVaultError& error)
{
    return DirectoryActions::tr("The keyring did not answer as asked (%1): the directory's password is known "
                                "only until TokenDesk quits.")
        .arg(PrintableText::escape(error.detail));
}

} // namespace

DirectoryActions::DirectoryActions(MainWindow* window, PairingModel* model, AppServices* services)
    : QObject(window), m_window(window), m_model(model), m_services(services)
{
    m_settings = new QAction(QIcon::fromTheme(QStringLiteral("network-server")), tr("&Directory\u2026"), this);
    m_settings->setObjectName(QStringLiteral("directorySettings"));
    m_settings->setToolTip(tr("The LDAP directory that pairing writes to, and how to bind to it"));
    connect(m_settings, &QAction::triggered, this, [this] { openSettings(); });

    m_stop = new QAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("&Stop loading pairings"), this);
    m_stop->setObjectName(QStringLiteral("stopLoadingPairings"));
    m_stop->setToolTip(tr("Stop reading the directory; the pairings read so far stay listed"));
    // Esc anywhere in the window, as a browser stops a page; only while a directory is being read.
    m_stop->setShortcut(QKeySequence(Qt::Key_Escape));
    m_stop->setShortcutContext(Qt::WindowShortcut);
    connect(m_stop, &QAction::triggered, m_model, &PairingModel::cancel);

    m_state = new QLabel(window);
    m_state->setObjectName(QStringLiteral("directoryState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->hide();
    window->statusBar()->addPermanentWidget(m_state);

    connect(m_model, &PairingModel::progress, this, &DirectoryActions::updateState);
    connect(m_model, &PairingModel::loaded, this, [this] {
        updateState();
        askPasswordIfNeeded();
    });
    // A new way to the directory (OK, the keyring's answer): the load running is for the old one.
    connect(m_services, &AppServices::directoryAccessChanged, m_model, [model = m_model] {
        model->cancel();
        model->refresh();
    });
    updateState();
    readRememberedPassword();
}

QString DirectoryActions::configuredUrl()
{
    const QStringList stores = Settings::instance().value(Settings::Key::PairingStores).toStringList();
    for (const QString& store : stores) {
        if (LdapUrl::isDirectory(store)) {
            return store;
        }
    }
    return {};
}

QStringList DirectoryActions::withDirectory(const QStringList& stores, const QString& url)
{
    QStringList result;
    if (!url.isEmpty()) {
        result.append(url);
    }
    for (const QString& store : stores) {
        if (!LdapUrl::isDirectory(store) && !result.contains(store)) {
            result.append(store);
        }
    }
    return result;
}

DirectorySettingsDialog* DirectoryActions::dialog() const
{
    return m_dialog;
}

DirectorySettingsDialog* DirectoryActions::openSettings(const QString& note)
{
    if (!m_dialog) {
        m_dialog = new DirectorySettingsDialog(
            configuredUrl(), DirectoryOptions::fromSettings(), m_services->directoryAccess(),
            Settings::instance().boolValue(Settings::Key::DirectoryRememberPassword), m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_dialog->setWindowModality(Qt::WindowModal);
        connect(m_dialog, &DirectorySettingsDialog::submitted, this, [this, dialog = m_dialog] { apply(dialog); });
        m_dialog->open();
    }
    m_dialog->setNote(note);
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

void DirectoryActions::apply(DirectorySettingsDialog* dialog)
{
    Settings& settings = Settings::instance();
    const QString oldUrl = configuredUrl();
    const QString oldBindDn = settings.value(Settings::Key::DirectoryBindDn).toString();
    const QString url = dialog->url();
    const DirectoryOptions options = dialog->options();
    const bool remember = dialog->remember();
    options.save();
    settings.setValue(Settings::Key::DirectoryRememberPassword, remember);
    settings.setValue(Settings::Key::PairingStores,
                      withDirectory(settings.value(Settings::Key::PairingStores).toStringList(), url));

    auto access = std::make_shared<DirectoryAccess>();
    access->options = options;
    access->password = dialog->password();
    const DirectoryAccessPtr shared = access;

    // The keyring keeps the password only when asked to; otherwise whatever it kept goes, and so
    // does the item of a bind DN or directory no longer used.
    const bool keep = remember && !url.isEmpty() && !shared->password.isEmpty();
    const bool forgetOld = !oldBindDn.isEmpty() && !oldUrl.isEmpty() && (oldBindDn != options.bindDn || oldUrl != url);
    // Remember ticked but no password known (the keyring's read at start still running, or failed):
    // the item stays as it is.
    const bool forgetNew = !remember && !options.bindDn.isEmpty() && !url.isEmpty();
    if (keep || forgetOld || forgetNew) {
        AsyncTask::runThenCallback(
            this,
            [shared, url, oldUrl, oldBindDn, keep, forgetOld, forgetNew]() -> Status<SecretVaultError> {
                Status<SecretVaultError> outcome = Done{};
                if (forgetOld) {
                    outcome = DirectoryPasswordVault::remove(oldBindDn, oldUrl);
                }
                if (keep) {
                    auto stored = DirectoryPasswordVault::store(shared->options.bindDn, url, shared->password);
                    outcome = outcome ? stored : outcome;
                } else if (forgetNew) {
                    auto removed = DirectoryPasswordVault::remove(shared->options.bindDn, url);
                    outcome = outcome ? removed : outcome;
                }
                return outcome;
            },
            [this](const Status<SecretVaultError>& outcome) {
                if (!outcome) {
                    m_window->statusBar()->showMessage(keyringSentence(outcome.error()), 10000);
                }
                Q_EMIT keyringDone(outcome.ok(), outcome ? QString() : keyringSentence(outcome.error()));
            },
            VirtualTokenJobs::pool());
    }
    m_services->setDirectoryAccess(url.isEmpty() ? nullptr : shared);
    Q_EMIT applied();
}

void DirectoryActions::readRememberedPassword()
{
    const QString url = configuredUrl();
    DirectoryOptions options = DirectoryOptions::fromSettings();
    if (url.isEmpty() || options.bindDn.isEmpty() || m_services->directoryAccess() ||
        !Settings::instance().boolValue(Settings::Key::DirectoryRememberPassword)) {
        return;
    }
    m_readingKeyring = true;
    // The access is made on the keyring thread: the password leaves it only inside a DirectoryAccess.
    AsyncTask::runThenCallback(
        this,
        [url, options]() -> Result<DirectoryAccessPtr, SecretVaultError> {
            auto read = DirectoryPasswordVault::read(options.bindDn, url);
            if (!read) {
                return read.error();
            }
            if (!read.value()) {
                return DirectoryAccessPtr();
            }
            auto access = std::make_shared<DirectoryAccess>();
            access->options = options;
            access->password = std::move(*read.value());
            return DirectoryAccessPtr(std::move(access));
        },
        [this](const Result<DirectoryAccessPtr, SecretVaultError>& read) {
            m_readingKeyring = false;
            if (read && read.value() && !m_services->directoryAccess()) {
                m_services->setDirectoryAccess(read.value());
            } else {
                askPasswordIfNeeded();
            }
            Q_EMIT keyringDone(read.ok(), read ? QString() : keyringSentence(read.error()));
        },
        VirtualTokenJobs::pool());
}

void DirectoryActions::askPasswordIfNeeded()
{
    if (m_askedPassword || m_readingKeyring || m_dialog || m_model->isLoading()) {
        return;
    }
    for (const PairingError& error : m_model->errors()) {
        if (error.code == PairingError::Code::PasswordNeeded) {
            m_askedPassword = true;
            DirectorySettingsDialog* dialog =
                openSettings(tr("Enter the password of %1 to read the pairings of %2.")
                                 .arg(PrintableText::escape(error.privilege), PrintableText::escape(error.path)));
            dialog->passwordField()->setFocus();
            return;
        }
    }
}

void DirectoryActions::updateState()
{
    const QString directory = m_model->readingDirectory();
    m_stop->setEnabled(!directory.isEmpty());
    QString text;
    QString tip;
    bool failed = false;
    if (!directory.isEmpty()) {
        text = tr("Reading the directory\u2026 %n pairing(s) so far", nullptr, m_model->rowsLoaded());
        tip = PrintableText::escape(directory);
        // As wide as it gets with six digits from the start: the status bar does not shift as the count grows.
        m_state->setMinimumWidth(m_state->fontMetrics().horizontalAdvance(
            tr("Reading the directory\u2026 %n pairing(s) so far", nullptr, 999999)));
    } else if (!m_model->isLoading() && m_model->isPartial()) {
        text = tr("Stopped: %n pairing(s) listed, not the whole directory.", nullptr, m_model->rowCount());
    } else if (!m_model->isLoading()) {
        for (const PairingError& error : m_model->errors()) {
            if (aboutDirectory(error)) {
                text = PairingText::error(error);
                failed = true;
                break;
            }
        }
    } else {
        text = m_state->text(); // between two parts of a load: kept, so the note does not blink
    }
    m_state->setText(text);
    m_state->setToolTip(tip);
    StatusStyle::apply(m_state,
                       failed ? std::optional<StatusPalette::Status>(StatusPalette::Status::Alert) : std::nullopt);
    m_state->setVisible(!text.isEmpty());
}

} // namespace tokendesk
