#include "VirtualTokenActions.h"

#include "MainWindow.h"
#include "TokenActions.h"
#include "backend/AppServices.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "commands/DeleteVirtualTokenCommand.h"
#include "commands/NewVirtualTokenCommand.h"
#include "commands/ResetVirtualPinCommand.h"
#include "commands/VirtualTokenJobs.h"
#include "models/PairingModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "models/VirtualTokenText.h"

#include <QAction>
#include <QTreeView>

namespace tokendesk {

VirtualTokenActions::VirtualTokenActions(MainWindow* window) : QObject(window), m_window(window)
{
    m_new = new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&New Virtual Token…"), this);
    m_new->setObjectName(QStringLiteral("newVirtualToken"));
    m_new->setToolTip(tr("Make a token in SoftHSM2 that browsers and other programs use like a smart card"));
    connect(m_new, &QAction::triggered, this, &VirtualTokenActions::newToken);
    m_delete = new QAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Delete Virtual Token…"), this);
    m_delete->setObjectName(QStringLiteral("deleteVirtualToken"));
    connect(m_delete, &QAction::triggered, this, [this] {
        if (const auto token = selectedVirtualToken()) {
            deleteToken(*token);
        }
    });
    m_resetPin = new QAction(tr("&Reset PIN…", "PIN the noun"), this);
    m_resetPin->setObjectName(QStringLiteral("resetVirtualPin"));
    connect(m_resetPin, &QAction::triggered, this, [this] {
        if (const auto token = selectedVirtualToken()) {
            resetPin(*token);
        }
    });
    updateActions();
}

namespace {
TokenCommand::RegistryGetter registryOf(MainWindow* window)
{
    return [services = QPointer<AppServices>(window->services())] {
        return services ? services->registry() : std::shared_ptr<const ModuleRegistry>();
    };
}
} // namespace

void VirtualTokenActions::newToken()
{
    if (m_creating) {
        Q_EMIT refused(tr("%1 is still running: finish it first.").arg(m_creating->title()));
        return;
    }
    auto* command = new NewVirtualTokenCommand(registryOf(m_window), m_window);
    command->setParent(this);
    m_creating = command;
    connect(command, &NewVirtualTokenCommand::tokenMade, this, [this](const TokenInfo& token) { reload(token.key()); });
    connect(command, &Command::finished, this, [this, command](const CommandResult& outcome) {
        command->deleteLater();
        m_creating = nullptr;
        if (!outcome.message.isEmpty()) {
            Q_EMIT result(outcome.succeeded(), outcome.message);
        }
        updateActions();
    });
    updateActions();
    command->start();
    Q_EMIT started(command);
}

void VirtualTokenActions::deleteToken(const TokenInfo& token)
{
    auto* command = new DeleteVirtualTokenCommand(token, registryOf(m_window), m_window);
    const QString serial = token.serial;
    connect(command, &Command::finished, this, [this, serial](const CommandResult& outcome) {
        if (outcome.succeeded()) {
            m_soPinStored.remove(serial); // and from the keyring with it
        }
    });
    // TokenActions has the watcher read the token again on tokenChanged (MainWindow connects it).
    if (m_window->tokenActions()->start(command)) {
        Q_EMIT started(command);
    }
}

void VirtualTokenActions::resetPin(const TokenInfo& token)
{
    auto* command = new ResetVirtualPinCommand(token, registryOf(m_window), m_window);
    if (m_window->tokenActions()->start(command)) {
        Q_EMIT started(command);
    }
}

void VirtualTokenActions::reload(const QString& tokenKey)
{
    // A new key makes the watcher read the whole module (SoftHSM2 has no slot events): the token
    // made through the same module, or through a second load of it in this process, is found.
    if (TokenWatcher* watcher = m_window->tokenWatcher()) {
        watcher->reloadToken(tokenKey);
    }
}

std::optional<TokenInfo> VirtualTokenActions::selectedVirtualToken() const
{
    const QTreeView* view = m_window->navigation();
    const QModelIndex source = m_window->sourceIndex(view ? view->currentIndex() : QModelIndex());
    if (!source.isValid() || qobject_cast<const ReaderModel*>(source.model()) ||
        qobject_cast<const PairingModel*>(source.model())) {
        return std::nullopt;
    }
    const QString key = source.data(TokenTreeModel::TokenKeyRole).toString();
    if (key.isEmpty()) {
        return std::nullopt;
    }
    const TokenInfo token =
        m_window->tokenTree()->indexOfToken(key).data(TokenTreeModel::TokenContentsRole).value<TokenContents>().token;
    if (!VirtualTokenJobs::isVirtual(token)) {
        return std::nullopt;
    }
    return token;
}

void VirtualTokenActions::checkSoPin(const QString& serial)
{
    if (m_asking == serial) {
        return;
    }
    m_asking = serial;
    m_soPinCheck.run(
        this, [serial] { return VirtualTokenJobs::soPinStored(serial); },
        [this, serial](const Result<bool, VirtualTokenError>& stored) {
            m_asking.clear();
            m_soPinStored.insert(serial, stored && stored.value());
            if (!stored) {
                m_soPinError.insert(serial, VirtualTokenText::error(stored.error()));
            } else {
                m_soPinError.remove(serial);
            }
            updateActions();
            Q_EMIT soPinChecked(serial, stored && stored.value());
        },
        VirtualTokenJobs::pool());
}

void VirtualTokenActions::updateActions()
{
    m_new->setEnabled(!m_creating && !VirtualTokenJobs::modulePath().isEmpty());
    const auto token = m_window->navigation() ? selectedVirtualToken() : std::nullopt;
    const bool free = token && !m_window->tokenActions()->isBusy(token->key());
    m_delete->setEnabled(free);
    m_delete->setToolTip(token ? tr("Delete \u201c%1\u201d and every key and certificate on it").arg(token->label)
                               : tr("Select a virtual token (a SoftHSM2 token) to delete it"));
    if (!token) {
        m_resetPin->setEnabled(false);
        m_resetPin->setToolTip(tr("Select a virtual token to reset its PIN"));
        return;
    }
    const auto stored = m_soPinStored.constFind(token->serial);
    if (stored == m_soPinStored.constEnd()) {
        m_resetPin->setEnabled(false);
        m_resetPin->setToolTip(tr("Looking for the token's SO PIN in the keyring…"));
        checkSoPin(token->serial);
        return;
    }
    m_resetPin->setEnabled(free && *stored);
    if (*stored) {
        m_resetPin->setToolTip(tr("Set a new PIN with the SO PIN TokenDesk keeps in your keyring"));
    } else if (m_soPinError.contains(token->serial)) {
        m_resetPin->setToolTip(m_soPinError.value(token->serial));
    } else {
        m_resetPin->setToolTip(
            VirtualTokenText::error(VirtualTokenError::make(VirtualTokenError::Code::SoPinMissing, token->label)));
    }
}

} // namespace tokendesk
