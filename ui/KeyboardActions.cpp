#include "KeyboardActions.h"

#include "MainMenus.h"
#include "MainWindow.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "models/PairingModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStatusBar>
#include <QTreeView>

namespace tokendesk {

KeyboardActions::KeyboardActions(MainWindow* window) : QObject(window), m_window(window)
{
    m_find = new QAction(QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Find…"), this);
    m_find->setObjectName(QStringLiteral("find"));
    m_find->setShortcut(QKeySequence::Find);
    m_find->setToolTip(tr("Search readers, tokens, certificates and pairings"));
    connect(m_find, &QAction::triggered, this, [this] {
        QLineEdit* search = m_window->searchField();
        search->setFocus(Qt::ShortcutFocusReason);
        search->selectAll();
    });

    m_copy = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copy"));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setToolTip(tr("Copy the selection's URI (a pairing: its SHA-256 fingerprint; a card: its ATR)"));
    connect(m_copy, &QAction::triggered, this, &KeyboardActions::copy);

    m_refresh = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Read the tokens and the pairings again"));
    connect(m_refresh, &QAction::triggered, this, [this] {
        if (TokenWatcher* watcher = m_window->tokenWatcher()) {
            watcher->refresh();
        }
        m_window->pairings()->refresh();
        m_window->statusBar()->showMessage(tr("Reading the tokens and pairings again…"), 3000);
        Q_EMIT refreshRequested();
    });
}

void KeyboardActions::addTo(MainMenus* menus)
{
    QMenu* edit = menus->menu(MainMenus::Menu::Edit);
    edit->addAction(m_copy);
    edit->addSeparator();
    edit->addAction(m_find);
    menus->menu(MainMenus::Menu::View)->addAction(m_refresh);
}

QString KeyboardActions::copyText(const QModelIndex& source)
{
    if (!source.isValid()) {
        return {};
    }
    if (qobject_cast<const ReaderModel*>(source.model())) {
        const QModelIndex name = source.siblingAtColumn(ReaderModel::NameColumn);
        return name.data(ReaderModel::IsCardRole).toBool() ? name.data(ReaderModel::AtrHexRole).toString()
                                                           : name.data(ReaderModel::ReaderNameRole).toString();
    }
    if (qobject_cast<const PairingModel*>(source.model())) {
        const Pairing pairing = source.data(PairingModel::RowRole).value<PairingRow>().pairing;
        return pairing.sha256.isEmpty() ? pairing.key : QString::fromLatin1(pairing.sha256);
    }
    return source.data(TokenTreeModel::ObjectUriRole).toString();
}

QModelIndex KeyboardActions::selectedSource() const
{
    const QTreeView* navigation = m_window->navigation();
    return navigation ? m_window->sourceIndex(navigation->currentIndex()) : QModelIndex();
}

void KeyboardActions::updateActions()
{
    m_copy->setEnabled(!copyText(selectedSource()).isEmpty());
}

void KeyboardActions::copy()
{
    // Text selected in a page's label is what the user means to copy, not the row.
    if (auto* label = qobject_cast<QLabel*>(QApplication::focusWidget()); label && label->hasSelectedText()) {
        // Without the zero-width spaces that let long fingerprints and URIs wrap (CopyField::breakable).
        QGuiApplication::clipboard()->setText(label->selectedText().remove(QChar(0x200B)));
        return;
    }
    const QModelIndex source = selectedSource();
    copyToClipboard(copyText(source),
                    qobject_cast<const PairingModel*>(source.model()) ? tr("Fingerprint copied.") : tr("Copied."));
}

void KeyboardActions::copyUri()
{
    copyToClipboard(selectedSource().data(TokenTreeModel::ObjectUriRole).toString(), tr("URI copied."));
}

void KeyboardActions::copyToClipboard(const QString& text, const QString& message)
{
    if (!text.isEmpty()) {
        QGuiApplication::clipboard()->setText(text);
        m_window->statusBar()->showMessage(message, 3000);
    }
}

} // namespace tokendesk
