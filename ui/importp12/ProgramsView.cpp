#include "ProgramsView.h"

#include "models/StatusPalette.h"
#include "models/VirtualTokenText.h"
#include "ui/commands/AsyncTask.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tokendesk::importp12 {

namespace {

struct Checked
{
    QList<ProgramView> views;
    std::optional<BrowserError> error;
};

Checked checkNow()
{
    auto views = BrowserIntegration().check();
    return views ? Checked{views.value(), std::nullopt} : Checked{{}, views.error()};
}

} // namespace

ProgramsView::ProgramsView(QWidget* parent) : QWidget(parent)
{
    m_grid = new QGridLayout;
    m_grid->setColumnStretch(1, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("programsStatus"));
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_grid);
    layout->addWidget(m_status);
}

QString ProgramsView::placeName(const ProgramView& view)
{
    return VirtualTokenText::programPlace(view);
}

void ProgramsView::refresh()
{
    setBusy(true, tr("Checking which programs see the token…"));
    AsyncTask::runThenCallback(this, checkNow, [this](const Checked& checked) {
        setBusy(false, checked.error ? VirtualTokenText::error(*checked.error) : QString());
        show(checked.views);
        Q_EMIT this->checked();
    });
}

void ProgramsView::setBusy(bool busy, const QString& text)
{
    m_busy = busy;
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    for (QPushButton* button : std::as_const(m_buttons)) {
        button->setEnabled(!busy);
    }
}

void ProgramsView::show(const QList<ProgramView>& views)
{
    m_views = views;
    m_buttons.clear();
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int row = 0;
    for (const ProgramView& view : views) {
        auto* place = new QLabel(placeName(view), this);
        place->setWordWrap(true);
        place->setTextFormat(Qt::PlainText);
        QString state = view.sees ? tr("sees it") : view.exists ? tr("does not see it") : tr("no database yet");
        if (view.inUse) {
            state += QLatin1Char(' ') + tr("(Firefox is running: restart it after a change)");
        }
        auto* seen = new QLabel(state, this);
        seen->setObjectName(QStringLiteral("programSees%1").arg(row));
        seen->setStyleSheet(StatusPalette::styleSheet(view.sees ? StatusPalette::good() : StatusPalette::neutral()));
        m_grid->addWidget(place, row, 0, 1, 2);
        m_grid->addWidget(seen, row + 1, 1);
        if (view.kind != ProgramView::Kind::P11Kit && view.writable) {
            auto* button = new QPushButton(view.sees ? tr("Unregister") : tr("Register for browsers"), this);
            button->setObjectName(QStringLiteral("programChange%1").arg(row));
            connect(button, &QPushButton::clicked, this, [this, view] { change(view); });
            m_grid->addWidget(button, row + 1, 2);
            m_buttons << button;
        }
        row += 2;
    }
}

void ProgramsView::change(const ProgramView& view)
{
    setBusy(true, view.sees ? tr("Unregistering p11-kit-proxy…") : tr("Registering p11-kit-proxy…"));
    const QString dir = view.path;
    const bool remove = view.sees;
    AsyncTask::runThenCallback(
        this,
        [dir, remove] {
            const BrowserIntegration browsers;
            const auto done = remove ? browsers.unregisterProxy(dir) : browsers.registerProxy(dir);
            Checked after = checkNow();
            if (!done) {
                after.error = done.error();
            }
            return after;
        },
        [this](const Checked& checked) {
            setBusy(false, checked.error ? VirtualTokenText::error(*checked.error) : QString());
            show(checked.views);
            Q_EMIT this->checked();
        });
}

} // namespace tokendesk::importp12
