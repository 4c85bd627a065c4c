#include "SystemReport.h"

#include "TokenCertificateReport.h"
#include "backend/atr/SmartcardList.h"
#include "backend/pcsc/CardDetails.h"
#include "backend/pcsc/PcscContext.h"
#include "backend/pkcs11/TokenReader.h"
#include "models/ErrorText.h"
#include "models/PairingText.h"
#include "models/PinText.h"

#include <QJsonArray>
#include <QSet>
#include <cerrno>
#include <future>
#include <system_error>

namespace tokendesk {

namespace {
QString cardStateName(ReaderInfo::CardState state)
{
    switch (state) {
    case ReaderInfo::CardState::Absent:
        return QStringLiteral("absent");
    case ReaderInfo::CardState::Present:
        return QStringLiteral("present");
    case ReaderInfo::CardState::Mute:
        return QStringLiteral("mute");
    case ReaderInfo::CardState::Unavailable:
        return QStringLiteral("unavailable");
    }
    return {};
}

QJsonObject pkcs11ErrorJson(const Pkcs11Error& error)
{
    QJsonObject o = SystemReport::errorJson(error.codeName(), ErrorText::pkcs11(error));
    o.insert(QStringLiteral("kind"), Pkcs11Error::kindName(error.kind));
    o.insert(QStringLiteral("function"), error.function);
    o.insert(QStringLiteral("detail"), error.detail);
    if (error.kind == Pkcs11Error::Kind::ModuleCrashed) {
        o.insert(QStringLiteral("signal"), error.signal);
    }
    if (error.kind == Pkcs11Error::Kind::ModuleHung) {
        o.insert(QStringLiteral("timeout_ms"), error.timeoutMs);
    }
    return o;
}

QJsonObject pinJson(const PinFlags& pin)
{
    // tries_left: PKCS#11 has only the flags; the PIN status reads counters where the card has them.
    return QJsonObject{{QStringLiteral("tries_left"), QJsonValue()},
                       {QStringLiteral("low"), pin.countLow},
                       {QStringLiteral("final_try"), pin.finalTry},
                       {QStringLiteral("locked"), pin.locked},
                       {QStringLiteral("to_be_changed"), pin.toBeChanged}};
}

QJsonValue length(qint64 value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}

} // namespace

SystemReport SystemReport::gather(const SmartcardList& smartcardList, const Options& options,
                                  std::shared_ptr<const ModuleRegistry> registry)
{
    SystemReport report(smartcardList);
    // Drivers need no pcscd: a report made while pcscd is down still has them,
    // which is when a helpdesk needs it most.
    // The readers and the drivers are read beside the PKCS#11 half: neither needs the other,
    // and each waits on its own middleware. (The readers' part 10 features come after it: an
    // SCardControl while OpenSC holds a card's transaction meets a sharing violation.)
    // With no module to load (`report --no-registered`, say) this thread has nothing to do
    // meanwhile: both parts run on it when asked for, without the threads' start and wake-ups
    // (0.6 ms of that report's 4.8 ms, perf stat; docs/BENCHMARKS.md, bench_cli_startup).
    const auto launch = !registry && options.modules.loadsNone() ? std::launch::deferred : std::launch::async;
    auto pcscPart = std::async(launch, [] { return std::make_pair(scanReaders(), ReaderDrivers::scan()); });
    // The pairing stores too: files only, read while the modules load.
    auto pairingPart = std::async(launch, [&options] { return PairingIndex::load(options.pairings); });
    // Modules and tokens need no pcscd either (SoftHSM, the trust store).
    // The window's registry when there is one: a second one would load every module again.
    // One of its own lists each module's slots as soon as that module has started: OpenSC's
    // card detection (~10 ms) while SoftHSM still reads its object files.
    const bool ownRegistry = !registry;
    if (ownRegistry) {
        ModuleRegistry::Options modules = options.modules;
        modules.scanWhenLoaded = true;
        registry = std::make_shared<const ModuleRegistry>(modules);
    }
    const TokenScan scan = ownRegistry ? registry->loadScan() : registry->scan();
    report.m_modules = registry->modules();
    report.m_slotListErrors = scan.errors;
    QSet<QString> hiddenModules;
    for (const ModuleInfo& module : std::as_const(report.m_modules)) {
        if (module.system) {
            hiddenModules.insert(module.path);
        }
    }
    for (const TokenInfo& token : scan.tokens) {
        // SoftHSM's free slot holds an uninitialized token: not one to manage (p11tool hides it too).
        if (options.allTokens || (!hiddenModules.contains(token.modulePath) && token.tokenInitialized)) {
            report.m_tokens.append(token);
        }
    }
    // What each listed token shows without login; "key expected" where it hides its keys.
    report.m_contents = TokenReader::readAll(*registry, report.m_tokens);
    // An isolated module whose process crashed or stopped answering at any call (reading a
    // token's objects, say): the module says why, beside its token's read_error.
    for (const ModuleInfo& module : std::as_const(report.m_modules)) {
        if (const auto loaded = registry->module(module.path)) {
            if (auto failure = loaded->hostFailure()) {
                report.m_hostFailures.insert(module.path, std::move(*failure));
            }
        }
    }
    auto pcsc = pcscPart.get();
    report.m_pairings = pairingPart.get();
    report.m_readers = std::move(pcsc.first);
    report.m_drivers = std::move(pcsc.second);
    for (const ReaderInfo& reader : report.m_readers.valueOr({})) {
        if (auto details = readCardDetails(reader.name)) {
            report.m_features.insert(reader.name, details.value().features);
        }
    }
    report.m_now = QDateTime::currentDateTimeUtc();
    if (ownRegistry && options.finalizeWhileWritten && !registry->loaded().empty()) {
        try {
            report.m_modulesReleased =
                std::async(std::launch::async, [modules = std::move(registry)]() mutable { modules.reset(); }).share();
        } catch (const std::system_error&) {
            registry.reset(); // no thread to be had: here, now
        }
    }
    return report;
}

void SystemReport::waitForModules() const
{
    if (m_modulesReleased.valid()) {
        m_modulesReleased.wait();
    }
}

QJsonObject SystemReport::errorJson(const QString& code, const QString& message)
{
    return QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
}

QJsonObject SystemReport::toJson(const SerialMask& mask, bool certificates) const
{
    const auto& readers = m_readers;
    QJsonArray readerArray;
    for (const ReaderInfo& reader : readers.valueOr({})) {
        const auto features = m_features.constFind(reader.name);
        readerArray.append(readerJson(
            reader, features != m_features.cend() ? std::optional<ReaderFeatures>(*features) : std::nullopt, mask));
    }
    QJsonArray driverArray;
    for (const ReaderDriver& driver : m_drivers) {
        driverArray.append(driverJson(driver));
    }
    QJsonObject report{{QStringLiteral("readers"), readerArray}, {QStringLiteral("reader_drivers"), driverArray}};
    QJsonArray moduleArray;
    for (const ModuleInfo& module : m_modules) {
        QJsonObject o = moduleJson(module);
        for (const Pkcs11Error& error : m_slotListErrors) {
            if (error.detail == module.path) {
                o.insert(QStringLiteral("slot_list_error"), pkcs11ErrorJson(error));
            }
        }
        if (const auto failure = m_hostFailures.constFind(module.path); failure != m_hostFailures.cend()) {
            o.insert(QStringLiteral("failure"), pkcs11ErrorJson(*failure));
        }
        moduleArray.append(o);
    }
    QJsonArray tokenArray;
    for (const TokenInfo& token : m_tokens) {
        QJsonObject o = tokenJson(token, mask);
        // The card pulled mid-read, a module failing: the token stays, its certificates are missing.
        for (const TokenContents& c : m_contents) {
            if (c.key() == token.key() && c.error) {
                o.insert(QStringLiteral("read_error"), pkcs11ErrorJson(*c.error));
            }
            // A PIV card tells its PIN's tries left (read over PC/SC, none spent).
            if (c.key() == token.key() && c.pivPin && c.pivPin->triesLeft >= 0) {
                QJsonObject pin = o.value(QStringLiteral("pin")).toObject();
                pin.insert(QStringLiteral("tries_left"), c.pivPin->triesLeft);
                o.insert(QStringLiteral("pin"), pin);
            }
        }
        tokenArray.append(o);
    }
    QJsonArray certificateArray;
    if (certificates) {
        for (const auto& [token, entry] : certificateEntries()) {
            certificateArray.append(certificateJson(*token, *entry, mask));
        }
    }
    // When: a report attached to a ticket is read later (and validity depends on it).
    report.insert(QStringLiteral("generated"), generated());
    report.insert(QStringLiteral("modules"), moduleArray);
    report.insert(QStringLiteral("tokens"), tokenArray);
    report.insert(QStringLiteral("certificates"), certificateArray);
    // A store that could not be read (a configuration that is not there is no news).
    QJsonArray pairingErrors;
    for (const PairingError& e : m_pairings.errors()) {
        if (e.code != PairingError::Code::ConfigUnreadable || e.osError != ENOENT) {
            pairingErrors.append(errorJson(e.codeName(), PairingText::error(e)));
        }
    }
    if (!pairingErrors.isEmpty()) {
        report.insert(QStringLiteral("pairing_errors"), pairingErrors);
    }
    if (!readers) {
        report.insert(QStringLiteral("error"), errorJson(readers.error().codeName(), ErrorText::pcsc(readers.error())));
    }
    return report;
}

QList<QPair<const TokenInfo*, const CertificateEntry*>> SystemReport::certificateEntries() const
{
    QList<QPair<const TokenInfo*, const CertificateEntry*>> entries;
    for (const TokenContents& c : m_contents) {
        for (const CertificateEntry& entry : c.certificates) {
            entries.append({&c.token, &entry});
        }
    }
    return entries;
}

QJsonObject SystemReport::certificateJson(const TokenInfo& token, const CertificateEntry& entry,
                                          const SerialMask& mask) const
{
    return certificateFields(token, entry, mask).toObject();
}

JsonFields SystemReport::certificateFields(const TokenInfo& token, const CertificateEntry& entry,
                                           const SerialMask& mask) const
{
    JsonFields o = TokenCertificateReport::fields(token, entry, m_now, mask);
    if (entry.info && !m_pairings.isEmpty()) {
        QJsonArray pairings;
        for (const Pairing& pairing : m_pairings.pairingsOf(*entry.info)) {
            QJsonObject p = PairingText::json(pairing);
            if (p.value(QStringLiteral("subject")).isString()) {
                p.insert(QStringLiteral("subject"),
                         mask.distinguishedName(p.value(QStringLiteral("subject")).toString()));
            }
            pairings.append(p);
        }
        o.insert(QStringLiteral("pairings"), pairings);
    }
    return o;
}

void SystemReport::printText(QTextStream& out, const SerialMask& mask) const
{
    out << outline(mask).toText();
}

ReportOutline SystemReport::outline(const SerialMask& mask) const
{
    ReportOutline out;
    out.add(0, QCoreApplication::translate("ReportCommand", "Report made %1").arg(generated()));
    const auto& readers = m_readers;
    if (readers) {
        out.add(0, QCoreApplication::translate("ReportCommand", "Readers (%n):", nullptr, readers.value().size()));
        for (const ReaderInfo& reader : readers.value()) {
            addReaderText(reader, mask, out);
        }
    }
    out.add(0, QCoreApplication::translate("ReportCommand", "Reader drivers (%n):", nullptr, m_drivers.size()));
    for (const ReaderDriver& driver : m_drivers) {
        addDriverText(driver, out);
    }
    out.add(0, QCoreApplication::translate("ReportCommand", "PKCS#11 modules (%n):", nullptr, int(m_modules.size())));
    for (const ModuleInfo& module : m_modules) {
        addModuleText(module, out);
        // Its slot list failed, or (isolated) its process died: why it shows no token.
        bool told = module.error.has_value();
        for (const Pkcs11Error& error : m_slotListErrors) {
            if (error.detail == module.path && !module.error) {
                out.add(2, ErrorText::pkcs11(error));
                told = true;
            }
        }
        // Its process died later, reading a token: once, here.
        if (const auto failure = m_hostFailures.constFind(module.path); failure != m_hostFailures.cend() && !told) {
            out.add(2, ErrorText::pkcs11(*failure));
        }
    }
    out.add(0, QCoreApplication::translate("ReportCommand", "Tokens (%n):", nullptr, int(m_tokens.size())));
    for (const TokenInfo& token : m_tokens) {
        addTokenText(token, mask, out);
    }
    qsizetype certificateCount = 0;
    for (const TokenContents& c : m_contents) {
        certificateCount += c.certificates.size();
    }
    out.add(0, QCoreApplication::translate("ReportCommand", "Certificates (%n):", nullptr, int(certificateCount)));
    for (const TokenContents& c : m_contents) {
        if (c.certificates.isEmpty() && !c.error) {
            continue;
        }
        out.add(1, QCoreApplication::translate("ReportCommand", "on %1 (serial %2):")
                       .arg(c.token.label, mask.serial(c.token.serial)));
        if (c.error) {
            out.add(2, ErrorText::pkcs11(*c.error));
        }
        for (const CertificateEntry& entry : c.certificates) {
            TokenCertificateReport::addText(entry, m_now, mask, out);
        }
    }
    return out;
}

QStringList SystemReport::serials() const
{
    QStringList serials;
    for (const TokenInfo& token : m_tokens) {
        serials.append(token.serial);
    }
    for (const TokenContents& c : m_contents) {
        for (const CertificateEntry& entry : c.certificates) {
            if (entry.info) {
                serials.append(entry.info->serial);
            }
        }
    }
    serials.removeDuplicates();
    return serials;
}

QString SystemReport::generated() const
{
    return m_now.toString(Qt::ISODate);
}

QJsonObject SystemReport::readerJson(const ReaderInfo& reader, const std::optional<ReaderFeatures>& features,
                                     const SerialMask& mask) const
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), mask.readerName(reader.name));
    o.insert(QStringLiteral("card_present"), reader.cardPresent());
    o.insert(QStringLiteral("card_state"), cardStateName(reader.cardState));
    o.insert(QStringLiteral("atr"), reader.cardPresent() ? QJsonValue(atrToHex(reader.atr)) : QJsonValue());
    o.insert(QStringLiteral("card_names"), QJsonArray::fromStringList(m_smartcardList->cardNames(reader.atr)));
    o.insert(QStringLiteral("in_use"), reader.inUse);
    o.insert(QStringLiteral("exclusive"), reader.exclusive);
    o.insert(QStringLiteral("event_count"), reader.eventCount);
    // Part 10 features: what the reader can do itself (a PIN pad, a display).
    QJsonArray featureNames;
    if (features) {
        for (auto it = features->controlCodes.cbegin(); it != features->controlCodes.cend(); ++it) {
            featureNames.append(ReaderFeatures::featureName(it.key()));
        }
    }
    o.insert(QStringLiteral("features"), featureNames);
    o.insert(QStringLiteral("pinpad"), features && features->hasPinpad());
    return o;
}

