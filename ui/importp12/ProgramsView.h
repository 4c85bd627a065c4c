#pragma once

#include "backend/vtoken/BrowserIntegration.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;

namespace tokendesk::importp12 {

/// Which programs will see the virtual tokens, checked on a worker (BrowserIntegration::check),
/// one row per place: p11-kit, ~/.pki/nssdb, each Firefox profile. An NSS database that does not
/// see the token gets "Register for browsers", one that does "Unregister"; each runs on a worker
/// and the rows are checked again.
class ProgramsView : public QWidget
{
    Q_OBJECT
public:
    explicit ProgramsView(QWidget* parent = nullptr);

    /// Checks again (on a worker); `checked` follows.
    void refresh();
    const QList<ProgramView>& views() const { return m_views; }
    bool busy() const { return m_busy; }
    /// The kind's name in the user's language ("Chromium and other NSS programs", ...).
    static QString placeName(const ProgramView& view);

Q_SIGNALS:
    void checked();

private:
    void show(const QList<ProgramView>& views);
    void change(const ProgramView& view);
    void setBusy(bool busy, const QString& text);

    QGridLayout* m_grid = nullptr;
    QLabel* m_status = nullptr;
    QList<ProgramView> m_views;
    QList<QPushButton*> m_buttons;
    bool m_busy = false;
};

} // namespace tokendesk::importp12
