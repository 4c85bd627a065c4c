#include "Pkcs11Module.h"

#include "Pkcs11Text.h"
#include "Pkcs11Uri.h"
#include "backend/common/Logging.h"

#include <QFile>
#include <algorithm>
#include <csignal>
#include <cstring>
#include <openssl/crypto.h>
#include <p11-kit/p11-kit.h>
#include <p11-kit/pkcs11.h>
#include <vector>

namespace tokendesk {

namespace {

Pkcs11Version version(const CK_VERSION& v)
{
    return Pkcs11Version{v.major, v.minor};
}

template<typename T> QByteArray rawField(const T& field)
{
    return Pkcs11Text::field(field, static_cast<int>(sizeof field));
}

PinFlags pinFlags(CK_FLAGS flags, CK_FLAGS countLow, CK_FLAGS finalTry, CK_FLAGS locked, CK_FLAGS toBeChanged)
{
    return PinFlags{(flags & countLow) != 0, (flags & finalTry) != 0, (flags & locked) != 0,
                    (flags & toBeChanged) != 0};
}

qint64 pinLength(CK_ULONG value)
{
    return value == CK_UNAVAILABLE_INFORMATION ? -1 : static_cast<qint64>(value);
}

} // namespace

std::chrono::milliseconds Pkcs11Module::timeout(Wait wait)
{
    bool ok = false;
    const qint64 configured = qEnvironmentVariableIntValue("TOKENDESK_CALL_TIMEOUT_MS", &ok);
    const std::chrono::milliseconds module(ok && configured > 0 ? configured : 10000);
    if (wait == Wait::Person) {
        return std::max<std::chrono::milliseconds>(module * 6, std::chrono::seconds(90));
    }
    return module;
}

Pkcs11Module::Call::Call(const Pkcs11Module& module, Wait wait) : m_functions(module.m_functions)
{
    if (!module.m_info.isolated) {
        return;
    }
    m_restart = std::shared_lock<std::shared_mutex>(module.m_restartLock);
    m_pipe.emplace();
    m_ticket = CallWatchdog::arm(const_cast<Pkcs11Module*>(&module), CallWatchdog::Clock::now() + timeout(wait));
}

Pkcs11Module::Call::~Call()
{
    if (m_ticket != 0) {
        CallWatchdog::disarm(m_ticket);
    }
}

Result<std::shared_ptr<Pkcs11Module>, Pkcs11Error> Pkcs11Module::initialize(CK_FUNCTION_LIST* functions,
                                                                            ModuleInfo info, const InitOptions& options)
{
    static std::once_flag reporter;
    std::call_once(reporter, [] {
        ModuleLocks::setLeakReporter([](int leaked) {
            qCWarning(lcPkcs11) << "a PKCS#11 module left" << leaked
                                << "of its locks held after a call (a card removed mid-call?): released";
        });
    });
    // From here on the module's destructor releases p11-kit's reference, whatever happens.
    std::shared_ptr<Pkcs11Module> module(new Pkcs11Module(functions, std::move(info)));
    module->m_libraryParameters = options.libraryParameters;
    module->m_hiddenSlots = options.hiddenSlots;
    module->m_info.isolated = !options.isolatedFile.isEmpty();
    module->m_statusFile = options.statusFile;

    const CK_RV rv = module->initializeModule();
    if (rv == CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        qCDebug(lcPkcs11) << module->m_info.path << "was already initialized in this process";
    } else if (rv != CKR_OK && module->m_info.isolated) {
        const ModuleHost::Status status = ModuleHost::readStatus(module->m_statusFile);
        if (!status.loaded) {
            // The host could not load the file: no child will do better.
            Pkcs11Error error = Pkcs11Error::fromCode(rv, QStringLiteral("p11_kit_module_load"));
            error.kind = Pkcs11Error::Kind::ModuleNotLoaded;
            error.detail = status.error.isEmpty() ? options.isolatedFile : status.error;
            return error;
        }
        // Any answer but CKR_DEVICE_ERROR (what p11-kit's client gives when the host died or was
        // stopped) is the module's own. p11-kit's client hangs up after a failed C_Initialize and
        // the host then ends cleanly, which hostFailure() would take for a death if asked first.
        if (rv != CKR_DEVICE_ERROR || !module->hostFailure()) {
            return Pkcs11Error::fromCode(rv, QStringLiteral("C_Initialize"));
        }
        // Crashed or stopped in C_Initialize: kept, with that failure (hostFailure), to be restarted.
        return module;
    } else if (rv != CKR_OK) {
        return Pkcs11Error::fromCode(rv, QStringLiteral("C_Initialize"));
    } else {
        module->m_finalize = true;
    }

    CK_INFO ckInfo{};
    if (const CK_RV infoRv = module->functions()->C_GetInfo(&ckInfo); infoRv != CKR_OK) {
        if (module->hostFailure()) {
            return module;
        }
        return Pkcs11Error::fromCode(infoRv, QStringLiteral("C_GetInfo"));
    }
    ModuleInfo& m = module->m_info;
    m.descriptionRaw = rawField(ckInfo.libraryDescription);
    m.manufacturerRaw = rawField(ckInfo.manufacturerID);
    m.description = Pkcs11Text::decodeField(m.descriptionRaw);
    m.manufacturer = Pkcs11Text::decodeField(m.manufacturerRaw);
    m.libraryVersion = version(ckInfo.libraryVersion);
    m.cryptokiVersion = version(ckInfo.cryptokiVersion);
    m.flags = ckInfo.flags;
    m.uri = Pkcs11Uri::forModule(m);
    qCDebug(lcPkcs11) << "module" << m.name << m.path << m.description << m.libraryVersion.toString();
    return module;
}

quint64 Pkcs11Module::initializeModule() const
{
    // Our worker threads call the module concurrently: it must lock. OS locking is
    // fine, but we hand it our mutexes, which repair a lock a module leaks (ModuleLocks).
    // An isolated module's host gives its module those mutexes itself.
    CK_C_INITIALIZE_ARGS args{};
    args.flags = CKF_OS_LOCKING_OK;
    ModuleLocks::fill(args);
    if (!m_libraryParameters.isEmpty()) {
        // NSS softokn reads its LibraryParameters here; p11-kit's managed mode passes them on.
        args.pReserved = const_cast<char*>(m_libraryParameters.constData());
    }
    if (m_info.isolated) {
        // The host first, listening (or gone, its status says why) before the client connects.
        const ModuleHost::Spawned host = ModuleHost::spawn(m_info.path, m_statusFile, timeout(Wait::Module));
        m_hostPid = host.pid;
        if (host.pid <= 0) {
            return CKR_GENERAL_ERROR;
        }
        if (!host.ready) { // stuck loading the module (a constructor that never returns)
            const_cast<Pkcs11Module*>(this)->callTimedOut();
        }
        if (!host.listening) {
            const std::lock_guard<std::mutex> lock(m_hostLock);
            m_failedIn = QStringLiteral("C_Initialize");
            return CKR_DEVICE_ERROR;
        }
    }
    // Watched like any call, but without the restart lock (restart() holds it).
    const ModuleLocks::CallScope scope;
    const SigpipeGuard pipe;
    const CallWatchdog::Ticket ticket =
        m_info.isolated
            ? CallWatchdog::arm(const_cast<Pkcs11Module*>(this), CallWatchdog::Clock::now() + timeout(Wait::Module))
            : 0;
    const CK_RV rv = m_functions->C_Initialize(&args);
    if (ticket != 0) {
        CallWatchdog::disarm(ticket);
    }
    if (m_info.isolated) {
        qCDebug(lcPkcs11) << m_info.path << "runs in process" << m_hostPid.load() << Pkcs11Error::codeName(rv);
        if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
            const std::lock_guard<std::mutex> lock(m_hostLock);
            m_failedIn = QStringLiteral("C_Initialize");
        }
    }
    return rv;
}

