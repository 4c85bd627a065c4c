#include "CommandLine.h"

#include "ReportCommand.h"
#include "backend/atr/SmartcardList.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace tokendesk {

namespace {
constexpr int kUsageError = 2;

QStringList commands()
{
    return {QStringLiteral("report")};
}
} // namespace

bool CommandLine::isCommand(const QString& word)
{
    return commands().contains(word);
}

int CommandLine::fail(bool json, const QString& code, const QString& message, QTextStream& out, QTextStream& err)
{
    err << message << '\n';
    if (json) {
        const QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
        out << QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact) << '\n';
    }
    return 1;
}

int CommandLine::run(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString command = arguments.value(1);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("CommandLine", "TokenDesk %1").arg(command));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("CommandLine", "Print one JSON document."));
    const QCommandLineOption listOption(
        QStringLiteral("smartcard-list"),
        QCoreApplication::translate("CommandLine", "Card names from FILE instead of %1.")
            .arg(SmartcardList::defaultPath()),
        QStringLiteral("FILE"));
    parser.addOption(jsonOption);
    parser.addOption(listOption);
    parser.addPositionalArgument(command, QCoreApplication::translate("CommandLine", "The command."));

    QStringList args = arguments;
    args.removeAt(1); // the command word; the rest are its options
    if (!parser.parse(args)) {
        err << parser.errorText() << '\n';
        return kUsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << QCoreApplication::translate("CommandLine", "Unexpected argument: %1")
                   .arg(parser.positionalArguments().constFirst())
            << '\n';
        return kUsageError;
    }
    const bool json = parser.isSet(jsonOption);

    SmartcardList smartcardList;
    const QString listPath = parser.isSet(listOption) ? parser.value(listOption) : SmartcardList::defaultPath();
    if (!smartcardList.load(listPath) && parser.isSet(listOption)) {
        return fail(json, QStringLiteral("smartcard_list_unreadable"),
                    QCoreApplication::translate("CommandLine", "Cannot read the card list %1.").arg(listPath), out,
                    err);
    }

    if (command == QLatin1String("report")) {
        return ReportCommand(smartcardList).run(json, out, err);
    }
    err << QCoreApplication::translate("CommandLine", "Unknown command: %1").arg(command) << '\n';
    return kUsageError;
}

} // namespace tokendesk
