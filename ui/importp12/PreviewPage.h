#pragma once

#include <QWizardPage>

class QLabel;
class QVBoxLayout;

namespace tokendesk::importp12 {

struct ImportP12State;

/// What the file holds, before anything is written: each identity (subject, issuer, key type,
/// validity), the chain, how the file was protected, and the warnings. What cannot be imported
/// (no private key, a key without its certificate) is said in red and Next stays disabled.
class PreviewPage : public QWizardPage
{
    Q_OBJECT
public:
    PreviewPage(ImportP12State* state, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    /// The warnings and the blocker as shown (for tests).
    QStringList shownWarnings() const;
    QLabel* blockerLabel() const { return m_blocker; }

private:
    void addSection(const QString& title);
    void addRow(const QString& name, const QString& value, const QString& objectName, bool mono = false);
    void clear();

    ImportP12State* m_state;
    QWidget* m_body = nullptr;
    QVBoxLayout* m_rows = nullptr;
    QLabel* m_warnings = nullptr;
    QLabel* m_blocker = nullptr;
    QStringList m_shownWarnings;
};

} // namespace tokendesk::importp12
