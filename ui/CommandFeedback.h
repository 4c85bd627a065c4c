#pragma once

#include <QObject>
#include <QPointer>

class QMainWindow;

namespace tokendesk {

class TokenActions;
class TokenCommand;

/// What the window shows of the commands TokenActions runs: an outcome in the status bar and
/// a message box ("actionResult"); a token to insert in a box with Cancel ("waitingForToken"),
/// which cancels the command and closes by itself when the token comes; and a refused second
/// start in the status bar.
class CommandFeedback : public QObject
{
    Q_OBJECT

public:
    CommandFeedback(TokenActions* actions, QMainWindow* window);

    void showResult(bool succeeded, const QString& message);
    void showWaiting(tokendesk::TokenCommand* command, const QString& message);
    void showRefused(const QString& message);

private:
    QPointer<QMainWindow> m_window;
};

} // namespace tokendesk
