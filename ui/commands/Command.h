#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

namespace tokendesk {

/// How a command ended.
struct CommandResult
{
    enum class Status
    {
        Succeeded,
        Failed,
        Cancelled,
    };
    Status status = Status::Failed;
    /// One sentence for the status bar and a message box; empty when there is nothing to tell
    /// (the user gave up before anything happened).
    QString message;

    bool succeeded() const { return status == Status::Succeeded; }
};

/// A user action (change PIN, test an identity, export, later pair or import) as an object:
/// start() it, cancel() it while it can still be given up, and hear finished() exactly once.
/// The window disables what would touch the same token while one runs (Kleopatra
/// src/commands/command.h). The work runs off the GUI thread (AsyncTask); a command never
/// waits in a nested event loop.
class Command : public QObject
{
    Q_OBJECT

public:
    explicit Command(QObject* parent = nullptr);
    ~Command() override;

    /// Starts the work; a second call does nothing.
    void start();
    /// Gives up, when the work can still be given up (canCancel()): finished() follows, with
    /// whatever the command says then (Cancelled unless the work told otherwise).
    void cancel();
    /// Whether cancel() would stop it now (e.g. while waiting for the token, or at a dialog).
    virtual bool canCancel() const { return false; }

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }

    /// The token the command works on (TokenInfo::key()); empty when it touches none.
    virtual QString tokenKey() const { return {}; }
    /// What it is, for "… is still running": "Change PIN", "Test identity".
    virtual QString title() const = 0;

Q_SIGNALS:
    /// Emitted once, after start(), when the work ended, failed or was cancelled.
    void finished(const tokendesk::CommandResult& result);

protected:
    /// The work; called once by start().
    virtual void run() = 0;
    /// Stops what can be stopped (called by cancel() when canCancel()); may finish itself.
    virtual void abort() {}
    /// Ends the command: the first call emits finished(), later ones are ignored.
    void finish(const CommandResult& result);
    void finish(bool succeeded, const QString& message);

private:
    bool m_started = false;
    bool m_finished = false;
};

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::CommandResult)
