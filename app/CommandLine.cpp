#include "CommandLine.h"

#include "AtrCommand.h"
#include "CertCommand.h"
#include "ReportCommand.h"
#include "WatchCommand.h"
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
    return {QStringLiteral("report"), QStringLiteral("atr"), QStringLiteral("watch"), QStringLiteral("cert")};
}
} // namespace

bool CommandLine::isCommand(const QString& word)
{
    return commands().contains(word);
}

QJsonObject CommandLine::errorJson(const QString& code, const QString& message)
{
    return QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
}

int CommandLine::fail(bool json, const QString& code, const QString& message, QTextStream& out, QTextStream& err)
{
    err << message << '\n';
    if (json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("error"), errorJson(code, message)}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
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
    // Every command that reaches tokens takes --module; TOKENDESK_MODULES does the same.
    const QCommandLineOption moduleOption(
        QStringLiteral("module"),
        QCoreApplication::translate("CommandLine", "Also load the PKCS#11 module PATH (repeatable)."),
        QStringLiteral("PATH"));
    parser.addOption(moduleOption);
    const QCommandLineOption allTokensOption(
        QStringLiteral("all-tokens"),
        QCoreApplication::translate(
            "CommandLine", "report: also the trust store's and the keyring's tokens, and uninitialized ones."));
    if (command == QLatin1String("report")) {
        parser.addOption(allTokensOption);
    }
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QCoreApplication::translate("CommandLine", "watch: exit after N events."),
                                         QStringLiteral("N"));
    if (command == QLatin1String("watch")) {
        parser.addOption(countOption);
    }
    const QCommandLineOption outputOption(
        QStringList{QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("CommandLine", "cert export: write the certificate to FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption derOption(QStringLiteral("der"),
                                       QCoreApplication::translate("CommandLine", "cert export: DER instead of PEM."));
    if (command == QLatin1String("cert")) {
        parser.addOption(outputOption);
        parser.addOption(derOption);
    }
    parser.addPositionalArgument(command, QCoreApplication::translate("CommandLine", "The command."));
    if (command == QLatin1String("cert")) {
        parser.addPositionalArgument(
            QStringLiteral("show|export"),
            QCoreApplication::translate("CommandLine", "show FILE: the certificate's details; export FILE -o OUT."));
        parser.addPositionalArgument(QStringLiteral("FILE"),
                                     QCoreApplication::translate("CommandLine", "A certificate file, PEM or DER."));
    }
    if (command == QLatin1String("atr")) {
        parser.addPositionalArgument(
            QStringLiteral("HEX"),
            QCoreApplication::translate("CommandLine", "The ATR in hex; spaces and colons are allowed."),
            QStringLiteral("HEX..."));
    }

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
    // `atr` takes the ATR as arguments: "3B8F8001..." or, like ATR_analysis, "3B 8F 80 01 ...".
    const bool takesArguments = command == QLatin1String("atr") || command == QLatin1String("cert");
    if (command == QLatin1String("atr") && parser.positionalArguments().isEmpty()) {
        err << QCoreApplication::translate("CommandLine", "Missing argument: the ATR in hex, e.g. %1")
                   .arg(QStringLiteral("tokendesk atr 3B8F8001804F0CA000000306030001000000006A"))
            << '\n';
        return kUsageError;
    }
    if (!takesArguments && !parser.positionalArguments().isEmpty()) {
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

    if (command == QLatin1String("atr")) {
        return AtrCommand(smartcardList).run(parser.positionalArguments().join(QLatin1Char(' ')), json, out, err);
    }
    if (command == QLatin1String("cert")) {
        CertCommand::Options options;
        options.arguments = parser.positionalArguments();
        options.output = parser.value(outputOption);
        options.der = parser.isSet(derOption);
        options.json = json;
        return CertCommand::run(options, out, err);
    }
    if (command == QLatin1String("watch")) {
        bool ok = true;
        const int count = parser.isSet(countOption) ? parser.value(countOption).toInt(&ok) : 0;
        if (!ok || count < 0) {
            err << QCoreApplication::translate("CommandLine", "--count takes a number of events.") << '\n';
            return kUsageError;
        }
        return WatchCommand(smartcardList, json, count, out).run();
    }
    if (command == QLatin1String("report")) {
        ReportCommand report(smartcardList);
        ModuleRegistry::Options modules;
        modules.paths = parser.values(moduleOption);
        report.setModuleOptions(modules);
        report.setAllTokens(parser.isSet(allTokensOption));
        return report.run(json, out, err);
    }
    err << QCoreApplication::translate("CommandLine", "Unknown command: %1").arg(command) << '\n';
    return kUsageError;
}

} // namespace tokendesk
