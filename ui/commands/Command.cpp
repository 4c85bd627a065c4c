#include "Command.h"

namespace tokendesk {

Command::Command(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<tokendesk::CommandResult>("tokendesk::CommandResult");
}

Command::~Command() = default;

void Command::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    run();
}

void Command::cancel()
{
    if (!isRunning() || !canCancel()) {
        return;
    }
    abort();
    finish(CommandResult{CommandResult::Status::Cancelled, {}});
}

void Command::finish(const CommandResult& result)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    Q_EMIT finished(result);
}

void Command::finish(bool succeeded, const QString& message)
{
    finish(CommandResult{succeeded ? CommandResult::Status::Succeeded : CommandResult::Status::Failed, message});
}

} // namespace tokendesk
