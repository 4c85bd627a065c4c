#include "CheckedPage.h"

#include <QWizard>

namespace tokendesk::importp12 {

bool CheckedPage::validatePage()
{
    if (m_passed) {
        m_passed = false;
        return true;
    }
    if (!m_checking && startCheck()) {
        setChecking(true);
    }
    return false;
}

bool CheckedPage::isComplete() const
{
    return !m_checking && fieldsComplete();
}

void CheckedPage::pass()
{
    setChecking(false);
    m_passed = true;
    Q_EMIT checked(true);
    if (wizard() && wizard()->currentPage() == this) {
        wizard()->next();
    }
    m_passed = false;
}

void CheckedPage::fail()
{
    setChecking(false);
    Q_EMIT checked(false);
}

void CheckedPage::setChecking(bool checking)
{
    m_checking = checking;
    setEnabled(!checking);
    Q_EMIT completeChanged();
}

} // namespace tokendesk::importp12
