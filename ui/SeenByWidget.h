#pragma once

#include "backend/pkcs11/TokenInfo.h"
#include "backend/vtoken/BrowserIntegration.h"
#include "commands/AsyncTask.h"
#include "commands/Command.h"

#include <QGroupBox>
#include <QList>
#include <QPointer>

class QGridLayout;
class QLabel;
class QPushButton;

namespace tokendesk {

/// The token page's "Seen by" for a virtual token: which programs find it (p11-kit's, the NSS
/// database ~/.pki/nssdb of Chromium, each Firefox profile), as BrowserIntegration::check()
/// finds them on a worker, each with its state in words and an icon, and Register / Unregister
/// of p11-kit-proxy for each NSS database TokenDesk may change. Checked again whenever it is
/// shown for a virtual token and after each change.
class SeenByWidget : public QGroupBox
{
    Q_OBJECT
public:
    explicit SeenByWidget(QWidget* parent = nullptr);

    /// Shown for virtual tokens only (VirtualTokenJobs::isVirtual); read again for another token.
    void showFor(const TokenInfo& token);
    /// Checks again (on a worker); refreshed() follows.
    void refresh();

    /// What the last check found.
    const QList<ProgramView>& views() const { return m_views; }
    /// The Register or Unregister button of this NSS database; null when it has none.
    QPushButton* buttonFor(const QString& nssDir) const;
    /// The running register/unregister, if any.
    Command* running() const { return m_running; }

Q_SIGNALS:
    /// A check ended and the rows show it.
    void refreshed();
    /// A register/unregister ended: the sentence is also shown under the rows.
    void proxyChanged(bool succeeded, const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void setViews(const QList<ProgramView>& views);
    void setProxy(const ProgramView& view, bool registered);
    void clearRows();

    QString m_key;
    bool m_virtual = false;
    QList<ProgramView> m_views;
    QGridLayout* m_rows = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_message = nullptr;
    QList<QWidget*> m_rowWidgets;
    QPointer<Command> m_running;
    AsyncTask::Latest m_check;
};

} // namespace tokendesk
