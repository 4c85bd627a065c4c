#pragma once

#include <QObject>

class QAction;
class QModelIndex;

namespace tokendesk {

class MainMenus;
class MainWindow;

/// The window's standard shortcuts, in Edit and View: Find (QKeySequence::Find) puts the focus in
/// the search field, Copy (QKeySequence::Copy) copies what identifies the selected row, Refresh
/// (QKeySequence::Refresh) reads every token and the pairings again (TokenWatcher::refresh). The
/// readers need no refresh: pcscd tells every change as it happens.
class KeyboardActions : public QObject
{
    Q_OBJECT
public:
    explicit KeyboardActions(MainWindow* window);

    /// Edit ▸ Copy and Find, View ▸ Refresh.
    void addTo(MainMenus* menus);
    QAction* findAction() const { return m_find; }
    QAction* copyAction() const { return m_copy; }
    QAction* refreshAction() const { return m_refresh; }

    /// What Copy puts on the clipboard for a row of ReaderModel, TokenTreeModel, IdentitiesModel
    /// or PairingModel: the PKCS#11 URI of a token, certificate, key or module (the reference
    /// other programs take; the certificate page shows it whole with its own Copy button), the
    /// SHA-256 fingerprint of a pairing (a pairing has no URI; its page shows the fingerprint),
    /// the ATR of a card, the name of a reader. Empty when the row has none (roots, groups).
    static QString copyText(const QModelIndex& source);

    /// Copy is enabled only when the selected row has something to copy.
    void updateActions();
    /// Copies the selected row's URI (the Copy URI action of the Certificate menu).
    void copyUri();

Q_SIGNALS:
    /// Refresh was asked: the token watcher and the pairings read again.
    void refreshRequested();

private:
    void copy();
    void copyToClipboard(const QString& text, const QString& message);
    QModelIndex selectedSource() const;

    MainWindow* m_window;
    QAction* m_find = nullptr;
    QAction* m_copy = nullptr;
    QAction* m_refresh = nullptr;
};

} // namespace tokendesk
