#include "BrowserProxyCommand.h"

#include "AsyncTask.h"
#include "VirtualTokenJobs.h"
#include "models/VirtualTokenText.h"

namespace tokendesk {

BrowserProxyCommand::BrowserProxyCommand(QString nssDir, QString program, bool registered, QObject* parent)
    : Command(parent), m_nssDir(std::move(nssDir)), m_program(std::move(program)), m_register(registered)
{}

QString BrowserProxyCommand::title() const
{
    return m_register ? tr("Register for browsers") : tr("Unregister from browsers");
}

void BrowserProxyCommand::run()
{
    AsyncTask::runThenCallback(
        this, [dir = m_nssDir, on = m_register] { return VirtualTokenJobs::setProxy(dir, on); },
        [this](const Status<BrowserError>& done) {
            if (!done) {
                finish(false, VirtualTokenText::error(done.error()));
            } else if (m_register) {
                finish(true, tr("%1 now sees the virtual tokens.").arg(m_program));
            } else {
                finish(true, tr("%1 no longer sees the virtual tokens.").arg(m_program));
            }
        });
}

} // namespace tokendesk
