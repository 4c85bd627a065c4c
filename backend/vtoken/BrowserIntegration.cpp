#include "BrowserIntegration.h"

#include "BrowserFiles.h"
#include "backend/common/CFree.h"
#include "backend/common/MallocString.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <cstdlib>
#include <p11-kit/p11-kit.h>
#include <p11-kit/pkcs11.h>

#ifndef TOKENDESK_P11KIT_PROXY
#define TOKENDESK_P11KIT_PROXY "/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so"
#endif

namespace tokendesk {

namespace {

bool isSoftHsmLibrary(const QString& path)
{
    return QFileInfo(path).fileName().startsWith(QLatin1String("libsofthsm2."));
}

} // namespace

struct BrowserIntegration::SoftHsmInP11Kit
{
    bool registered = false; ///< p11-kit lists it for programs (this one included)
    bool inProxy = false;    ///< and lets p11-kit-proxy load it
    QString name;            ///< p11-kit's name for it ("softhsm2")
    QString library;
};

BrowserIntegration::BrowserIntegration(QString homeDir, QString proxyModule)
    : m_home(homeDir.isEmpty() ? QDir::homePath() : std::move(homeDir)), m_proxy(std::move(proxyModule))
{}

QString BrowserIntegration::defaultProxyModule()
{
    return QStringLiteral(TOKENDESK_P11KIT_PROXY);
}

QString BrowserIntegration::userNssDatabase() const
{
    return QDir(m_home).filePath(QStringLiteral(".pki/nssdb"));
}

QStringList BrowserIntegration::firefoxFolders() const
{
    // Not the snap's or flatpak's Firefox: confined, they cannot load the host's p11-kit-proxy.so.
    return {QDir(m_home).filePath(QStringLiteral(".mozilla/firefox"))};
}

BrowserIntegration::SoftHsmInP11Kit BrowserIntegration::findSoftHsm() const
{
    SoftHsmInP11Kit found;
    // Loaded (dlopen, C_GetFunctionList) but never initialized, unmanaged: nothing of the
    // modules runs, and the list is the one p11-kit gives programs. Modules whose enable-in or
    // disable-in leaves this program out are not listed: SoftHSM2's module file has neither.
    CK_FUNCTION_LIST** modules = p11_kit_modules_load(nullptr, P11_KIT_MODULE_UNMANAGED);
    if (!modules) {
        return found;
    }
    for (CK_FUNCTION_LIST** it = modules; *it; ++it) {
        const QString library = takeMallocString(p11_kit_module_get_filename(*it));
        if (found.registered || !isSoftHsmLibrary(library)) {
            continue;
        }
        found.registered = true;
        found.library = BrowserFiles::canonical(library);
        found.name = takeMallocString(p11_kit_module_get_name(*it));
        found.inProxy = BrowserFiles::enabledIn(QStringLiteral("p11-kit-proxy"),
                                                takeMallocString(p11_kit_config_option(*it, "enable-in")),
                                                takeMallocString(p11_kit_config_option(*it, "disable-in")));
    }
    p11_kit_modules_release(modules);
    return found;
}

Result<QList<ProgramView>, BrowserError> BrowserIntegration::check() const
{
    if (m_home.isEmpty()) {
        return BrowserError::make(BrowserError::Code::NoHome, QString());
    }
    const SoftHsmInP11Kit softhsm = findSoftHsm();
    QList<ProgramView> views;
    ProgramView p11kit;
    p11kit.kind = ProgramView::Kind::P11Kit;
    p11kit.path = softhsm.library;
    p11kit.sees = softhsm.registered;
    p11kit.exists = softhsm.registered;
    p11kit.writable = false;
    p11kit.detail = softhsm.name;
    views.append(p11kit);
    views.append(nssView(ProgramView::Kind::NssDatabase, userNssDatabase(), softhsm));
    const QStringList folders = firefoxFolders();
    for (const QString& folder : folders) {
        const QList<FirefoxProfileEntry> profiles = BrowserFiles::firefoxProfiles(folder);
        for (const FirefoxProfileEntry& profile : profiles) {
            ProgramView view = nssView(ProgramView::Kind::FirefoxProfile, profile.path, softhsm);
            view.name = profile.name;
            view.inUse = BrowserFiles::isProfileInUse(profile.path);
            views.append(view);
        }
    }
    return views;
}

ProgramView BrowserIntegration::nssView(ProgramView::Kind kind, const QString& dir,
                                        const SoftHsmInP11Kit& softhsm) const
{
    ProgramView view;
    view.kind = kind;
    view.path = dir;
    view.exists = BrowserFiles::isNssDatabase(dir);
    view.writable = BrowserFiles::isSafePath(dir);
    if (!view.exists) {
        return view;
    }
    const QString proxy = BrowserFiles::canonical(m_proxy);
    const QList<NssModuleEntry> modules = BrowserFiles::nssModules(dir);
    for (const NssModuleEntry& module : modules) {
        if (module.library.isEmpty()) {
            continue;
        }
        const QString library = BrowserFiles::canonical(module.library);
        const bool viaProxy = library == proxy && softhsm.registered && softhsm.inProxy;
        const bool direct = isSoftHsmLibrary(library);
        if (viaProxy || direct || (library == proxy && view.detail.isEmpty())) {
            // A proxy that does not reach SoftHSM2 is named too (sees stays false): it explains.
            view.detail = module.name;
            view.sees = viaProxy || direct;
        }
        if (view.sees) {
            break;
        }
    }
    return view;
}

QStringList BrowserIntegration::proxyModuleNames(const QString& nssDir) const
{
    const QString proxy = BrowserFiles::canonical(m_proxy);
    QStringList names;
    const QList<NssModuleEntry> modules = BrowserFiles::nssModules(nssDir);
    for (const NssModuleEntry& module : modules) {
        if (!module.library.isEmpty() && BrowserFiles::canonical(module.library) == proxy) {
            names.append(module.name);
        }
    }
    return names;
}

Status<BrowserError> BrowserIntegration::registerProxy(const QString& nssDir) const
{
    if (!BrowserFiles::isSafePath(nssDir)) {
        return BrowserError::make(BrowserError::Code::UnsafePath, nssDir);
    }
    if (!QFileInfo(m_proxy).isFile()) {
        return BrowserError::make(BrowserError::Code::ProxyMissing, nssDir, m_proxy);
    }
    if (!BrowserFiles::isNssDatabase(nssDir)) {
        // Only Chromium's database is made here, where Chromium would make it; a profile
        // path that leads elsewhere is never filled with a new database.
        if (QDir::cleanPath(QFileInfo(nssDir).absoluteFilePath()) != QDir::cleanPath(userNssDatabase())) {
            return BrowserError::make(BrowserError::Code::NotAnNssDatabase, nssDir);
        }
        if (auto created = createUserNssDatabase(nssDir); !created) {
            return created;
        }
    }
    if (!proxyModuleNames(nssDir).isEmpty()) {
        return Done{};
    }
    // A name no other module has: modutil refuses to add a second module of the same name.
    QStringList taken;
    const QList<NssModuleEntry> modules = BrowserFiles::nssModules(nssDir);
    for (const NssModuleEntry& module : modules) {
        taken.append(module.name);
    }
    QString name = QStringLiteral("p11-kit-proxy");
    for (int n = 2; taken.contains(name); ++n) {
        name = QStringLiteral("p11-kit-proxy %1").arg(n);
    }
    auto added = runTool(QStringLiteral("modutil"),
                         {QStringLiteral("-dbdir"), QStringLiteral("sql:") + nssDir, QStringLiteral("-add"), name,
                          QStringLiteral("-libfile"), m_proxy, QStringLiteral("-force")},
                         nssDir);
    if (!added) {
        return added;
    }
    if (proxyModuleNames(nssDir).isEmpty()) {
        return BrowserError::make(BrowserError::Code::ToolFailed, nssDir, QStringLiteral("pkcs11.txt"));
    }
    return Done{};
}

Status<BrowserError> BrowserIntegration::unregisterProxy(const QString& nssDir) const
{
    if (!BrowserFiles::isSafePath(nssDir)) {
        return BrowserError::make(BrowserError::Code::UnsafePath, nssDir);
    }
    if (!BrowserFiles::isNssDatabase(nssDir)) {
        return Done{};
    }
    const QStringList names = proxyModuleNames(nssDir);
    for (const QString& name : names) {
        auto deleted = runTool(QStringLiteral("modutil"),
                               {QStringLiteral("-dbdir"), QStringLiteral("sql:") + nssDir, QStringLiteral("-delete"),
                                name, QStringLiteral("-force")},
                               nssDir);
        if (!deleted) {
            return deleted;
        }
    }
    if (!proxyModuleNames(nssDir).isEmpty()) {
        return BrowserError::make(BrowserError::Code::ToolFailed, nssDir, QStringLiteral("pkcs11.txt"));
    }
    return Done{};
}

Status<BrowserError> BrowserIntegration::createUserNssDatabase(const QString& dir) const
{
    if (!QDir().mkpath(dir) ||
        !QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        return BrowserError::make(BrowserError::Code::CannotCreate, dir);
    }
    return runTool(
        QStringLiteral("certutil"),
        {QStringLiteral("-N"), QStringLiteral("-d"), QStringLiteral("sql:") + dir, QStringLiteral("--empty-password")},
        dir);
}

Status<BrowserError> BrowserIntegration::runTool(const QString& program, const QStringList& args,
                                                 const QString& dir) const
{
    const QString executable = QStandardPaths::findExecutable(program);
    if (executable.isEmpty()) {
        return BrowserError::make(BrowserError::Code::ToolMissing, dir, program);
    }
    QProcess process;
    process.setProgram(executable);
    process.setArguments(args);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start();
    if (!process.waitForStarted(kToolTimeoutMs)) {
        return BrowserError::make(BrowserError::Code::ToolMissing, dir,
                                  program + QStringLiteral(": ") + process.errorString());
    }
    if (!process.waitForFinished(kToolTimeoutMs)) {
        process.kill(); // our own child, by its pid
        process.waitForFinished(1000);
        return BrowserError::make(BrowserError::Code::TimedOut, dir, program);
    }
    const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return BrowserError::make(BrowserError::Code::ToolFailed, dir,
                                  QStringLiteral("%1 exit %2: %3").arg(program).arg(process.exitCode()).arg(output));
    }
    return Done{};
}

} // namespace tokendesk
