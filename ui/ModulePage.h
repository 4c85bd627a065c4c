#pragma once

#include "DetailsPage.h"

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;

namespace tokendesk {

/// A PKCS#11 module's row: its name, file and description, whether it runs in a process of its
/// own (module isolation, docs/ISOLATION.md), and why it failed. An isolated module whose process
/// crashed or stopped answering has "Retry", which starts it again (TokenWatcher::retryModule).
class ModulePage : public QWidget, public DetailsPage
{
    Q_OBJECT

public:
    explicit ModulePage(QWidget* parent = nullptr);

    QWidget* widget() override { return this; }
    bool accepts(const QModelIndex& index) const override;
    void showIndex(const QModelIndex& index) override;

Q_SIGNALS:
    /// The user asked to start the module of this file again.
    void retryRequested(const QString& modulePath);

private:
    QLabel* m_title;
    QLabel* m_details;
    QLabel* m_error;
    QPushButton* m_retry;
    QString m_path;
};

} // namespace tokendesk