Pkcs11Module::~Pkcs11Module()
{
    if (m_info.isolated) {
        // SIGTERM first: the host finalizes its module and exits at once, even while a call of
        // ours hangs in it; the client's C_Finalize then finds its socket closed (docs/ISOLATION.md).
        stopChild(true);
    }
    if (m_finalize) {
        const SigpipeGuard pipe;
        const CK_RV rv = m_functions->C_Finalize(nullptr);
        if (rv != CKR_OK && !m_info.isolated) {
            qCWarning(lcPkcs11) << m_info.path << "C_Finalize:" << Pkcs11Error::codeName(rv);
        }
    }
    p11_kit_module_release(m_functions);
    if (m_info.isolated) {
        ModuleHost::reap(m_hostPid.load());
        QFile::remove(ModuleHost::socketPath(m_statusFile));
    }
    if (!m_statusFile.isEmpty()) {
        QFile::remove(m_statusFile);
    }
}

Result<QList<quint64>, Pkcs11Error> Pkcs11Module::slotIds(bool tokenPresent) const
{
    const CK_BBOOL present = tokenPresent ? CK_TRUE : CK_FALSE;
    // A reader can appear between the two calls: retry then.
    for (int attempt = 0; attempt < 3; ++attempt) {
        CK_ULONG count = 0;
        CK_RV rv = functions()->C_GetSlotList(present, nullptr, &count);
        if (rv != CKR_OK) {
            return error(rv, QStringLiteral("C_GetSlotList"));
        }
        std::vector<CK_SLOT_ID> slots(count);
        rv = functions()->C_GetSlotList(present, slots.data(), &count);
        if (rv == CKR_BUFFER_TOO_SMALL) {
            continue;
        }
        if (rv != CKR_OK) {
            return error(rv, QStringLiteral("C_GetSlotList"));
        }
        QList<quint64> ids;
        for (CK_ULONG i = 0; i < count && i < slots.size(); ++i) {
            if (!m_hiddenSlots.contains(slots[i])) {
                ids.append(slots[i]);
            }
        }
        return ids;
    }
    return Pkcs11Error::fromCode(CKR_BUFFER_TOO_SMALL, QStringLiteral("C_GetSlotList"));
}

