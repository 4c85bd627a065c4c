#pragma once

#include "CliCommand.h"

#include <QString>
#include <memory>
#include <vector>

namespace tokendesk {

/// Every `tokendesk COMMAND`, in the order `tokendesk --help` lists them, with the program that
/// runs it: `tokendesk` itself, or tokendesk-accounts (pairing, directories, virtual tokens: the
/// commands that need libldap, libsss_certmap or the Secret Service, which `tokendesk` does not
/// link so that its other commands start fast; docs/ARCHITECTURE.md).
class CliRegistry
{
public:
    struct Entry
    {
        const char* name;
        const char* description; ///< untranslated ("CommandLine" context)
        bool accounts;           ///< runs in tokendesk-accounts
    };
    static const std::vector<Entry>& entries();
    static bool isCommand(const QString& name);
    /// The translated line of `tokendesk --help`; empty for no command.
    static QString description(const QString& name);
    /// The command when this program runs it; null when there is none, or when it is one of
    /// tokendesk-accounts' and this program does not have them (see runsElsewhere()).
    static CliCommand* find(const QString& name);
    /// Whether `name` is a command of tokendesk-accounts that this program does not link.
    static bool runsElsewhere(const QString& name);

    /// Set by tokendesk_cli_accounts in each program that links it (AccountCommands.cpp).
    using AccountsFactory = std::unique_ptr<CliCommand> (*)(const QString& name);
    static void setAccountsFactory(AccountsFactory factory);
};

} // namespace tokendesk
