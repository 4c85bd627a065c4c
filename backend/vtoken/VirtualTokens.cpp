#include "VirtualTokens.h"

#include "SoPinVault.h"
#include "backend/common/Logging.h"
#include "backend/pkcs11/ModuleRegistry.h"

#include <QProcess>
#include <QStandardPaths>

namespace tokendesk {

namespace {

/// softhsm2-util reads a few files; far longer than it takes.
constexpr int kToolTimeoutMs = 30000;

VirtualTokenError notFound(const QString& what)
{
    return VirtualTokenError::make(VirtualTokenError::Code::NotFound, what);
}

} // namespace

Result<VirtualTokens, VirtualTokenError> VirtualTokens::open()
{
    auto config = SoftHsmConfig::ensure();
    if (!config) {
        return config.error();
    }
    const QString path = SoftHsmConfig::modulePath();
    if (path.isEmpty()) {
        return VirtualTokenError::make(VirtualTokenError::Code::ModuleMissing);
    }
    ModuleRegistry::Options options;
    options.registered = false;
    options.environment = false;
    options.nssDatabase.clear();
    options.paths = {path};
    const ModuleRegistry registry(options);
    if (auto module = registry.module(path)) {
        return VirtualTokens(std::move(module));
    }
    for (const ModuleInfo& info : registry.modules()) {
        if (info.error) {
            return VirtualTokenError::fromPkcs11(*info.error);
        }
    }
    return VirtualTokenError::make(VirtualTokenError::Code::ModuleMissing, path);
}

bool VirtualTokens::validLabel(const QString& label)
{
    const QByteArray bytes = label.toUtf8();
    if (bytes.isEmpty() || bytes.size() > 32 || label.trimmed() != label) {
        return false; // SoftHSM pads with blanks: leading or trailing ones would not come back
    }
    for (const QChar c : label) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.isNonCharacter() || c.isSurrogate()) {
            return false;
        }
    }
    return true;
}

Result<QList<VirtualToken>, VirtualTokenError> VirtualTokens::list(bool withSoPinState) const
{
    const auto scan = m_module->scan();
    if (!scan) {
        return VirtualTokenError::fromPkcs11(scan.error());
    }
    QList<VirtualToken> tokens;
    for (const TokenInfo& token : scan.value().tokens) {
        if (!token.tokenInitialized) {
            continue; // SoftHSM's free slot
        }
        VirtualToken entry{token, false};
        if (withSoPinState) {
            auto stored = SoPinVault::read(token.serial);
            if (!stored) {
                return stored.error();
            }
            entry.soPinStored = stored.value().has_value();
        }
        tokens.append(entry);
    }
    return tokens;
}

Result<Pkcs11Token, VirtualTokenError> VirtualTokens::findExact(const QString& label) const
{
    auto all = list(false);
    if (!all) {
        return all.error();
    }
    for (const VirtualToken& entry : all.value()) {
        if (entry.token.label == label) {
            return Pkcs11Token(m_module, entry.token);
        }
    }
    return notFound(label);
}

Result<Pkcs11Token, VirtualTokenError> VirtualTokens::find(const QString& labelOrSerial) const
{
    auto all = list(false);
    if (!all) {
        return all.error();
    }
    for (const VirtualToken& entry : all.value()) {
        if (entry.token.label == labelOrSerial) {
            return Pkcs11Token(m_module, entry.token);
        }
    }
    for (const VirtualToken& entry : all.value()) {
        if (entry.token.serial == labelOrSerial) {
            return Pkcs11Token(m_module, entry.token);
        }
    }
    return notFound(labelOrSerial);
}

