#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace tokendesk {

class SmartcardList;

/// What every command gets: its streams, --json, and the card list (loaded on first use).
class CliContext
{
public:
    CliContext(QTextStream& out, QTextStream& err, bool json);
    ~CliContext();
    CliContext(const CliContext&) = delete;
    CliContext& operator=(const CliContext&) = delete;

    QTextStream& out;
    QTextStream& err;
    const bool json;
    /// pcsc-tools' list, or `chosenPath` (--smartcard-list) when not empty; null after an error
    /// already reported (its exit code in *exit).
    const SmartcardList* smartcardList(const QString& chosenPath, int* exit);

private:
    SmartcardList* m_list = nullptr;
};

/// One `tokendesk COMMAND` (KeePassXC's cli/Command): its name, one line for `tokendesk --help`,
/// the options and arguments only it takes, and run(). Adding a command is a new class in app/cli/
/// and one line in CliRegistry (its name, its line, the program that runs it). --json and --help
/// every command has.
class CliCommand
{
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    /// The line of `tokendesk --help`, from CliRegistry's table.
    QString description() const;
    virtual void addOptions(QCommandLineParser& parser) = 0;
    /// The exit code: 0, 1 for a failure (said by CommandLine::fail), 2 for a usage error.
    virtual int run(const QCommandLineParser& parser, CliContext& context) = 0;

protected:
    static constexpr int kUsageError = 2;
    /// Says `message` on stderr and returns kUsageError.
    static int usage(CliContext& context, const QString& message);
    /// For commands without arguments: 0 when there are none, else the usage error said.
    static int refuseArguments(const QCommandLineParser& parser, CliContext& context);
    /// The card list of --smartcard-list (added by smartcardListOption()) or pcsc-tools'; null
    /// after the error was said, its exit code in *exit.
    static const SmartcardList* cardList(const QCommandLineParser& parser, CliContext& context, int* exit);
    /// --module PATH (repeatable), for the commands that reach tokens.
    static QCommandLineOption moduleOption();
    /// --smartcard-list FILE, for the commands that name cards.
    static QCommandLineOption smartcardListOption();
};

} // namespace tokendesk
