#pragma once

#include "backend/pkcs11/TokenInfo.h"
#include "backend/vtoken/ImportError.h"

#include <QWizard>
#include <memory>

namespace tokendesk {

class ModuleRegistry;

namespace importp12 {
class DonePage;
class FilePage;
class ImportPage;
class PasswordPage;
class PreviewPage;
class TokenChoicePage;
struct ImportP12State;
} // namespace importp12

/// Import .p12: file → password → preview → virtual token → import → done (issue #11). Every
/// backend call runs on a worker. Nothing is written before the import page; cancelled there, the
/// import undoes itself and the wizard closes only when that is done. The file's bytes, its
/// password and the PIN live in SecureBytes and are wiped when the wizard closes, whatever way.
class ImportP12Wizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        FileId,
        PasswordId,
        PreviewId,
        TokenId,
        ImportId,
        DoneId,
    };

    explicit ImportP12Wizard(QWidget* parent = nullptr);
    ~ImportP12Wizard() override;

    /// Starts on this file: it is read at once and the wizard goes on to the password, or stays on
    /// the file page with the error.
    void openFile(const QString& path);
    /// The window's modules, so that the import works through the watcher's SoftHSM2.
    void setModules(std::shared_ptr<const ModuleRegistry> registry);

    importp12::FilePage* filePage() const { return m_filePage; }
    importp12::PasswordPage* passwordPage() const { return m_passwordPage; }
    importp12::PreviewPage* previewPage() const { return m_previewPage; }
    importp12::TokenChoicePage* tokenPage() const { return m_tokenPage; }
    importp12::ImportPage* importPage() const { return m_importPage; }
    importp12::DonePage* donePage() const { return m_donePage; }
    /// True from a cancel during the import until the undo has finished and the wizard closed.
    bool cancelling() const { return m_cancelling; }

public Q_SLOTS:
    void reject() override;
    void done(int result) override;

Q_SIGNALS:
    /// The token now holds the imported objects (made for it or not): the window reads it again.
    void imported(const tokendesk::TokenInfo& token);

private:
    void importFinished(bool imported, const tokendesk::ImportError& error);
    void wipeSecrets();

    std::unique_ptr<importp12::ImportP12State> m_state;
    importp12::FilePage* m_filePage = nullptr;
    importp12::PasswordPage* m_passwordPage = nullptr;
    importp12::PreviewPage* m_previewPage = nullptr;
    importp12::TokenChoicePage* m_tokenPage = nullptr;
    importp12::ImportPage* m_importPage = nullptr;
    importp12::DonePage* m_donePage = nullptr;
    bool m_cancelling = false;
};

} // namespace tokendesk