QJsonObject SystemReport::driverJson(const ReaderDriver& driver)
{
    QJsonObject o;
    const bool bundle = driver.kind == ReaderDriver::Kind::Bundle;
    o.insert(QStringLiteral("kind"), bundle ? QStringLiteral("bundle") : QStringLiteral("serial"));
    o.insert(QStringLiteral("id"), driver.id);
    o.insert(QStringLiteral("path"), driver.path);
    o.insert(QStringLiteral("library"), driver.library);
    if (bundle) {
        o.insert(QStringLiteral("version"), driver.version);
        o.insert(QStringLiteral("product"), driver.product);
        o.insert(QStringLiteral("manufacturer"), driver.manufacturer);
        o.insert(QStringLiteral("supported_readers"), driver.supportedReaders);
    } else {
        o.insert(QStringLiteral("device"), driver.device);
        o.insert(QStringLiteral("channel_id"), static_cast<qint64>(driver.channelId));
    }
    switch (driver.problem) {
    case ReaderDriver::Problem::None:
        o.insert(QStringLiteral("problem"), QJsonValue());
        break;
    case ReaderDriver::Problem::UnreadableInfo:
        o.insert(QStringLiteral("problem"), QStringLiteral("unreadable_info_plist"));
        break;
    case ReaderDriver::Problem::MissingLibrary:
        o.insert(QStringLiteral("problem"), QStringLiteral("missing_library"));
        break;
    }
    return o;
}