Result<SlotInfo, Pkcs11Error> Pkcs11Module::slotInfo(quint64 slotId) const
{
    CK_SLOT_INFO info{};
    if (const CK_RV rv = functions()->C_GetSlotInfo(slotId, &info); rv != CKR_OK) {
        return error(rv, QStringLiteral("C_GetSlotInfo"));
    }
    SlotInfo slot;
    slot.modulePath = m_info.path;
    slot.slotId = slotId;
    slot.descriptionRaw = rawField(info.slotDescription);
    slot.manufacturerRaw = rawField(info.manufacturerID);
    slot.description = Pkcs11Text::decodeField(slot.descriptionRaw);
    slot.manufacturer = Pkcs11Text::decodeField(slot.manufacturerRaw);
    slot.tokenPresent = (info.flags & CKF_TOKEN_PRESENT) != 0;
    slot.removable = (info.flags & CKF_REMOVABLE_DEVICE) != 0;
    slot.hardware = (info.flags & CKF_HW_SLOT) != 0;
    slot.flags = info.flags;
    return slot;
}

Status<Pkcs11Error> Pkcs11Module::initToken(quint64 slotId, const QByteArray& soPin, const QByteArray& label) const
{
    if (label.size() > 32) {
        Pkcs11Error tooLong = Pkcs11Error::fromCode(CKR_ARGUMENTS_BAD, QStringLiteral("C_InitToken"));
        tooLong.detail = QStringLiteral("a label of %1 bytes (32 at most)").arg(label.size());
        return tooLong;
    }
    CK_UTF8CHAR padded[32];
    std::memset(padded, ' ', sizeof padded);
    std::memcpy(padded, label.constData(), static_cast<size_t>(label.size()));
    std::vector<CK_UTF8CHAR> pin(soPin.begin(), soPin.end());
    const CK_RV rv =
        functions()->C_InitToken(slotId, pin.empty() ? nullptr : pin.data(), static_cast<CK_ULONG>(pin.size()), padded);
    if (!pin.empty()) {
        OPENSSL_cleanse(pin.data(), pin.size());
    }
    if (rv != CKR_OK) {
        return error(rv, QStringLiteral("C_InitToken"));
    }
    return Done{};
}

