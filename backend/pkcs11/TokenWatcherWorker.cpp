#include "TokenWatcherWorker.h"

#include "Pkcs11Token.h"
#include "TokenReader.h"
#include "backend/common/Logging.h"

#include <QThread>
#include <algorithm>

namespace tokendesk {

TokenWatcherWorker::TokenWatcherWorker(ModuleRegistry::Options options) : m_options(std::move(options)) {}

TokenWatcherWorker::~TokenWatcherWorker() = default;

void TokenWatcherWorker::requestRescan()
{
    // Only the first call after a scan began queues one: the queued scan reads
    // everything that changed until it runs.
    if (!m_rescanQueued.exchange(true)) {
        QMetaObject::invokeMethod(this, &TokenWatcherWorker::runRescan, Qt::QueuedConnection);
    }
}

void TokenWatcherWorker::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

void TokenWatcherWorker::start()
{
    if (m_registry || stopping()) {
        return;
    }
    ++m_scans;
    setBusy(true);
    auto registry = std::make_shared<const ModuleRegistry>(m_options);
    m_registry = registry;
    for (const auto& module : registry->loaded()) {
        // A module whose process failed in C_Initialize is listed with that error already.
        m_modules.push_back(ModuleState{module, true, false, {}, {}, module->hostFailure()});
    }
    Q_EMIT modulesLoaded(registry->modules(), registry);
    for (ModuleState& state : m_modules) {
        if (stopping()) {
            break;
        }
        if (state.failure) {
            continue;
        }
        // What happened before this scan is in it: drop the events queued so far
        // (OpenSC reports the cards it found at C_Initialize).
        auto events = state.module->pendingSlotEvents();
        state.slotEvents = events && events.value().supported;
        scanWholeModule(state);
    }
    setBusy(false);
}

void TokenWatcherWorker::runRescan()
{
    m_rescanQueued = false;
    if (!m_registry || stopping()) {
        return;
    }
    ++m_scans;
    setBusy(true);
    for (ModuleState& state : m_modules) {
        if (stopping()) {
            break;
        }
        // A reader event is when a module whose process failed is started again.
        if (state.failure) {
            recover(state, false);
            continue;
        }
        if (state.slotEvents) {
            scanChangedSlots(state, {});
        }
        // Without slot events, a module with readers is asked again whole; one
        // without readers (SoftHSM, the NSS database) does not change with cards.
        if (!state.slotEvents && state.readers) {
            scanWholeModule(state);
        }
    }
    setBusy(false);
}

void TokenWatcherWorker::reloadToken(const QString& key)
{
    if (!m_registry || stopping()) {
        return;
    }
    ModuleState* state = stateFor(key.section(QLatin1Char('\n'), 0, 0));
    if (!state) {
        return;
    }
    ++m_scans;
    setBusy(true);
    const auto known = m_tokens.constFind(key);
    if (state->slotEvents && known != m_tokens.constEnd()) {
        scanChangedSlots(*state, {known->token.slot.slotId});
    }
    if (!state->slotEvents || known == m_tokens.constEnd()) {
        // Also finds tokens made since (a new SoftHSM token).
        scanWholeModule(*state, key);
    }
    setBusy(false);
}

void TokenWatcherWorker::refreshAll()
{
    if (!m_registry || stopping()) {
        return;
    }
    ++m_scans;
    setBusy(true);
    for (ModuleState& state : m_modules) {
        if (stopping()) {
            break;
        }
        if (state.failure) {
            recover(state, true);
            continue;
        }
        scanWholeModule(state, {}, true);
    }
    setBusy(false);
}

void TokenWatcherWorker::retryModule(const QString& path)
{
    ModuleState* state = m_registry && !stopping() ? stateFor(path) : nullptr;
    if (!state || !state->failure) {
        return;
    }
    ++m_scans;
    setBusy(true);
    recover(*state, true);
    setBusy(false);
}

bool TokenWatcherWorker::noteFailure(ModuleState& state)
{
    const auto failure = state.module->hostFailure();
    if (!failure) {
        return false;
    }
    if (state.failure != failure) {
        state.failure = failure;
        state.slots.clear();
        state.present.clear();
        const QString path = state.module->info().path;
        const auto known = m_tokens.keys();
        for (const QString& key : known) {
            if (m_tokens.value(key).token.modulePath == path) {
                remove(key);
            }
        }
        ModuleInfo info = state.module->info();
        info.error = failure;
        qCWarning(lcPkcs11) << path << Pkcs11Error::kindName(failure->kind) << "in" << failure->function;
        Q_EMIT moduleChanged(info);
    }
    return true;
}

void TokenWatcherWorker::recover(ModuleState& state, bool now)
{
    const auto restarted = state.module->restart(now);
    if (!restarted) {
        noteFailure(state); // the same failure, or a new one (it crashed again while starting)
        return;
    }
    state.failure.reset();
    Q_EMIT moduleChanged(state.module->info());
    auto events = state.module->pendingSlotEvents();
    state.slotEvents = events && events.value().supported;
    scanWholeModule(state);
}

void TokenWatcherWorker::updateToken(const TokenContents& contents)
{
    const auto it = m_tokens.find(contents.key());
    if (it == m_tokens.end() || stopping()) {
        return; // gone meanwhile: its removal was told
    }
    if (*it != contents) {
        *it = contents;
        Q_EMIT tokenChanged(contents);
    }
}

void TokenWatcherWorker::shutdown()
{
    m_tokens.clear();
    m_modules.clear();
    m_registry.reset();
    QThread::currentThread()->quit();
}

TokenWatcherWorker::ModuleState* TokenWatcherWorker::stateFor(const QString& modulePath)
{
    for (ModuleState& state : m_modules) {
        if (state.module->info().path == modulePath) {
            return &state;
        }
    }
    return nullptr;
}

void TokenWatcherWorker::scanWholeModule(ModuleState& state, const QString& forceKey, bool forceAll)
{
    const QString path = state.module->info().path;
    auto scan = state.module->scan();
    if (!scan) {
        if (!noteFailure(state)) {
            qCWarning(lcPkcs11) << path << "slot list failed:" << scan.error().codeName();
        }
        return;
    }
    QSet<quint64> slots;
    QSet<QString> present;
    state.present.clear();
    for (const TokenInfo& token : std::as_const(scan.value().tokens)) {
        slots.insert(token.slot.slotId);
        state.present.insert(token.slot.slotId);
        state.readers = state.readers || token.slot.removable;
        present.insert(token.key());
    }
    for (const SlotInfo& slot : std::as_const(scan.value().emptySlots)) {
        slots.insert(slot.slotId);
        state.readers = state.readers || slot.removable;
        if (slot.tokenPresent) {
            state.present.insert(slot.slotId); // a card no driver reads: present all the same
        }
    }
    state.slots = slots;
    // Removals first: a token that moved to another slot keeps its key.
    const auto known = m_tokens.keys();
    for (const QString& key : known) {
        if (m_tokens.value(key).token.modulePath == path && !present.contains(key)) {
            remove(key);
        }
    }
    for (const TokenInfo& token : std::as_const(scan.value().tokens)) {
        if (stopping()) {
            return;
        }
        found(state, token, forceAll || token.key() == forceKey);
        if (state.failure) {
            return;
        }
    }
}

void TokenWatcherWorker::scanChangedSlots(ModuleState& state, const QList<quint64>& changed)
{
    const QString path = state.module->info().path;
    // The slot list first: smart-card modules notice readers and cards on it
    // (OpenSC asks pcscd, and flags the slots that changed for the events).
    auto all = state.module->slotIds(false);
    if (!all) {
        if (!noteFailure(state)) {
            qCWarning(lcPkcs11) << path << "slot list failed:" << all.error().codeName();
        }
        return;
    }
    auto events = state.module->pendingSlotEvents();
    if (!events || !events.value().supported) {
        qCDebug(lcPkcs11) << path << "has no slot events: scanned whole from now on";
        state.slotEvents = false;
        return;
    }
    const QSet<quint64> now(all.value().cbegin(), all.value().cend());
    QSet<quint64> check(changed.cbegin(), changed.cend());
    for (const quint64 slot : std::as_const(events.value().slots)) {
        check.insert(slot);
    }
    check += now - state.slots; // new readers
    check += state.slots - now; // readers gone
    state.slots = now;
    // A card the module has not flagged yet (its event raced with pcscd's): the slot's
    // presence, which C_GetSlotInfo tells without talking to the card, decides too.
    QSet<quint64> present;
    for (const quint64 slotId : now) {
        auto slot = state.module->slotInfo(slotId);
        if (slot && slot.value().tokenPresent) {
            present.insert(slotId);
        }
    }
    check += present - state.present;
    check += state.present - present;
    state.present = present;
    QList<quint64> ordered(check.cbegin(), check.cend());
    std::sort(ordered.begin(), ordered.end());
    qCDebug(lcPkcs11) << path << "slots changed:" << ordered;

    for (const quint64 slotId : std::as_const(ordered)) {
        if (stopping()) {
            return;
        }
        if (!now.contains(slotId)) {
            removeInSlot(path, slotId);
            continue;
        }
        // C_GetSlotInfo does not talk to the card; C_GetTokenInfo does, once per changed slot.
        auto slot = state.module->slotInfo(slotId);
        if (!slot || !slot.value().tokenPresent) {
            removeInSlot(path, slotId);
            continue;
        }
        state.readers = state.readers || slot.value().removable;
        auto token = state.module->tokenInfo(slotId);
        if (!token && noteFailure(state)) {
            return;
        }
        if (!token) {
            // Pulled meanwhile, or a card no driver knows: no token here.
            qCDebug(lcPkcs11) << path << "slot" << slotId << token.error().codeName();
            removeInSlot(path, slotId);
            continue;
        }
        removeInSlot(path, slotId, token.value().key());
        found(state, token.value(), true);
        if (state.failure) {
            return;
        }
    }
}

void TokenWatcherWorker::found(ModuleState& state, const TokenInfo& info, bool force)
{
    const QString key = info.key();
    // An uninitialized token (SoftHSM's free slot) holds nothing to manage: not shown,
    // as `report` and p11tool do not list it either.
    if (!info.tokenInitialized) {
        if (m_tokens.contains(key)) {
            remove(key);
        }
        return;
    }
    const auto known = m_tokens.constFind(key);
    if (known != m_tokens.constEnd() && !force && known->token == info) {
        return;
    }
    TokenContents contents = TokenReader::read(Pkcs11Token(state.module, info));
    if (stopping()) {
        return;
    }
    if (contents.error && noteFailure(state)) {
        return; // its process is gone, and its tokens with it
    }
    if (contents.error) {
        // Never half a list: a failed read has no objects.
        contents.objects.clear();
        contents.certificates.clear();
        // Gone mid-read? Ask the slot only (C_GetTokenInfo may hang OpenSC on a pulled card).
        auto slot = state.module->slotInfo(info.slot.slotId);
        if (contents.error->kind == Pkcs11Error::Kind::TokenNotPresent || !slot || !slot.value().tokenPresent) {
            qCDebug(lcPkcs11) << "token" << info.label << "went while it was read";
            remove(key);
            return;
        }
        // Still there as far as the reader knows: shown with its error until the
        // reader event of its removal (or a reload) comes.
        qCDebug(lcPkcs11) << "token" << info.label << "read failed:" << contents.error->codeName();
    }
    if (known == m_tokens.constEnd()) {
        m_tokens.insert(key, contents);
        Q_EMIT tokenAdded(contents);
    } else if (*known != contents) {
        m_tokens.insert(key, contents);
        Q_EMIT tokenChanged(contents);
    }
}

void TokenWatcherWorker::removeInSlot(const QString& modulePath, quint64 slotId, const QString& keep)
{
    const auto known = m_tokens.keys();
    for (const QString& key : known) {
        const TokenContents contents = m_tokens.value(key);
        if (key != keep && contents.token.modulePath == modulePath && contents.token.slot.slotId == slotId) {
            remove(key);
        }
    }
}

void TokenWatcherWorker::remove(const QString& key)
{
    if (m_tokens.remove(key) > 0) {
        Q_EMIT tokenRemoved(key);
    }
}

} // namespace tokendesk