void SystemReport::addDriverText(const ReaderDriver& driver, ReportOutline& out)
{
    if (driver.kind == ReaderDriver::Kind::Bundle) {
        out.add(1, QStringLiteral("%1:%2 (%3)").arg(driver.id, driver.version, driver.path));
    } else {
        out.add(1, QStringLiteral("%1 (%2, %3)").arg(driver.id, driver.library, driver.device));
    }
    if (driver.problem == ReaderDriver::Problem::MissingLibrary) {
        out.add(2, QCoreApplication::translate("ReportCommand", "driver library missing: %1").arg(driver.library));
    } else if (driver.problem == ReaderDriver::Problem::UnreadableInfo) {
        out.add(2, QCoreApplication::translate("ReportCommand", "Info.plist unreadable"));
    }
}

void SystemReport::addReaderText(const ReaderInfo& reader, const SerialMask& mask, ReportOutline& out) const
{
    out.add(1, mask.readerName(reader.name));
    if (!reader.cardPresent()) {
        out.add(2, QCoreApplication::translate("ReportCommand", "no card"));
        return;
    }
    out.add(2, QStringLiteral("ATR: ") + atrToHex(reader.atr));
    const QStringList names = m_smartcardList->cardNames(reader.atr);
    for (const QString& name : names) {
        out.add(2, QCoreApplication::translate("ReportCommand", "card: %1").arg(name));
    }
}

