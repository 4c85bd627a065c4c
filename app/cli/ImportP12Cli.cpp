#include "ImportP12Cli.h"

#include "app/CommandLine.h"
#include "app/InterruptFlag.h"
#include "app/TerminalPinPrompter.h"
#include "backend/vtoken/P12Importer.h"
#include "backend/vtoken/VirtualTokens.h"
#include "backend/x509/Pkcs12Reader.h"
#include "models/PrintableText.h"
#include "models/VirtualTokenText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <unistd.h>

namespace tokendesk {

namespace {

QCommandLineOption tokenOption()
{
    return QCommandLineOption(QStringLiteral("token"),
                              QCoreApplication::translate("CommandLine", "The virtual token's label."),
                              QStringLiteral("LABEL"));
}

QCommandLineOption createOption()
{
    return QCommandLineOption(
        QStringLiteral("create"),
        QCoreApplication::translate("CommandLine", "Make the virtual token (its new PIN is asked)."));
}

} // namespace

QString ImportP12Cli::name() const
{
    return QStringLiteral("import-p12");
}

void ImportP12Cli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(tokenOption());
    parser.addOption(createOption());
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate("CommandLine",
                                    "The .p12 / .pfx file. Its password, then the token's PIN (the new token's PIN "
                                    "with --create), from the terminal or one per line on stdin; an empty line is "
                                    "the empty password."));
}

int ImportP12Cli::run(const QCommandLineParser& parser, CliContext& context)
{
    if (parser.positionalArguments().size() != 1 || parser.value(tokenOption()).isEmpty()) {
        return usage(context, tr("Usage: tokendesk import-p12 FILE --token LABEL [--create]"));
    }
    const QString path = parser.positionalArguments().constFirst();
    const QString label = parser.value(tokenOption());
    const bool create = parser.isSet(createOption());
    const auto fail = [&](const QString& code, const QString& message) {
        return CommandLine::fail(context.json, code, message, context.out, context.err);
    };
    if (create && !VirtualTokens::validLabel(label)) {
        return fail(QStringLiteral("bad_label"),
                    VirtualTokenText::error(VirtualTokenError::make(VirtualTokenError::Code::BadLabel, label)));
    }

    auto bytes = Pkcs12Reader::readFile(path);
    if (!bytes) {
        return fail(bytes.error().codeName(), VirtualTokenText::error(bytes.error()));
    }
    TerminalPinPrompter prompter(STDIN_FILENO, context.err);
    auto password = prompter.askSecret(tr("Password for %1").arg(PrintableText::escape(path)), true);
    if (!password) {
        return fail(QStringLiteral("cancelled"), tr("No password given: nothing was imported."));
    }
    auto contents = Pkcs12Reader::parse(bytes.value().bytes(), *password);
    password.reset();
    bytes.value().wipe();
    if (!contents) {
        Pkcs12Error error = contents.error();
        error.path = path;
        return fail(error.codeName(), VirtualTokenText::error(error));
    }
    const ImportPlan plan = ImportPlan::make(contents.value());
    if (!plan.importable()) {
        const ImportError error = plan.blocker ? *plan.blocker : ImportError::make(ImportError::Code::NoPrivateKey);
        return fail(error.codeName(), VirtualTokenText::error(error));
    }
    for (const ImportPlan::Warning& warning : plan.warnings) {
        context.err << tr("Warning: %1").arg(VirtualTokenText::warning(warning)) << Qt::endl;
    }

    auto tokens = VirtualTokens::open();
    if (!tokens) {
        return fail(tokens.error().codeName(), VirtualTokenText::error(tokens.error()));
    }
    if (create) {
        // Said before the PIN is asked for, not after.
        if (auto found = tokens.value().find(label); found && found.value().info().label == label) {
            const auto taken = VirtualTokenError::make(VirtualTokenError::Code::LabelTaken, label);
            return fail(taken.codeName(), VirtualTokenText::error(taken));
        }
    } else {
        if (auto found = tokens.value().find(label); !found) {
            return fail(found.error().codeName(),
                        VirtualTokenText::error(found.error()) + QLatin1Char(' ') + tr("Give --create to make it."));
        }
    }
    std::optional<SecureBytes> pin;
    if (create) {
        pin = prompter.askSecret(tr("New PIN for the virtual token \"%1\"").arg(PrintableText::escape(label)), false);
        if (pin && prompter.isInteractive()) {
            auto again = prompter.askSecret(tr("The new PIN again"), false);
            if (!again || *again != *pin) {
                return fail(QStringLiteral("pin_mismatch"), tr("The two PINs differ: nothing was imported."));
            }
        }
    } else {
        pin = prompter.askSecret(tr("PIN of the virtual token \"%1\"").arg(PrintableText::escape(label)), false);
    }
    if (!pin) {
        return fail(QStringLiteral("cancelled"), tr("No PIN given: nothing was imported."));
    }

    const InterruptFlag interrupt;
    P12Importer::Request request;
    request.tokenLabel = label;
    request.createToken = create;
    request.cancelled = [] {
        return InterruptFlag::raised();
    };
    auto imported = P12Importer::run(tokens.value(), contents.value(), plan, *pin, request);
    pin.reset();
    if (!imported) {
        return fail(imported.error().codeName(), VirtualTokenText::error(imported.error()));
    }
    const ImportResult& result = imported.value();
    if (context.json) {
        QJsonObject json = VirtualTokenText::json(result);
        QJsonArray warnings;
        for (const ImportPlan::Warning& warning : plan.warnings) {
            warnings.append(QJsonObject{{QStringLiteral("code"), VirtualTokenText::warningCode(warning.code)},
                                        {QStringLiteral("message"), VirtualTokenText::warning(warning)}});
        }
        json.insert(QStringLiteral("warnings"), warnings);
        context.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return 0;
    }
    context.out << (result.tokenCreated ? tr("Made the virtual token \"%1\" (serial %2) and imported:")
                                        : tr("Imported into the virtual token \"%1\" (serial %2):"))
                       .arg(PrintableText::escape(result.token.label), result.token.serial)
                << '\n';
    for (const ImportedObject& object : result.objects) {
        context.out << QStringLiteral("  %1: %2\n").arg(VirtualTokenText::objectType(object.type), object.uri);
    }
    for (const IdentityTestResult& test : result.verifications) {
        context.out
            << tr("Verified: the token signed a challenge with %1 and the certificate verified it.").arg(test.mechanism)
            << '\n';
    }
    return 0;
}

} // namespace tokendesk
