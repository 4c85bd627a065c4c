#pragma once

#include "backend/vtoken/ImportError.h"

#include <QWizardPage>
#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;

namespace tokendesk::importp12 {

struct ImportP12State;

/// Runs P12Importer on a worker as soon as it is shown, with its steps on a progress bar. Cancel
/// asks the importer to stop between steps; it then undoes what it wrote (and removes a token it
/// made), and only then `finished` tells the wizard, which closes. Nothing else can be pressed
/// meanwhile.
class ImportPage : public QWizardPage
{
    Q_OBJECT
public:
    ImportPage(ImportP12State* state, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool running() const { return m_running; }
    /// Asks the import to stop and undo (only while running).
    void cancel();
    QProgressBar* progressBar() const { return m_progress; }

Q_SIGNALS:
    /// The import ended: imported, or failed (`error` set; Cancelled when cancel() stopped it).
    /// Either way the token is as before when it failed.
    void finished(bool imported, const tokendesk::ImportError& error);

private:
    ImportP12State* m_state;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    bool m_running = false;
    bool m_done = false;
};

} // namespace tokendesk::importp12