QJsonObject SystemReport::moduleJson(const ModuleInfo& module)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), module.name);
    o.insert(QStringLiteral("path"), module.path);
    o.insert(QStringLiteral("registered"), module.registered);
    o.insert(QStringLiteral("system"), module.system);
    o.insert(QStringLiteral("isolated"), module.isolated);
    o.insert(QStringLiteral("error"), module.error ? QJsonValue(pkcs11ErrorJson(*module.error)) : QJsonValue());
    if (module.ok()) {
        o.insert(QStringLiteral("description"), module.description);
        o.insert(QStringLiteral("manufacturer"), module.manufacturer);
        o.insert(QStringLiteral("library_version"), module.libraryVersion.toString());
        o.insert(QStringLiteral("cryptoki_version"), module.cryptokiVersion.toString());
        o.insert(QStringLiteral("uri"), module.uri);
    }
    return o;
}

QJsonObject SystemReport::tokenJson(const TokenInfo& token, const SerialMask& mask)
{
    QJsonObject o;
    o.insert(QStringLiteral("label"), token.label);
    o.insert(QStringLiteral("serial"), mask.serial(token.serial));
    o.insert(QStringLiteral("module"), token.moduleName);
    o.insert(QStringLiteral("module_path"), token.modulePath);
    o.insert(QStringLiteral("uri"), mask.uri(token.uri));
    o.insert(QStringLiteral("manufacturer"), token.manufacturer);
    o.insert(QStringLiteral("model"), token.model);
    o.insert(QStringLiteral("hardware_version"), token.hardwareVersion);
    o.insert(QStringLiteral("firmware_version"), token.firmwareVersion);
    o.insert(QStringLiteral("slot"),
             QJsonObject{{QStringLiteral("id"), static_cast<qint64>(token.slot.slotId)},
                         {QStringLiteral("description"), mask.readerName(token.slot.description)},
                         {QStringLiteral("removable"), token.slot.removable},
                         {QStringLiteral("hardware"), token.slot.hardware}});
    o.insert(QStringLiteral("flags"),
             QJsonObject{{QStringLiteral("login_required"), token.loginRequired},
                         {QStringLiteral("protected_authentication_path"), token.protectedAuthenticationPath},
                         {QStringLiteral("user_pin_initialized"), token.userPinInitialized},
                         {QStringLiteral("token_initialized"), token.tokenInitialized},
                         {QStringLiteral("write_protected"), token.writeProtected},
                         {QStringLiteral("rng"), token.rng}});
    o.insert(QStringLiteral("pin"), pinJson(token.userPin));
    o.insert(QStringLiteral("so_pin"), pinJson(token.soPin));
    o.insert(QStringLiteral("min_pin_length"), length(token.minPinLength));
    o.insert(QStringLiteral("max_pin_length"), length(token.maxPinLength));
    return o;
}

