#include "ModuleRegistry.h"

#include "backend/common/CFree.h"
#include "backend/common/Logging.h"
#include "backend/common/MallocString.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstdlib>
#include <future>
#include <p11-kit/p11-kit.h>
#include <p11-kit/pkcs11.h>

#ifndef TOKENDESK_P11_MODULE_PATH
#define TOKENDESK_P11_MODULE_PATH "/usr/lib/x86_64-linux-gnu/pkcs11"
#endif

namespace tokendesk {

namespace {

/// p11-kit's last message (it keeps one per thread), for an error's detail.
QString lastMessage()
{
    const char* message = p11_kit_message();
    return message ? QString::fromUtf8(message) : QString();
}

/// "libsofthsm2.so" -> "libsofthsm2": the name of a module that has no p11-kit name.
QString fileName(const QString& path)
{
    QString name = QFileInfo(path).fileName();
    const qsizetype so = name.indexOf(QLatin1String(".so"));
    return so > 0 ? name.left(so) : name;
}

/// A relative module name is looked up where p11-kit looks for module files.
QString resolve(const QString& path)
{
    if (QFileInfo(path).isRelative() && !QFileInfo::exists(path)) {
        const QString inModuleDir = QDir(QStringLiteral(TOKENDESK_P11_MODULE_PATH)).filePath(path);
        if (QFileInfo::exists(inModuleDir)) {
            return inModuleDir;
        }
    }
    return path;
}

} // namespace

ModuleRegistry::ModuleRegistry(const Options& options)
    : m_isolation(options.isolation), m_scanWhenLoaded(options.scanWhenLoaded)
{
    if (options.registered) {
        loadRegistered();
    }
    QStringList paths = options.paths;
    if (options.environment) {
        paths += environmentPaths();
    }
    for (const QString& path : std::as_const(paths)) {
        loadExplicit(path);
    }
    if (!options.nssDatabase.isEmpty()) {
        loadNssDatabase(options.nssDatabase);
    }
    initializePending();
}

// The modules' own references (Pkcs11Token, shared_ptr) keep them initialized;
// the last one finalizes.
ModuleRegistry::~ModuleRegistry()
{
    // An isolated module's C_Finalize takes 100 ms (p11-kit polls for its child's exit every
    // 100 ms): the isolated modules only we hold are finalized all at once.
    std::vector<std::future<void>> finalizing;
    for (auto& module : m_modules) {
        if (module->info().isolated && module.use_count() == 1) {
            finalizing.push_back(
                std::async(std::launch::async, [last = std::move(module)]() mutable { last.reset(); }));
        }
    }
}

QStringList ModuleRegistry::environmentPaths()
{
    return qEnvironmentVariable("TOKENDESK_MODULES").split(QLatin1Char(':'), Qt::SkipEmptyParts);
}

QString ModuleRegistry::defaultNssDatabase()
{
    const QString home = QDir::homePath();
    if (home.isEmpty()) {
        return {};
    }
    const QString dir = QDir(home).filePath(QStringLiteral(".pki/nssdb"));
    return QFileInfo::exists(QDir(dir).filePath(QStringLiteral("cert9.db"))) ? dir : QString();
}

QString ModuleRegistry::softoknPath()
{
    // Debian/Ubuntu put it in the multiarch folder beside p11-kit's module folder;
    // Fedora/Arch in lib64 or lib; some builds in an nss/ subfolder.
    const QString multiarch = QFileInfo(QStringLiteral(TOKENDESK_P11_MODULE_PATH)).path();
    const QStringList folders{multiarch,
                              multiarch + QStringLiteral("/nss"),
                              QStringLiteral("/usr/lib64"),
                              QStringLiteral("/usr/lib64/nss"),
                              QStringLiteral("/usr/lib"),
                              QStringLiteral("/usr/lib/nss")};
    for (const QString& folder : folders) {
        const QString candidate = QDir(folder).filePath(QStringLiteral("libsoftokn3.so"));
        if (QFileInfo(candidate).isFile()) {
            return canonicalPath(candidate);
        }
    }
    return {};
}

QString ModuleRegistry::nssDatabaseName(const QString& dir)
{
    const QString home = QDir::homePath();
    QString shown = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    if (!home.isEmpty() && home != QLatin1String("/") && shown.startsWith(home + QLatin1Char('/'))) {
        shown = QLatin1Char('~') + shown.mid(home.size());
    }
    return QStringLiteral("NSS database (%1)").arg(shown);
}

bool ModuleRegistry::isSystemModule(const QString& name, const QString& path, bool trustPolicy)
{
    static const QStringList names{QStringLiteral("p11-kit-trust"), QStringLiteral("gnome-keyring")};
    static const QStringList files{QStringLiteral("p11-kit-trust.so"), QStringLiteral("gnome-keyring-pkcs11.so")};
    return trustPolicy || names.contains(name) || files.contains(QFileInfo(path).fileName());
}

QString ModuleRegistry::canonicalPath(const QString& path)
{
    const QFileInfo info(resolve(path));
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

void ModuleRegistry::loadRegistered()
{
    // Managed mode (flags 0): p11-kit counts initializations per process, so
    // other p11-kit users in this process and we do not finalize each other.
    CK_FUNCTION_LIST** list = p11_kit_modules_load(nullptr, 0);
    if (!list) {
        ModuleInfo info;
        info.name = QStringLiteral("p11-kit");
        info.registered = true;
        Pkcs11Error error;
        error.kind = Pkcs11Error::Kind::ModuleNotLoaded;
        error.function = QStringLiteral("p11_kit_modules_load");
        error.detail = lastMessage();
        info.error = error;
        m_infos.append(info);
        return;
    }
    for (CK_FUNCTION_LIST** it = list; *it; ++it) {
        ModuleInfo info;
        info.registered = true;
        info.name = takeMallocString(p11_kit_module_get_name(*it));
        QString file = takeMallocString(p11_kit_module_get_filename(*it));
        if (file.isEmpty()) {
            file = takeMallocString(p11_kit_config_option(*it, "module"));
        }
        info.path = file.isEmpty() ? info.name : canonicalPath(file);
        const QString trust = takeMallocString(p11_kit_config_option(*it, "trust-policy"));
        info.system =
            isSystemModule(info.name, info.path, trust == QLatin1String("yes") || trust == QLatin1String("true"));
        // A module p11-kit already remotes (remote: in its configuration) has no file to isolate.
        if (!file.isEmpty() && isolates(info)) {
            // Loaded (dlopen) but never initialized here: its child does that.
            p11_kit_module_release(*it);
            Pkcs11Module::InitOptions init;
            if (CK_FUNCTION_LIST* functions = loadQuietly(info.path, info, &init.statusFile)) {
                add(functions, std::move(info), init);
            }
            continue;
        }
        add(*it, std::move(info));
    }
    // The array only: each module's reference now belongs to its Pkcs11Module.
    std::free(list);
}

void ModuleRegistry::loadExplicit(const QString& path)
{
    ModuleInfo info;
    info.path = canonicalPath(path);
    info.name = fileName(info.path);
    info.system = isSystemModule(info.name, info.path, false);
    for (const ModuleInfo& known : std::as_const(m_infos)) {
        if (known.path == info.path) {
            qCDebug(lcPkcs11) << path << "is already loaded as" << known.name;
            return;
        }
    }
    m_explicitPaths.append(info.path);
    const bool isolate = isolates(info);
    Pkcs11Module::InitOptions init;
    if (CK_FUNCTION_LIST* functions =
            loadQuietly(isolate ? info.path : resolve(path), info, isolate ? &init.statusFile : nullptr)) {
        add(functions, std::move(info), init);
    }
}

bool ModuleRegistry::isolates(const ModuleInfo& info) const
{
    // The trust store and the keyring are p11-kit's and GNOME's own, and read no card.
    return !info.system && ModuleHost::isolates(m_isolation, info.path) && ModuleHost::canIsolate(info.path);
}

_CK_FUNCTION_LIST* ModuleRegistry::loadQuietly(const QString& file, ModuleInfo& info, QString* statusFile)
{
    CK_FUNCTION_LIST* functions = nullptr;
    QString message;
    if (statusFile) {
        info.isolated = true;
        *statusFile = ModuleHost::newStatusFile();
        functions = ModuleHost::load(file, *statusFile, &message);
    } else {
        // Quiet: the failure becomes this module's entry, not a line on stderr.
        p11_kit_be_quiet();
        functions = p11_kit_module_load(QFile::encodeName(file).constData(), 0);
        message = functions ? QString() : lastMessage();
        p11_kit_be_loud();
    }
    if (!functions) {
        Pkcs11Error error;
        error.kind = Pkcs11Error::Kind::ModuleNotLoaded;
        error.function = QStringLiteral("p11_kit_module_load");
        error.detail = message.isEmpty() ? info.path : message;
        info.error = error;
        qCDebug(lcPkcs11) << "cannot load" << file << message;
        m_infos.append(info);
    }
    return functions;
}

void ModuleRegistry::loadNssDatabase(const QString& dir)
{
    ModuleInfo info;
    info.name = nssDatabaseName(dir);
    info.path = softoknPath();
    if (info.path.isEmpty()) {
        Pkcs11Error error;
        error.kind = Pkcs11Error::Kind::ModuleNotLoaded;
        error.function = QStringLiteral("p11_kit_module_load");
        error.detail = QStringLiteral("libsoftokn3.so");
        info.error = error;
        info.path = info.name;
        m_infos.append(info);
        return;
    }
    // softokn serves one database per process: a registered softokn (x-init-reserved
    // in a p11-kit config) already is the user's database, loading it twice would fail.
    for (const ModuleInfo& known : std::as_const(m_infos)) {
        if (known.path == info.path) {
            qCDebug(lcPkcs11) << "softokn is already loaded as" << known.name << "; not reading" << dir << "again";
            return;
        }
    }
    const QString folder = QFileInfo(dir).absoluteFilePath();
    Pkcs11Module::InitOptions init;
    // readOnly: we never write the user's database (no key or trust changes, no
    // upgrade of an old dbm database). secmod.db is NSS's default name; with
    // sql: it is pkcs11.txt, which softokn does not read for its own slots.
    init.libraryParameters = QByteArrayLiteral("configdir='sql:") + QFile::encodeName(folder) +
                             QByteArrayLiteral("' certPrefix='' keyPrefix='' secmod='secmod.db' flags='readOnly'");
    // Slot 1 is "NSS Generic Crypto Services" (softokn's NETSCAPE_SLOT_ID): algorithms
    // only, never a user object. The database is slot 2, "NSS Certificate DB".
    init.hiddenSlots = {1};
    if (CK_FUNCTION_LIST* functions = loadQuietly(info.path, info)) {
        add(functions, std::move(info), init);
    }
}

void ModuleRegistry::add(CK_FUNCTION_LIST* functions, ModuleInfo info, Pkcs11Module::InitOptions init)
{
    for (const ModuleInfo& known : std::as_const(m_infos)) {
        if (known.path == info.path) {
            p11_kit_module_release(functions);
            return;
        }
    }
    if (info.isolated) {
        init.isolatedFile = info.path;
    }
    m_pending.push_back(Pending{functions, m_infos.size(), std::move(init)});
    m_infos.append(std::move(info));
}

void ModuleRegistry::initializePending()
{
    struct Loaded
    {
        Result<std::shared_ptr<Pkcs11Module>, Pkcs11Error> module;
        /// An isolated module's child that crashed or hung in C_Initialize (not in the scan after it).
        std::optional<Pkcs11Error> initFailure;
        std::optional<Result<SlotScan, Pkcs11Error>> scan;
    };
    std::vector<std::future<Loaded>> running;
    running.reserve(m_pending.size());
    for (const Pending& pending : m_pending) {
        // Modules are independent libraries, and p11-kit lets go of its own lock while
        // one initializes: they may all initialize at once.
        running.push_back(std::async(m_pending.size() > 1 ? std::launch::async : std::launch::deferred,
                                     [pending, info = m_infos.at(pending.place), scan = m_scanWhenLoaded] {
                                         Loaded loaded{Pkcs11Module::initialize(pending.functions, info, pending.init),
                                                       std::nullopt, std::nullopt};
                                         if (loaded.module) {
                                             loaded.initFailure = loaded.module.value()->hostFailure();
                                             if (scan) {
                                                 loaded.scan = loaded.module.value()->scan();
                                             }
                                         }
                                         return loaded;
                                     }));
    }
    for (size_t i = 0; i < running.size(); ++i) {
        ModuleInfo& info = m_infos[m_pending[i].place];
        Loaded loaded = running[i].get();
        if (!loaded.module) {
            qCDebug(lcPkcs11) << info.path << loaded.module.error().function << loaded.module.error().codeName();
            info.error = loaded.module.error();
            continue;
        }
        // An isolated module that crashed or hung in C_Initialize is kept, with that error, to be restarted.
        info = loaded.module.value()->info();
        info.error = loaded.initFailure;
        m_modules.push_back(std::move(loaded.module).value());
        m_loadScans.push_back(std::move(loaded.scan));
    }
    m_pending.clear();
}

QStringList ModuleRegistry::restartFailed(bool now) const
{
    QStringList restarted;
    for (const auto& module : m_modules) {
        if (module->hostFailure() && module->restart(now)) {
            restarted.append(module->info().path);
        }
    }
    return restarted;
}

std::shared_ptr<const Pkcs11Module> ModuleRegistry::module(const QString& path) const
{
    const QString key = canonicalPath(path);
    for (const auto& module : m_modules) {
        if (module->info().path == key || module->info().path == path) {
            return module;
        }
    }
    return nullptr;
}

void ModuleRegistry::addScan(TokenScan& into, const Pkcs11Module& module, Result<SlotScan, Pkcs11Error> slots)
{
    if (!slots) {
        // An isolated module's child that died or stopped answering (during this scan or
        // before) says so; the module has no token now.
        Pkcs11Error error = slots.error();
        error.detail = module.info().path;
        into.errors.append(error);
        return;
    }
    into.tokens += slots.value().tokens;
    into.emptySlots += slots.value().emptySlots;
}

TokenScan ModuleRegistry::scan() const
{
    TokenScan result;
    for (const auto& module : m_modules) {
        addScan(result, *module, module->scan());
    }
    return result;
}

TokenScan ModuleRegistry::loadScan() const
{
    TokenScan result;
    for (size_t i = 0; i < m_modules.size(); ++i) { // m_loadScans has a place for each
        if (const auto& made = m_loadScans[i]) {
            addScan(result, *m_modules[i], *made);
        } else {
            addScan(result, *m_modules[i], m_modules[i]->scan());
        }
    }
    return result;
}

Result<QList<Pkcs11Token>, Pkcs11Error> ModuleRegistry::findTokens(const Pkcs11Uri& uri) const
{
    QList<Pkcs11Token> found;
    std::optional<Pkcs11Error> stopped;
    for (const auto& module : m_modules) {
        if (!uri.matchesModule(module->info())) {
            continue;
        }
        auto slots = module->scan();
        if (!slots) {
            if (!stopped && module->hostFailure()) {
                stopped = slots.error();
            }
            continue;
        }
        for (const TokenInfo& token : std::as_const(slots.value().tokens)) {
            if (uri.matchesToken(token)) {
                found.append(Pkcs11Token(module, token));
            }
        }
    }
    if (found.isEmpty() && stopped) {
        return *stopped; // the token may well be there: its module's process is not
    }
    if (found.isEmpty()) {
        // A module the caller named (--module, TOKENDESK_MODULES) that did not load is the likelier
        // reason than an absent token: say so, as report does, rather than "insert the token".
        for (const ModuleInfo& info : std::as_const(m_infos)) {
            if (info.error && m_explicitPaths.contains(info.path) && uri.matchesModule(info)) {
                return *info.error;
            }
        }
        return Pkcs11Error::tokenNotPresent(uri.tokenLabel(), uri.tokenSerial(), QStringLiteral("C_GetTokenInfo"));
    }
    return found;
}

Result<Pkcs11Token, Pkcs11Error> ModuleRegistry::findToken(const TokenInfo& token) const
{
    if (const auto owner = module(token.modulePath)) {
        if (auto slots = owner->scan()) {
            for (const TokenInfo& now : std::as_const(slots.value().tokens)) {
                if (now.serialRaw == token.serialRaw) {
                    return Pkcs11Token(owner, now);
                }
            }
        }
    }
    return Pkcs11Error::tokenNotPresent(token.label, token.serial, QStringLiteral("C_GetTokenInfo"));
}

Result<ObjectList, Pkcs11Error> ModuleRegistry::findObjects(const Pkcs11Uri& uri) const
{
    auto tokens = findTokens(uri);
    if (!tokens) {
        return tokens.error();
    }
    const ObjectQuery query = ObjectQuery::fromUri(uri);
    ObjectList found;
    std::optional<Pkcs11Error> firstError;
    for (const Pkcs11Token& token : std::as_const(tokens.value())) {
        auto objects = token.objects(query);
        if (!objects) {
            if (!firstError) {
                firstError = objects.error();
            }
            continue;
        }
        for (const ObjectInfo& object : std::as_const(objects.value())) {
            if (uri.matchesObject(object)) {
                found.append(object);
            }
        }
    }
    if (found.isEmpty()) {
        if (firstError) {
            return *firstError;
        }
        Pkcs11Error error;
        error.kind = Pkcs11Error::Kind::ObjectNotFound;
        error.function = QStringLiteral("C_FindObjects");
        error.detail = uri.toString();
        return error;
    }
    return found;
}

} // namespace tokendesk
