#pragma once

#include "BrowserError.h"
#include "backend/common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tokendesk {

/// One place a program finds PKCS#11 modules, and whether it finds the virtual tokens there
/// (SoftHSM2, whose tokens live in the user's ~/.config/softhsm2/softhsm2.conf).
struct ProgramView
{
    enum class Kind
    {
        P11Kit,         ///< p11-kit's registered modules: GnuTLS, OpenSSL's pkcs11 provider, p11tool
        NssDatabase,    ///< the user's NSS database ~/.pki/nssdb: Chromium and other NSS programs
        FirefoxProfile, ///< one profile that Firefox's profiles.ini lists
    };

    Kind kind = Kind::P11Kit;
    /// FirefoxProfile: the profile's Name= as written ("default-esr"); empty for the others
    /// (the UI names them by kind, in the user's language).
    QString name;
    /// P11Kit: SoftHSM2's module library; else the NSS database folder.
    QString path;
    bool sees = false;    ///< checked, not assumed: see BrowserIntegration::check()
    bool exists = true;   ///< false: no database there yet (registerProxy creates only ~/.pki/nssdb)
    bool writable = true; ///< false: a path with control characters or "..": listed, never written to
    bool inUse = false;   ///< FirefoxProfile: Firefox runs with it; a change shows after its restart
    /// The module found: p11-kit's name for SoftHSM2 ("softhsm2"), or the database's module
    /// that reaches it ("p11-kit-proxy", or whatever name a module with that library has).
    QString detail;

    bool operator==(const ProgramView& o) const
    {
        return kind == o.kind && name == o.name && path == o.path && sees == o.sees && exists == o.exists &&
               writable == o.writable && inUse == o.inUse && detail == o.detail;
    }
};

/// Which programs see the virtual tokens, and p11-kit-proxy registered in (or removed from)
/// NSS databases, the only way NSS programs (Chromium, Firefox) reach p11-kit's modules.
///
/// NSS databases are changed through NSS's own modutil, as a child process, not by linking
/// libnss3: TokenDesk already loads NSS's softokn in-process through p11-kit to read
/// ~/.pki/nssdb (ModuleRegistry::loadNssDatabase), and NSS_Initialize would dlopen the same
/// libsoftokn3.so and initialize it a second time with another database, which softokn does
/// not allow in one process (CKR_CRYPTOKI_ALREADY_INITIALIZED, or a shutdown that pulls it
/// from under the registry). Reading needs no NSS at all: an sql: database keeps its module
/// list in pkcs11.txt (BrowserFiles::nssModules).
///
/// Every call is blocking (files, child processes of at most kToolTimeoutMs each): call it on
/// a worker.
class BrowserIntegration
{
public:
    static constexpr int kToolTimeoutMs = 10000;

    /// Where to look: `homeDir` (tests pass a temporary home), else QDir::homePath().
    /// `proxyModule`: the p11-kit-proxy.so to register.
    explicit BrowserIntegration(QString homeDir = {}, QString proxyModule = defaultProxyModule());

    /// p11-kit-proxy.so where p11-kit's build put it (pkg-config p11-kit-1 proxy_module).
    static QString defaultProxyModule();
    QString homeDir() const { return m_home; }
    /// ~/.pki/nssdb, whether or not it exists.
    QString userNssDatabase() const;
    /// The folders whose profiles.ini is read: ~/.mozilla/firefox.
    QStringList firefoxFolders() const;

    /// The P11Kit view first, then ~/.pki/nssdb, then each Firefox profile in profiles.ini order.
    /// p11-kit: sees when a module p11-kit registers for programs is SoftHSM2's library
    /// (listed by p11_kit_modules_load, which loads but never initializes a module).
    /// NSS database: sees when its pkcs11.txt names a module with p11-kit-proxy's library and
    /// p11-kit lets the proxy load SoftHSM2 (no enable-in/disable-in excluding "p11-kit-proxy"),
    /// or names SoftHSM2's library itself. Fails only without a home folder.
    [[nodiscard]] Result<QList<ProgramView>, BrowserError> check() const;

    /// Registers p11-kit-proxy in the NSS database `nssDir` through `modutil -add`, creating
    /// ~/.pki/nssdb (certutil -N, empty password, as Chromium does) when that is the one asked
    /// for and it does not exist. Nothing to do (success) when a module with that library is
    /// there already, under any name. Any other folder must hold cert9.db or key4.db.
    [[nodiscard]] Status<BrowserError> registerProxy(const QString& nssDir) const;
    /// Removes every module with p11-kit-proxy's library from `nssDir` (modutil -delete).
    /// Nothing to do (success) when there is none, or no database at all.
    [[nodiscard]] Status<BrowserError> unregisterProxy(const QString& nssDir) const;

private:
    struct SoftHsmInP11Kit;
    SoftHsmInP11Kit findSoftHsm() const;
    ProgramView nssView(ProgramView::Kind kind, const QString& dir, const SoftHsmInP11Kit& softhsm) const;
    QStringList proxyModuleNames(const QString& nssDir) const;
    [[nodiscard]] Status<BrowserError> createUserNssDatabase(const QString& dir) const;
    /// Runs an NSS tool with stdin at /dev/null (its "press enter" prompts go on) and a time-out.
    [[nodiscard]] Status<BrowserError> runTool(const QString& program, const QStringList& args,
                                               const QString& dir) const;

    QString m_home;
    QString m_proxy;
};

} // namespace tokendesk
