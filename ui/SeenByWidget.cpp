#include "SeenByWidget.h"

#include "StatusStyle.h"
#include "commands/BrowserProxyCommand.h"
#include "commands/VirtualTokenJobs.h"
#include "models/PrintableText.h"
#include "models/VirtualTokenText.h"

#include <QApplication>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace tokendesk {

namespace {

constexpr int kIconSize = 16;

QIcon stateIcon(bool sees)
{
    // The theme's, else the style's: an icon is always there, and the words beside it say the same.
    const QIcon themed =
        QIcon::fromTheme(sees ? QStringLiteral("emblem-ok-symbolic") : QStringLiteral("dialog-warning-symbolic"));
    if (!themed.isNull()) {
        return themed;
    }
    return QApplication::style()->standardIcon(sees ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning);
}

/// Register / Unregister applies: an NSS database TokenDesk may write, that exists or is the
/// user's own (made on Register, as Chromium would).
bool changeable(const ProgramView& view)
{
    return view.kind != ProgramView::Kind::P11Kit && view.writable &&
           (view.exists || view.kind == ProgramView::Kind::NssDatabase);
}

} // namespace

SeenByWidget::SeenByWidget(QWidget* parent) : QGroupBox(tr("Seen by"), parent)
{
    setObjectName(QStringLiteral("seenBy"));
    auto* layout = new QVBoxLayout(this);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("seenByState"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    m_rows = new QGridLayout;
    m_rows->setColumnStretch(2, 1);
    layout->addLayout(m_rows);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("seenByMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    hide();
}

void SeenByWidget::showFor(const TokenInfo& token)
{
    m_virtual = VirtualTokenJobs::isVirtual(token);
    setVisible(m_virtual);
    if (!m_virtual) {
        m_key.clear();
        return;
    }
    if (token.key() != m_key) {
        m_key = token.key();
        m_message->hide();
        refresh();
    }
}

void SeenByWidget::showEvent(QShowEvent* event)
{
    QGroupBox::showEvent(event);
    // The page came back (another row was shown meanwhile): browsers may have changed.
    if (m_virtual && !m_running) {
        refresh();
    }
}

void SeenByWidget::refresh()
{
    m_state->setText(tr("Checking which programs see the virtual tokens…"));
    m_check.run(
        this, [] { return VirtualTokenJobs::checkBrowsers(); },
        [this](const Result<QList<ProgramView>, BrowserError>& views) {
            if (!views) {
                setViews({});
                m_state->setText(VirtualTokenText::error(views.error()));
            } else {
                setViews(views.value());
                m_state->setText(tr("Programs that find this token, checked just now:"));
            }
            Q_EMIT refreshed();
        });
}

void SeenByWidget::clearRows()
{
    for (QWidget* widget : std::as_const(m_rowWidgets)) {
        widget->deleteLater();
        m_rows->removeWidget(widget);
        widget->hide();
    }
    m_rowWidgets.clear();
}

void SeenByWidget::setViews(const QList<ProgramView>& views)
{
    clearRows();
    m_views = views;
    int row = 0;
    for (const ProgramView& view : views) {
        auto* icon = new QLabel(this);
        icon->setPixmap(stateIcon(view.sees).pixmap(kIconSize, kIconSize));
        auto* name = new QLabel(VirtualTokenText::programName(view), this);
        name->setObjectName(QStringLiteral("seenByName"));
        name->setToolTip(PrintableText::escape(view.path));
        auto* state = new QLabel(VirtualTokenText::programState(view), this);
        state->setObjectName(QStringLiteral("seenByState%1").arg(row));
        state->setWordWrap(true);
        // Wrapped only when long (Firefox in use): the usual state reads on one line.
        state->setMinimumWidth(state->fontMetrics().horizontalAdvance(tr("sees the virtual tokens")) + 8);
        name->setBuddy(state);
        m_rows->addWidget(icon, row, 0, Qt::AlignTop);
        m_rows->addWidget(name, row, 1, Qt::AlignTop);
        m_rows->addWidget(state, row, 2, Qt::AlignTop);
        m_rowWidgets << icon << name << state;
        if (changeable(view)) {
            const bool registered = !view.sees;
            auto* button = new QPushButton(registered ? tr("Register") : tr("Unregister"), this);
            button->setObjectName(registered ? QStringLiteral("registerProxy") : QStringLiteral("unregisterProxy"));
            button->setProperty("nssDir", view.path);
            button->setAccessibleName(registered ? tr("Register for %1").arg(VirtualTokenText::programName(view))
                                                 : tr("Unregister for %1").arg(VirtualTokenText::programName(view)));
            button->setToolTip(registered ? tr("Register p11-kit-proxy in %1, so that it sees the virtual tokens")
                                                .arg(PrintableText::escape(view.path))
                                          : tr("Remove p11-kit-proxy from %1").arg(PrintableText::escape(view.path)));
            button->setEnabled(!m_running);
            connect(button, &QPushButton::clicked, this, [this, view, registered] { setProxy(view, registered); });
            m_rows->addWidget(button, row, 3, Qt::AlignTop);
            m_rowWidgets << button;
        }
        ++row;
    }
    for (QWidget* widget : std::as_const(m_rowWidgets)) {
        widget->show(); // made while the page shows: a layout would only show them later
    }
}

QPushButton* SeenByWidget::buttonFor(const QString& nssDir) const
{
    for (QWidget* widget : m_rowWidgets) {
        auto* button = qobject_cast<QPushButton*>(widget);
        if (button && button->property("nssDir").toString() == nssDir) {
            return button;
        }
    }
    return nullptr;
}

void SeenByWidget::setProxy(const ProgramView& view, bool registered)
{
    if (m_running) {
        return;
    }
    auto* command = new BrowserProxyCommand(view.path, VirtualTokenText::programName(view), registered, this);
    m_running = command;
    for (QWidget* widget : std::as_const(m_rowWidgets)) {
        if (qobject_cast<QPushButton*>(widget)) {
            widget->setEnabled(false);
        }
    }
    m_message->setText(registered ? tr("Registering p11-kit-proxy…") : tr("Unregistering p11-kit-proxy…"));
    StatusStyle::apply(m_message, std::nullopt);
    m_message->show();
    connect(command, &Command::finished, this, [this, command](const CommandResult& result) {
        command->deleteLater();
        m_running = nullptr;
        m_message->setText(result.message);
        StatusStyle::apply(m_message, result.succeeded()
                                          ? std::nullopt
                                          : std::optional<StatusPalette::Status>(StatusPalette::Status::Bad));
        m_message->setVisible(!result.message.isEmpty());
        Q_EMIT proxyChanged(result.succeeded(), result.message);
        refresh();
    });
    command->start();
}

} // namespace tokendesk