Result<Pkcs11Token, VirtualTokenError> VirtualTokens::create(const QString& label, const SecureBytes& userPin) const
{
    if (!validLabel(label)) {
        return VirtualTokenError::make(VirtualTokenError::Code::BadLabel, label);
    }
    const auto scan = m_module->scan();
    if (!scan) {
        return VirtualTokenError::fromPkcs11(scan.error());
    }
    std::optional<quint64> freeSlot;
    for (const TokenInfo& token : scan.value().tokens) {
        if (token.tokenInitialized && token.label == label) {
            return VirtualTokenError::make(VirtualTokenError::Code::LabelTaken, label);
        }
        if (!token.tokenInitialized && !freeSlot) {
            freeSlot = token.slot.slotId;
        }
    }
    if (!freeSlot) {
        return VirtualTokenError::make(VirtualTokenError::Code::NoFreeSlot);
    }
    const SecureBytes soPin = SoPinVault::generate();
    if (auto done = m_module->initToken(*freeSlot, soPin.bytes(), label.toUtf8()); !done) {
        return VirtualTokenError::fromPkcs11(done.error());
    }
    // SoftHSM moves an initialized token to a slot of its own: find it again, by its label.
    auto made = findExact(label);
    if (!made) {
        return made.error();
    }
    const Pkcs11Token token = made.value();
    qCInfo(lcPkcs11) << "made virtual token" << label << "serial" << token.info().serial;
    const auto undo = [&](VirtualTokenError error) -> VirtualTokenError {
        if (auto removed = remove(token.info()); !removed) {
            qCWarning(lcPkcs11) << "could not remove the half-made token" << token.info().serial << ":"
                                << removed.error().codeName() << removed.error().detail;
        }
        return error;
    };
    if (auto stored = SoPinVault::store(token.info().serial, soPin); !stored) {
        return undo(stored.error());
    }
    auto pinSet = token.withSession<Done>(
        [&](Pkcs11Session& session) -> Result<Done, Pkcs11Error> {
            if (auto login = session.login(Pkcs11Session::User::SecurityOfficer, soPin.bytes()); !login) {
                return login.error();
            }
            auto init = session.initPin(userPin.bytes());
            (void)session.logout();
            return init;
        },
        Pkcs11Session::Access::ReadWrite);
    if (!pinSet) {
        return undo(VirtualTokenError::fromPkcs11(pinSet.error()));
    }
    auto current = token.refresh();
    if (!current) {
        return undo(VirtualTokenError::fromPkcs11(current.error()));
    }
    return Pkcs11Token(m_module, current.value());
}

Status<VirtualTokenError> VirtualTokens::remove(const TokenInfo& token) const
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("softhsm2-util"));
    if (tool.isEmpty()) {
        return VirtualTokenError::make(VirtualTokenError::Code::ToolFailed,
                                       QStringLiteral("softhsm2-util is not installed"));
    }
    if (token.serial.isEmpty()) {
        return notFound(token.label);
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(tool, {QStringLiteral("--delete-token"), QStringLiteral("--serial"), token.serial});
    if (!process.waitForFinished(kToolTimeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(1000);
        }
        const QString said = QString::fromLocal8Bit(process.readAll()).trimmed();
        return VirtualTokenError::make(VirtualTokenError::Code::ToolFailed,
                                       said.isEmpty() ? process.errorString() : said);
    }
    qCInfo(lcPkcs11) << "removed virtual token" << token.label << "serial" << token.serial;
    return SoPinVault::remove(token.serial);
}

Status<VirtualTokenError> VirtualTokens::resetUserPin(const TokenInfo& info, const SecureBytes& newPin) const
{
    auto soPin = SoPinVault::read(info.serial);
    if (!soPin) {
        return soPin.error();
    }
    if (!soPin.value()) {
        return VirtualTokenError::make(VirtualTokenError::Code::SoPinMissing, info.label);
    }
    const Pkcs11Token token(m_module, info);
    auto done = token.withSession<Done>(
        [&](Pkcs11Session& session) -> Result<Done, Pkcs11Error> {
            if (auto login = session.login(Pkcs11Session::User::SecurityOfficer, soPin.value()->bytes()); !login) {
                return login.error();
            }
            auto init = session.initPin(newPin.bytes());
            (void)session.logout();
            return init;
        },
        Pkcs11Session::Access::ReadWrite);
    if (!done) {
        return VirtualTokenError::fromPkcs11(done.error());
    }
    return Done{};
}

} // namespace tokendesk
