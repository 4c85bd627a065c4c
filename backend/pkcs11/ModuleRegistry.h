#pragma once

#include "ModuleInfo.h"
#include "ObjectInfo.h"
#include "Pkcs11Error.h"
#include "Pkcs11Module.h"
#include "Pkcs11Token.h"
#include "Pkcs11Uri.h"
#include "TokenInfo.h"
#include "backend/common/Result.h"

#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace tokendesk {

/// Every token and empty slot of every module, at one moment.
struct TokenScan
{
    TokenList tokens;
    QList<SlotInfo> emptySlots;
    /// Modules whose slot list failed; `detail` is the module's path.
    QList<Pkcs11Error> errors;
};

/// The PKCS#11 modules TokenDesk uses: those p11-kit registers (what
/// `p11-kit list-modules` shows, what GnuTLS and NSS's p11-kit-proxy load),
/// then explicit module files (--module, TOKENDESK_MODULES). The same library
/// named twice is loaded once. A module that does not load or initialize
/// becomes an entry with an error and does not hide the others.
///
/// Loading is blocking (a module's C_Initialize may talk to pcscd): make the
/// registry on a worker. Afterwards every const member may be called from any
/// thread; tokens and modules stay valid as long as a Pkcs11Token or
/// shared_ptr<Pkcs11Module> holds them, the registry's own references go with
/// it, and the last reference finalizes the module (C_Finalize).
class ModuleRegistry
{
public:
    struct Options
    {
        bool registered = true;  ///< load the modules p11-kit registers
        QStringList paths;       ///< module files, in order (--module)
        bool environment = true; ///< also the colon-separated paths of TOKENDESK_MODULES
        /// An NSS database folder (cert9.db, key4.db) read through NSS's softokn,
        /// read-only: the user's Chromium database by default. Empty: none.
        QString nssDatabase = defaultNssDatabase();
        /// Module isolation (docs/ISOLATION.md): which modules run in a child process of their
        /// own (ModuleHost::isolates); a child that dies or stops answering makes its module's
        /// scan an error of kind ModuleCrashed or ModuleHung, and restartFailed() starts it again.
        ModuleHost::Policy isolation = ModuleHost::policy();
        /// Each module's slots are listed as soon as it is initialized, on the thread that
        /// initialized it (its own when there are several modules), while the others still
        /// initialize (loadScan()): a command that reads every token once (report) does not wait
        /// for OpenSC's card detection after SoftHSM's start.
        bool scanWhenLoaded = false;

        /// True when a registry made with these options loads no module at all (what the
        /// constructor reads, in its order).
        bool loadsNone() const
        {
            return !registered && paths.isEmpty() && (!environment || environmentPaths().isEmpty()) &&
                   nssDatabase.isEmpty();
        }
    };

    ModuleRegistry() : ModuleRegistry(Options()) {}
    explicit ModuleRegistry(const Options& options);
    ~ModuleRegistry();
    ModuleRegistry(const ModuleRegistry&) = delete;
    ModuleRegistry& operator=(const ModuleRegistry&) = delete;

    /// Every module, failed ones included: registered ones first, then explicit ones.
    const ModuleList& modules() const { return m_infos; }
    /// The modules that loaded and initialized.
    const std::vector<std::shared_ptr<const Pkcs11Module>>& loaded() const { return m_modules; }
    /// The loaded module with this library path (resolved like ModuleInfo::path); null when none.
    std::shared_ptr<const Pkcs11Module> module(const QString& path) const;

