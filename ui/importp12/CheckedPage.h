#pragma once

#include <QWizardPage>

namespace tokendesk::importp12 {

/// A wizard page whose Next runs a check on a worker (read a file, decrypt it) without a nested
/// event loop: validatePage() starts the check and refuses; the check's callback calls pass(),
/// which lets the wizard go on, or stays with an error. While it runs, Next is disabled.
class CheckedPage : public QWizardPage
{
    Q_OBJECT
public:
    using QWizardPage::QWizardPage;

    bool validatePage() override;
    bool isComplete() const override;
    bool checking() const { return m_checking; }

Q_SIGNALS:
    /// A check ended (passed or not): for tests.
    void checked(bool passed);

protected:
    /// Start the worker; call pass() or fail() from its callback. Return false when nothing was
    /// started (an error the page can tell at once).
    virtual bool startCheck() = 0;
    /// Whether the page's fields allow Next (the check aside).
    virtual bool fieldsComplete() const { return true; }
    void pass();
    void fail();

private:
    void setChecking(bool checking);

    bool m_checking = false;
    bool m_passed = false;
};

} // namespace tokendesk::importp12
