#include "CommandLine.h"

#include "AtrCommand.h"
#include "CertCommand.h"
#include "CertTestCommand.h"
#include "PinCommand.h"
#include "ReportCommand.h"
#include "WatchCommand.h"
#include "backend/atr/SmartcardList.h"
#include "backend/pkcs11/Pkcs11Error.h"
#include "models/ErrorText.h"
#include "models/PrintableText.h"
#include "models/TerminalSafeDevice.h"

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
    return {QStringLiteral("report"), QStringLiteral("atr"), QStringLiteral("watch"), QStringLiteral("cert"),
            QStringLiteral("pin")};
}
} // namespace

bool CommandLine::isCommand(const QString& word)
{
    return commands().contains(word);
}

QString CommandLine::usage()
{
    const auto tr = [](const char* text) {
        return QCoreApplication::translate("CommandLine", text);
    };
    const QList<std::pair<QString, QString>> lines{
        {QStringLiteral("report"), tr("readers, cards, PKCS#11 modules, tokens and certificates")},
        {QStringLiteral("watch"), tr("one line per reader, card and service event")},
        {QStringLiteral("atr"), tr("analyse an ATR: every byte, protocols, card names")},
        {QStringLiteral("cert"), tr("show, export or test a certificate (file or pkcs11: URI)")},
        {QStringLiteral("pin"), tr("PIN and PUK state; change the PIN or PUK; unblock the PIN")}};
    QString text = tr("Usage: tokendesk [--module PATH] [FILE]   the window\n"
                      "       tokendesk COMMAND [--help] ...      a command:\n");
    for (const auto& [name, description] : lines) {
        text += QStringLiteral("  %1 %2\n").arg(name.leftJustified(8), description);
    }
    return text;
}

QJsonObject CommandLine::errorJson(const QString& code, const QString& message)
{
    return QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
}

int CommandLine::fail(bool json, const QString& code, const QString& message, QTextStream& out, QTextStream& err)
{
    // Whatever a sentence quotes from input was escaped where it was written; this is the last
    // guard: no control character (or name byte that is not UTF-8) reaches the terminal or the JSON.
    const QString safe = PrintableText::controls(message);
    err << safe << '\n';
    if (json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("error"), errorJson(code, safe)}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
    }
    return 1;
}

int CommandLine::fail(bool json, const Pkcs11Error& error, QTextStream& out, QTextStream& err)
{
    const int code = fail(json, Pkcs11Error::kindName(error.kind), ErrorText::pkcs11(error), out, err);
    // A URI that does not parse is a mistake in the command, like an unknown option.
    return error.kind == Pkcs11Error::Kind::InvalidUri ? kUsageError : code;
}

int CommandLine::run(const QStringList& arguments)
{
    // Whatever a command prints from a token or a file reaches the terminal without control bytes.
    TerminalSafeDevice standardOutput(stdout);
    TerminalSafeDevice standardError(stderr);
    QTextStream out(&standardOutput);
    QTextStream err(&standardError);
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
    const QCommandLineOption finalTryOption(
        QStringLiteral("final-try"),
        QCoreApplication::translate("CommandLine",
                                    "cert test, pin: allow the last try of a PIN or PUK that comes from stdin."));
    if (command == QLatin1String("cert")) {
        parser.addOption(outputOption);
        parser.addOption(derOption);
        parser.addOption(finalTryOption);
    }
    const QCommandLineOption soOption(
        QStringLiteral("so"),
        QCoreApplication::translate("CommandLine", "pin change: the SO PIN / PUK instead of the PIN."));
    if (command == QLatin1String("pin")) {
        parser.addOption(soOption);
        parser.addOption(finalTryOption);
        parser.addPositionalArgument(
            QStringLiteral("status|change|unblock"),
            QCoreApplication::translate(
                "CommandLine", "status: PIN and PUK / SO PIN state with tries left; change: current, then new; "
                               "unblock: PUK / SO PIN, then a new PIN. Secrets from the terminal, or one per line "
                               "on stdin."));
        parser.addPositionalArgument(QStringLiteral("URI"),
                                     QCoreApplication::translate("CommandLine", "The token's PKCS#11 URI."));
    }
    parser.addPositionalArgument(command, QCoreApplication::translate("CommandLine", "The command."));
    if (command == QLatin1String("cert")) {
        parser.addPositionalArgument(
            QStringLiteral("show|export|test"),
            QCoreApplication::translate(
                "CommandLine",
                "show FILE|URI: the certificate's details; export FILE|URI -o OUT; test URI: sign and verify."));
        parser.addPositionalArgument(
            QStringLiteral("FILE|URI"),
            QCoreApplication::translate(
                "CommandLine",
                "A certificate file, PEM or DER, or a PKCS#11 URI (pkcs11:...) of certificates on a token. "
                "show: a URI naming several certificates shows them all (with --json, as "
                "{\"certificates\": [...]}); export wants a URI naming one."));
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
    const bool takesArguments =
        command == QLatin1String("atr") || command == QLatin1String("cert") || command == QLatin1String("pin");
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
    if (command == QLatin1String("cert") && parser.positionalArguments().value(0) == QLatin1String("test")) {
        if (parser.positionalArguments().size() != 2) {
            err << QCoreApplication::translate("CommandLine", "cert test takes one PKCS#11 URI.") << '\n';
            return kUsageError;
        }
        CertTestCommand::Options options;
        options.uri = parser.positionalArguments().at(1);
        options.modules = parser.values(moduleOption);
        options.json = json;
        options.allowFinalTry = parser.isSet(finalTryOption);
        return CertTestCommand::run(options, out, err);
    }
    if (command == QLatin1String("pin")) {
        if (parser.positionalArguments().size() != 2) {
            err << QCoreApplication::translate("CommandLine", "Usage: tokendesk pin status|change|unblock URI") << '\n';
            return kUsageError;
        }
        PinCommand::Options options;
        options.action = parser.positionalArguments().at(0);
        options.uri = parser.positionalArguments().at(1);
        options.modules = parser.values(moduleOption);
        options.so = parser.isSet(soOption);
        options.json = json;
        options.allowFinalTry = parser.isSet(finalTryOption);
        return PinCommand::run(options, out, err);
    }
    if (command == QLatin1String("cert")) {
        CertCommand::Options options;
        options.arguments = parser.positionalArguments();
        options.output = parser.value(outputOption);
        options.der = parser.isSet(derOption);
        options.json = json;
        options.modules = parser.values(moduleOption);
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
