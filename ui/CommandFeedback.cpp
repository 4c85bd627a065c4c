#include "CommandFeedback.h"

#include "TokenActions.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

namespace tokendesk {

CommandFeedback::CommandFeedback(TokenActions* actions, QMainWindow* window) : QObject(window), m_window(window)
{
    connect(actions, &TokenActions::result, this, &CommandFeedback::showResult);
    connect(actions, &TokenActions::commandWaiting, this, &CommandFeedback::showWaiting);
    connect(actions, &TokenActions::refused, this, &CommandFeedback::showRefused);
}

void CommandFeedback::showResult(bool succeeded, const QString& message)
{
    m_window->statusBar()->showMessage(message, 15000);
    auto* box = new QMessageBox(succeeded ? QMessageBox::Information : QMessageBox::Warning, m_window->windowTitle(),
                                message, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("actionResult"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void CommandFeedback::showWaiting(TokenCommand* command, const QString& message)
{
    // Asked for by name; the command goes on when the token comes, or is cancelled here.
    auto* box =
        new QMessageBox(QMessageBox::Information, m_window->windowTitle(), message, QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("waitingForToken"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::rejected, command, &Command::cancel);
    connect(command, &TokenCommand::waitingEnded, box, [box] {
        if (box->isVisible()) {
            box->done(QMessageBox::Ok);
        }
    });
    m_window->statusBar()->showMessage(message);
    box->open();
}

void CommandFeedback::showRefused(const QString& message)
{
    m_window->statusBar()->showMessage(message, 15000);
}

} // namespace tokendesk
