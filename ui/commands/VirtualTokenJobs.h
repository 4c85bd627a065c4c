#pragma once

#include "backend/common/Result.h"
#include "backend/common/SecureBytes.h"
#include "backend/pkcs11/TokenInfo.h"
#include "backend/vtoken/BrowserIntegration.h"
#include "backend/vtoken/VirtualTokenError.h"
#include "backend/vtoken/VirtualTokens.h"

#include <QList>
#include <QThreadPool>
#include <memory>

namespace tokendesk {

class ModuleRegistry;

/// The virtual-token work of the window's commands and pages, for their workers: each call
/// blocks (PKCS#11, the Secret Service over D-Bus, softhsm2-util, NSS's modutil). Never call
/// them on the GUI thread.
///
/// They work through the token watcher's SoftHSM2 module when it has one, so that a token made
/// or removed here is the one the watcher reads at its next look at that module (the window asks
/// for that look: TokenWatcher::reloadToken). Without it (SoftHSM2 did not initialize when the
/// watcher started, e.g. before its configuration existed) a module of their own is loaded.
namespace VirtualTokenJobs {

/// The one thread every call here runs on (AsyncTask's `pool`), one call after another. The
/// Secret Service is reached through libsecret, which binds its D-Bus service object to the
/// GLib context of the thread that first used it: asked from another pool thread while that one
/// sleeps, an answer can wait there for good ("no answer from the Secret Service", seen in
/// tst_vtokenactions about one run in five). One thread that lives as long as the application
/// keeps every question and its answer together.
QThreadPool* pool();

/// SoftHSM2's library as ModuleRegistry names it (symlinks resolved); empty when not installed.
QString modulePath();
/// The token is a virtual token: one of SoftHSM2's, in the configuration TokenDesk manages.
bool isVirtual(const TokenInfo& token);

/// The virtual tokens through the watcher's SoftHSM2 module (`registry`'s), else a module of
/// their own (no registry, or SoftHSM2 not in it).
[[nodiscard]] Result<VirtualTokens, VirtualTokenError> open(const std::shared_ptr<const ModuleRegistry>& registry);
[[nodiscard]] Result<TokenInfo, VirtualTokenError> create(const std::shared_ptr<const ModuleRegistry>& registry,
                                                          const QString& label, const SecureBytes& pin);
[[nodiscard]] Status<VirtualTokenError> remove(const std::shared_ptr<const ModuleRegistry>& registry,
                                               const TokenInfo& token);
[[nodiscard]] Status<VirtualTokenError> resetPin(const std::shared_ptr<const ModuleRegistry>& registry,
                                                 const TokenInfo& token, const SecureBytes& pin);
/// Whether the token's SO PIN is in the Secret Service (TokenDesk made it).
[[nodiscard]] Result<bool, VirtualTokenError> soPinStored(const QString& serial);

/// What BrowserIntegration::check() says, for the token page's "Seen by".
[[nodiscard]] Result<QList<ProgramView>, BrowserError> checkBrowsers();
/// Registers (or unregisters) p11-kit-proxy in the NSS database `nssDir`.
[[nodiscard]] Status<BrowserError> setProxy(const QString& nssDir, bool registered);

} // namespace VirtualTokenJobs

} // namespace tokendesk
