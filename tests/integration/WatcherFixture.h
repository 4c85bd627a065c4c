#pragma once

// What tst_tokenwatcher and tst_tokenwatcher_pull share: a registry of one module, a fresh scan to
// compare a watcher's snapshots with, a counter of every signal, and a watcher over OpenSC whose
// rescan() follows a real ReaderMonitor, as MainWindow wires it.

#include "PeerProcess.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/TokenReader.h"
#include "backend/pkcs11/TokenWatcher.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <optional>

namespace watchertest {

using namespace tokendesk;

inline constexpr int kWaitMs = 20000;

inline ModuleRegistry::Options only(const QString& path)
{
    ModuleRegistry::Options options;
    options.registered = false;
    options.environment = false;
    options.nssDatabase.clear();
    options.paths = {path};
    return options;
}

inline QByteArray sha256(const QByteArray& der)
{
    return QCryptographicHash::hash(der, QCryptographicHash::Sha256);
}

inline QSet<QByteArray> certificateHashes(const TokenContents& token)
{
    QSet<QByteArray> hashes;
    for (const CertificateEntry& entry : token.certificates) {
        hashes.insert(entry.sha256());
    }
    return hashes;
}

inline std::optional<TokenContents> byLabel(const TokenContentsList& tokens, const QString& label)
{
    for (const TokenContents& token : tokens) {
        if (token.token.label == label) {
            return token;
        }
    }
    return std::nullopt;
}

/// What a fresh registry reads now: every initialized token of the module (the watcher
/// leaves out SoftHSM's free slot, as `report` does), read in full, by key.
inline QMap<QString, TokenContents> freshScan(const ModuleRegistry::Options& options)
{
    const ModuleRegistry registry(options);
    QMap<QString, TokenContents> tokens;
    const TokenScan scan = registry.scan();
    for (const TokenInfo& info : scan.tokens) {
        if (!info.tokenInitialized) {
            continue;
        }
        tokens.insert(info.key(), TokenReader::read(Pkcs11Token(registry.loaded().front(), info)));
    }
    return tokens;
}

inline QMap<QString, TokenContents> byKey(const TokenContentsList& tokens)
{
    QMap<QString, TokenContents> map;
    for (const TokenContents& token : tokens) {
        map.insert(token.key(), token);
    }
    return map;
}

/// Every signal of a watcher, counted, for "nothing happened" checks.
struct SignalCounter
{
    explicit SignalCounter(TokenWatcher* watcher)
        : added(watcher, &TokenWatcher::tokenAdded), changed(watcher, &TokenWatcher::tokenChanged),
          removed(watcher, &TokenWatcher::tokenRemoved), busy(watcher, &TokenWatcher::busyChanged)
    {}
    int total() const { return int(added.size() + changed.size() + removed.size() + busy.size()); }
    void clear()
    {
        added.clear();
        changed.clear();
        removed.clear();
        busy.clear();
    }

    QSignalSpy added;
    QSignalSpy changed;
    QSignalSpy removed;
    QSignalSpy busy;
};

/// A watcher over OpenSC whose rescan() follows a real reader monitor, as MainWindow wires it.
struct PivWatch
{
    PivWatch() : watcher(only(PeerProcess::pkcs11Module()))
    {
        QObject::connect(&monitor, &ReaderMonitor::readersChanged, &watcher, &TokenWatcher::rescan);
    }
    ~PivWatch()
    {
        monitor.stop();
        watcher.stop();
    }
    void start()
    {
        watcher.start();
        monitor.start();
    }
    bool idle() const { return !watcher.busy(); }

    TokenWatcher watcher;
    ReaderMonitor monitor;
};

} // namespace watchertest