Result<TokenInfo, Pkcs11Error> Pkcs11Module::tokenInfo(quint64 slotId) const
{
    auto slot = slotInfo(slotId);
    if (!slot) {
        return slot.error();
    }
    CK_TOKEN_INFO info{};
    if (const CK_RV rv = functions()->C_GetTokenInfo(slotId, &info); rv != CKR_OK) {
        return error(rv, QStringLiteral("C_GetTokenInfo"));
    }
    TokenInfo token;
    token.modulePath = m_info.path;
    token.moduleName = m_info.name;
    token.slot = std::move(slot).value();
    token.labelRaw = rawField(info.label);
    token.manufacturerRaw = rawField(info.manufacturerID);
    token.modelRaw = rawField(info.model);
    token.serialRaw = rawField(info.serialNumber);
    token.label = Pkcs11Text::decodeField(token.labelRaw);
    token.manufacturer = Pkcs11Text::decodeField(token.manufacturerRaw);
    token.model = Pkcs11Text::decodeField(token.modelRaw);
    token.serial = Pkcs11Text::decodeField(token.serialRaw);

    const CK_FLAGS f = info.flags;
    token.flags = f;
    token.loginRequired = (f & CKF_LOGIN_REQUIRED) != 0;
    token.protectedAuthenticationPath = (f & CKF_PROTECTED_AUTHENTICATION_PATH) != 0;
    token.userPinInitialized = (f & CKF_USER_PIN_INITIALIZED) != 0;
    token.tokenInitialized = (f & CKF_TOKEN_INITIALIZED) != 0;
    token.writeProtected = (f & CKF_WRITE_PROTECTED) != 0;
    token.rng = (f & CKF_RNG) != 0;
    token.userPin =
        pinFlags(f, CKF_USER_PIN_COUNT_LOW, CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_LOCKED, CKF_USER_PIN_TO_BE_CHANGED);
    token.soPin = pinFlags(f, CKF_SO_PIN_COUNT_LOW, CKF_SO_PIN_FINAL_TRY, CKF_SO_PIN_LOCKED, CKF_SO_PIN_TO_BE_CHANGED);
    token.minPinLength = pinLength(info.ulMinPinLen);
    token.maxPinLength = pinLength(info.ulMaxPinLen);
    token.hardwareVersion = version(info.hardwareVersion).toString();
    token.firmwareVersion = version(info.firmwareVersion).toString();
    token.uri = Pkcs11Uri::forToken(token);
    return token;
}

Result<SlotScan, Pkcs11Error> Pkcs11Module::scan() const
{
    if (auto failed = hostFailure()) {
        return *failed; // its child is gone: restart() first
    }
    // The slots with a token first: smart-card modules look for card changes on
    // C_GetSlotList, and this is the list the standard asks for.
    auto withToken = slotIds(true);
    if (!withToken) {
        return withToken.error();
    }
    auto all = slotIds(false);
    if (!all) {
        return all.error();
    }
    SlotScan result;
    for (const quint64 id : all.value()) {
        if (withToken.value().contains(id)) {
            auto token = tokenInfo(id);
            if (token) {
                result.tokens.append(std::move(token).value());
                continue;
            }
            if (token.error().kind == Pkcs11Error::Kind::ModuleCrashed ||
                token.error().kind == Pkcs11Error::Kind::ModuleHung) {
                return token.error(); // an isolated module's process died in that call
            }
            auto slot = slotInfo(id);
            if (!slot) {
                continue; // the reader went away in between
            }
            // Removed in between: an empty slot. Anything else: a token we cannot read.
            if (token.error().kind != Pkcs11Error::Kind::TokenNotPresent) {
                slot.value().tokenError = token.error();
            }
            result.emptySlots.append(std::move(slot).value());
        } else if (auto slot = slotInfo(id)) {
            result.emptySlots.append(std::move(slot).value());
        }
    }
    // A token that appeared between the two lists is found on the next scan.
    return result;
}

Result<SlotEvents, Pkcs11Error> Pkcs11Module::pendingSlotEvents() const
{
    SlotEvents events;
    // Bounded: a module that never answers CKR_NO_EVENT must not keep us here.
    for (int i = 0; i < 256; ++i) {
        CK_SLOT_ID slot = 0;
        const CK_RV rv = functions()->C_WaitForSlotEvent(CKF_DONT_BLOCK, &slot, nullptr);
        if (rv == CKR_NO_EVENT) {
            return events;
        }
        if (rv == CKR_FUNCTION_NOT_SUPPORTED) {
            events.supported = false;
            return events;
        }
        if (rv != CKR_OK) {
            return error(rv, QStringLiteral("C_WaitForSlotEvent"));
        }
        if (!m_hiddenSlots.contains(slot) && !events.slots.contains(slot)) {
            events.slots.append(slot);
        }
    }
    qCWarning(lcPkcs11) << m_info.path << "keeps reporting slot events; treated as unsupported";
    events.supported = false;
    return events;
}

std::mutex& Pkcs11Module::slotMutex(quint64 slotId) const
{
    const std::lock_guard<std::mutex> lock(m_slotMutexesLock);
    std::unique_ptr<std::mutex>& mutex = m_slotMutexes[slotId];
    if (!mutex) {
        mutex = std::make_unique<std::mutex>();
    }
    return *mutex;
}

} // namespace tokendesk