    /// Every token and every empty slot now, all modules. C_GetTokenInfo talks
    /// to smart cards (OpenSC reads a PIV card's PIN state): call it when the
    /// reader monitor reports a change, not in a loop.
    TokenScan scan() const;
    /// The scan each module made when it was loaded (Options::scanWhenLoaded), in the order of
    /// scan(); a module that made none is scanned now. For one look right after loading: later,
    /// scan() (the tokens may have changed since).
    TokenScan loadScan() const;
    /// The present tokens the URI matches (its module, slot and token parts).
    /// None: the error of a module named in Options::paths (or TOKENDESK_MODULES) that the URI
    /// could mean and that did not load; else TokenNotPresent, with the URI's token label and serial.
    [[nodiscard]] Result<QList<Pkcs11Token>, Pkcs11Error> findTokens(const Pkcs11Uri& uri) const;
    /// The token with this snapshot's key (module path and serial), wherever it is now.
    [[nodiscard]] Result<Pkcs11Token, Pkcs11Error> findToken(const TokenInfo& token) const;
    /// The objects the URI names, on the tokens it matches. TokenNotPresent
    /// when its token is absent, ObjectNotFound when the token has no such object.
    [[nodiscard]] Result<ObjectList, Pkcs11Error> findObjects(const Pkcs11Uri& uri) const;

    /// Restarts every isolated module whose child crashed or stopped answering (Pkcs11Module::
    /// restart; `now`: without waiting for the back-off). The paths of those that run again.
    QStringList restartFailed(bool now = false) const;

    /// TOKENDESK_MODULES, split at colons.
    static QStringList environmentPaths();
    /// $HOME/.pki/nssdb when it holds cert9.db (an SQL database), else empty.
    static QString defaultNssDatabase();
    /// NSS's softokn (libsoftokn3.so) in the usual library folders; empty when not installed.
    static QString softoknPath();
    /// "NSS database (~/.pki/nssdb)": the name of the module that reads `dir`.
    static QString nssDatabaseName(const QString& dir);
    /// Trust stores and keyrings (p11-kit-trust, gnome-keyring): hidden from the token tree by default.
    static bool isSystemModule(const QString& name, const QString& path, bool trustPolicy);
    /// The path a module is known by: symlinks resolved when the file exists.
    static QString canonicalPath(const QString& path);

private:
    void loadRegistered();
    void loadExplicit(const QString& path);
    void loadNssDatabase(const QString& dir);
    /// p11_kit_module_load without p11-kit's own messages; on failure `info` gets the
    /// error and is listed (a module that does not load still shows), and null is returned.
    /// `statusFile` not null: isolated, through ModuleHost, from info.path (then info.isolated is
    /// set and *statusFile names the host's status file).
    _CK_FUNCTION_LIST* loadQuietly(const QString& file, ModuleInfo& info, QString* statusFile = nullptr);
    /// Whether the module `info` describes runs in a child process (Options::isolate).
    bool isolates(const ModuleInfo& info) const;
    /// Lists the module (its place in modules() kept) for initializePending().
    void add(_CK_FUNCTION_LIST* functions, ModuleInfo info, Pkcs11Module::InitOptions init = {});
    /// C_Initialize of every module added, all at once: each may take tens of
    /// milliseconds (the trust module reads the CA store, SoftHSM every object file).
    void initializePending();
    /// One module's slot list `slots` (`module` failed it: an error) added to `into`.
    static void addScan(TokenScan& into, const Pkcs11Module& module, Result<SlotScan, Pkcs11Error> slots);

    struct Pending
    {
        _CK_FUNCTION_LIST* functions = nullptr;
        qsizetype place = 0; ///< in m_infos
        Pkcs11Module::InitOptions init;
    };
    std::vector<Pending> m_pending;
    ModuleHost::Policy m_isolation = ModuleHost::Policy::Off;
    bool m_scanWhenLoaded = false;
    ModuleList m_infos;
    QStringList m_explicitPaths; ///< of the modules named by Options::paths and TOKENDESK_MODULES
    std::vector<std::shared_ptr<const Pkcs11Module>> m_modules;
    /// Options::scanWhenLoaded: each module's scan, by its place in m_modules.
    std::vector<std::optional<Result<SlotScan, Pkcs11Error>>> m_loadScans;
};

} // namespace tokendesk
