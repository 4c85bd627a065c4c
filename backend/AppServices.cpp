#include "AppServices.h"

#include "backend/pcsc/ReaderMonitor.h"
#include "backend/pkcs11/TokenWatcher.h"

namespace tokendesk {

AppServices::AppServices(QObject* parent) : QObject(parent), m_readerMonitor(new ReaderMonitor(this))
{
    // Cards come and go with the readers' events: the tokens are read again then, on the watcher's thread.
    connect(m_readerMonitor, &ReaderMonitor::readersChanged, this, [this] {
        if (m_tokenWatcher) {
            m_tokenWatcher->rescan();
        }
    });
}

AppServices::~AppServices()
{
    stop();
}

std::shared_ptr<const ModuleRegistry> AppServices::registry() const
{
    return m_tokenWatcher ? m_tokenWatcher->registry() : nullptr;
}

PairingSources::Choice AppServices::pairingChoice() const
{
    PairingSources::Choice choice = m_pairingChoice ? *m_pairingChoice : PairingSources::fromSettings();
    if (!choice.directory) {
        choice.directory = m_directory;
    }
    return choice;
}

void AppServices::setDirectoryAccess(DirectoryAccessPtr access)
{
    m_directory = std::move(access);
    Q_EMIT directoryAccessChanged();
}

void AppServices::startTokens(const ModuleRegistry::Options& options)
{
    if (m_tokenWatcher) {
        return;
    }
    m_tokenWatcher = new TokenWatcher(options, this);
    Q_EMIT tokenWatcherCreated(m_tokenWatcher);
    m_tokenWatcher->start();
}

void AppServices::startReaders()
{
    m_readerMonitor->start();
}

void AppServices::stop()
{
    m_readerMonitor->stop();
    if (m_tokenWatcher) {
        m_tokenWatcher->stop();
    }
}

} // namespace tokendesk