void SystemReport::addModuleText(const ModuleInfo& module, ReportOutline& out)
{
    out.add(1, QStringLiteral("%1 (%2)").arg(module.name, module.path));
    if (module.error) {
        out.add(2, ErrorText::pkcs11(*module.error));
        return;
    }
    out.add(2,
            QStringLiteral("%1, %2 %3").arg(module.description, module.manufacturer, module.libraryVersion.toString()));
}

void SystemReport::addTokenText(const TokenInfo& token, const SerialMask& mask, ReportOutline& out)
{
    out.add(1, token.label);
    out.add(2, QCoreApplication::translate("ReportCommand", "serial: %1").arg(mask.serial(token.serial)));
    out.add(2, QCoreApplication::translate("ReportCommand", "model: %1 (%2)").arg(token.model, token.manufacturer));
    out.add(2, QCoreApplication::translate("ReportCommand", "slot: %1").arg(mask.readerName(token.slot.description)));
    out.add(2, QCoreApplication::translate("ReportCommand", "module: %1").arg(token.moduleName));
    out.add(2, QCoreApplication::translate("ReportCommand", "PIN: %1", "PIN the noun")
                   .arg(PinText::reportState(token.userPin)));
    out.add(2, QStringLiteral("URI: ") + mask.uri(token.uri));
}

} // namespace tokendesk
