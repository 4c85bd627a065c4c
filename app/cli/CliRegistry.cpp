#include "CliRegistry.h"

#include "AtrCli.h"
#include "CertCli.h"
#include "PinCli.h"
#include "ReportCli.h"
#include "WatchCli.h"

#include <QCoreApplication>

namespace tokendesk {

namespace {

CliRegistry::AccountsFactory accountsFactory = nullptr;

std::unique_ptr<CliCommand> make(const QString& name)
{
    if (name == QLatin1String("report")) {
        return std::make_unique<ReportCli>();
    }
    if (name == QLatin1String("watch")) {
        return std::make_unique<WatchCli>();
    }
    if (name == QLatin1String("atr")) {
        return std::make_unique<AtrCli>();
    }
    if (name == QLatin1String("cert")) {
        return std::make_unique<CertCli>();
    }
    if (name == QLatin1String("pin")) {
        return std::make_unique<PinCli>();
    }
    return accountsFactory ? accountsFactory(name) : nullptr;
}

const CliRegistry::Entry* entry(const QString& name)
{
    for (const CliRegistry::Entry& e : CliRegistry::entries()) {
        if (name == QLatin1String(e.name)) {
            return &e;
        }
    }
    return nullptr;
}

} // namespace

const std::vector<CliRegistry::Entry>& CliRegistry::entries()
{
    static const std::vector<Entry> all = {
        {"report", QT_TRANSLATE_NOOP("CommandLine", "readers, cards, PKCS#11 modules, tokens and certificates"), false},
        {"watch", QT_TRANSLATE_NOOP("CommandLine", "one line per reader, card and service event"), false},
        {"atr", QT_TRANSLATE_NOOP("CommandLine", "analyse an ATR: every byte, protocols, card names"), false},
        {"cert", QT_TRANSLATE_NOOP("CommandLine", "show, export or test a certificate (file or pkcs11: URI)"), false},
        {"pin", QT_TRANSLATE_NOOP("CommandLine", "PIN and PUK state; change the PIN or PUK; unblock the PIN"), false},
        {"pair", QT_TRANSLATE_NOOP("CommandLine", "pair a certificate with an account (--user, --cert)"), true},
        {"unpair",
         QT_TRANSLATE_NOOP("CommandLine", "unpair an account's certificate (--cert), or all of its certificates"),
         true},
        {"pairings", QT_TRANSLATE_NOOP("CommandLine", "list every pairing of the stores pam_pkcs11 reads"), true},
        {"whois",
         QT_TRANSLATE_NOOP("CommandLine", "who logs in with this card (a token's URI), by pam_pkcs11's mappers"), true},
        {"import-p12",
         QT_TRANSLATE_NOOP("CommandLine", "import a PKCS#12 file into a virtual token (--token LABEL [--create])"),
         true},
        {"vtoken",
         QT_TRANSLATE_NOOP("CommandLine", "virtual tokens (SoftHSM2): list, create, delete, reset-pin, browsers"),
         true},
    };
    return all;
}

bool CliRegistry::isCommand(const QString& name)
{
    return entry(name) != nullptr;
}

QString CliRegistry::description(const QString& name)
{
    const Entry* e = entry(name);
    return e ? QCoreApplication::translate("CommandLine", e->description) : QString();
}

CliCommand* CliRegistry::find(const QString& name)
{
    // One command runs per process: made when asked, kept for the process.
    static std::vector<std::unique_ptr<CliCommand>> made;
    for (const auto& command : made) {
        if (command->name() == name) {
            return command.get();
        }
    }
    if (!entry(name)) {
        return nullptr;
    }
    std::unique_ptr<CliCommand> command = make(name);
    if (!command) {
        return nullptr;
    }
    made.push_back(std::move(command));
    return made.back().get();
}

bool CliRegistry::runsElsewhere(const QString& name)
{
    const Entry* e = entry(name);
    return e && e->accounts && !accountsFactory;
}

void CliRegistry::setAccountsFactory(AccountsFactory factory)
{
    accountsFactory = factory;
}

} // namespace tokendesk
