#include "TokenWatcher.h"

#include "TokenWatcherWorker.h"
#include "backend/common/Logging.h"

#include <QThread>

namespace tokendesk {

namespace {

/// How long stop() waits for a PKCS#11 call in progress. OpenSC 0.23 can hang
/// for good on a card pulled mid-call: then the thread is left behind.
constexpr unsigned long kStopTimeoutMs = 10000;

void registerTypes()
{
    static const bool done = [] {
        qRegisterMetaType<TokenContents>();
        qRegisterMetaType<ModuleList>();
        qRegisterMetaType<std::shared_ptr<const ModuleRegistry>>();
        return true;
    }();
    Q_UNUSED(done)
}

} // namespace

TokenWatcher::TokenWatcher(const ModuleRegistry::Options& options, QObject* parent)
    : QObject(parent), m_options(options)
{
    registerTypes();
}

TokenWatcher::~TokenWatcher()
{
    stop();
}

void TokenWatcher::start()
{
    if (m_thread || m_stopped) {
        return;
    }
    // No parent: a thread stuck in a module call must survive this object (see stop()).
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("TokenWatcher"));
    m_worker = new TokenWatcherWorker(m_options);
    m_worker->moveToThread(m_thread);
    connect(m_worker, &TokenWatcherWorker::modulesLoaded, this, &TokenWatcher::onModulesLoaded, Qt::QueuedConnection);
    connect(m_worker, &TokenWatcherWorker::tokenAdded, this, &TokenWatcher::onTokenAdded, Qt::QueuedConnection);
    connect(m_worker, &TokenWatcherWorker::tokenChanged, this, &TokenWatcher::onTokenChanged, Qt::QueuedConnection);
    connect(m_worker, &TokenWatcherWorker::tokenRemoved, this, &TokenWatcher::onTokenRemoved, Qt::QueuedConnection);
    connect(m_worker, &TokenWatcherWorker::busyChanged, this, &TokenWatcher::onBusyChanged, Qt::QueuedConnection);
    connect(m_worker, &TokenWatcherWorker::moduleChanged, this, &TokenWatcher::onModuleChanged, Qt::QueuedConnection);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &TokenWatcherWorker::start, Qt::QueuedConnection);
}

void TokenWatcher::stop()
{
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    if (!m_thread) {
        return;
    }
    disconnect(m_worker, nullptr, this, nullptr);
    m_registry.reset();
    m_worker->requestStop();
    // The registry goes on the worker thread (C_Finalize may talk to pcscd), then the loop ends.
    QMetaObject::invokeMethod(m_worker, &TokenWatcherWorker::shutdown, Qt::QueuedConnection);
    m_scanCount = m_worker->scanCount();
    if (!m_thread->wait(kStopTimeoutMs)) {
        // A module call does not return (OpenSC's card mutex after a pull): nothing
        // can end it. Leave the thread and its worker behind rather than hang the
        // application; the disconnect above keeps them silent.
        qCWarning(lcPkcs11) << "a PKCS#11 call has not returned for" << kStopTimeoutMs
                            << "ms; leaving the token watcher's thread behind";
        m_thread = nullptr;
        m_worker = nullptr;
        return;
    }
    m_scanCount = m_worker->scanCount();
    delete m_worker;
    m_worker = nullptr;
    delete m_thread;
    m_thread = nullptr;
}

TokenContentsList TokenWatcher::tokens() const
{
    return m_tokens.values();
}

std::shared_ptr<const ModuleRegistry> TokenWatcher::registry() const
{
    return m_registry;
}

quint64 TokenWatcher::scanCount() const
{
    return m_worker ? m_worker->scanCount() : m_scanCount;
}

void TokenWatcher::rescan()
{
    if (m_worker && !m_stopped) {
        m_worker->requestRescan();
    }
}

void TokenWatcher::refresh()
{
    if (m_worker && !m_stopped) {
        TokenWatcherWorker* worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker] { worker->refreshAll(); }, Qt::QueuedConnection);
    }
}

void TokenWatcher::reloadToken(const QString& key)
{
    if (m_worker && !m_stopped) {
        TokenWatcherWorker* worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker, key] { worker->reloadToken(key); }, Qt::QueuedConnection);
    }
}

void TokenWatcher::retryModule(const QString& path)
{
    if (m_worker && !m_stopped) {
        TokenWatcherWorker* worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker, path] { worker->retryModule(path); }, Qt::QueuedConnection);
    }
}

void TokenWatcher::updateToken(const TokenContents& contents)
{
    if (m_worker && !m_stopped) {
        TokenWatcherWorker* worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker, contents] { worker->updateToken(contents); }, Qt::QueuedConnection);
    }
}

void TokenWatcher::onModulesLoaded(const ModuleList& modules, const std::shared_ptr<const ModuleRegistry>& registry)
{
    if (m_stopped) {
        return;
    }
    m_modules = modules;
    m_registry = registry;
    Q_EMIT modulesLoaded(modules);
}

void TokenWatcher::onModuleChanged(const ModuleInfo& module)
{
    if (m_stopped) {
        return;
    }
    for (ModuleInfo& known : m_modules) {
        if (known.path == module.path) {
            known = module;
        }
    }
    Q_EMIT moduleChanged(module);
}

void TokenWatcher::onBusyChanged(bool busy)
{
    if (m_stopped || busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void TokenWatcher::onTokenAdded(const TokenContents& token)
{
    if (m_stopped) {
        return;
    }
    m_tokens.insert(token.key(), token);
    Q_EMIT tokenAdded(token);
}

void TokenWatcher::onTokenChanged(const TokenContents& token)
{
    if (m_stopped) {
        return;
    }
    m_tokens.insert(token.key(), token);
    Q_EMIT tokenChanged(token);
}

void TokenWatcher::onTokenRemoved(const QString& key)
{
    if (m_stopped) {
        return;
    }
    m_tokens.remove(key);
    Q_EMIT tokenRemoved(key);
}

} // namespace tokendesk
