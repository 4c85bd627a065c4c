#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

namespace tokendesk {

struct Pkcs11Error;

/// The `tokendesk COMMAND ...` entry point, for scripts and tests.
class CommandLine
{
public:
    /// The commands that run without a window.
    static bool isCommand(const QString& word);
    /// `tokendesk --help`: the window's synopsis and every command with one line.
    static QString usage();
    /// Parses `arguments` (argv as given) and runs the command; returns the exit code.
    static int run(const QStringList& arguments);
    /// Replaces this process with tokendesk-accounts and run()'s arguments: for a command that
    /// finds it needs a directory (report with an ldap:// store). Returns only on failure (127).
    static int execAccounts();

    /// Reports an error as one sentence on stderr, and as {"error": ...} on stdout with --json. Returns 1.
    static QJsonObject errorJson(const QString& code, const QString& message);
    static int fail(bool json, const QString& code, const QString& message, QTextStream& out, QTextStream& err);
    /// fail() for a PKCS#11 error: its kind's name as the code, ErrorText's sentence. Returns 2
    /// (a usage error) for a URI that does not parse.
    static int fail(bool json, const Pkcs11Error& error, QTextStream& out, QTextStream& err);
};

} // namespace tokendesk
