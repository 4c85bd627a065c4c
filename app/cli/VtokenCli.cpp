#include "VtokenCli.h"

#include "VtokenBrowsers.h"
#include "app/CommandLine.h"
#include "app/TerminalPinPrompter.h"
#include "backend/vtoken/VirtualTokens.h"
#include "models/PrintableText.h"
#include "models/VirtualTokenText.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <unistd.h>

namespace tokendesk {

namespace {

QCommandLineOption registerOption()
{
    return QCommandLineOption(
        QStringLiteral("register"),
        QCoreApplication::translate("CommandLine",
                                    "browsers: register p11-kit-proxy in the NSS databases that lack it."));
}

QCommandLineOption unregisterOption()
{
    return QCommandLineOption(QStringLiteral("unregister"),
                              QCoreApplication::translate("CommandLine", "browsers: remove p11-kit-proxy again."));
}

QCommandLineOption nssdbOption()
{
    return QCommandLineOption(
        QStringLiteral("nssdb"),
        QCoreApplication::translate("CommandLine", "browsers: only this NSS database folder (repeatable)."),
        QStringLiteral("DIR"));
}

QCommandLineOption yesOption()
{
    return QCommandLineOption(
        QStringLiteral("yes"),
        QCoreApplication::translate("CommandLine", "delete: do not ask to type the label (for scripts)."));
}

int failWith(CliContext& context, const VirtualTokenError& error)
{
    return CommandLine::fail(context.json, error.codeName(), VirtualTokenText::error(error), context.out, context.err);
}

/// A new PIN: at a terminal typed twice; from stdin one line.
std::optional<SecureBytes> newPin(TerminalPinPrompter& prompter, const QString& prompt, bool* mismatch)
{
    auto pin = prompter.askSecret(prompt, false);
    if (pin && prompter.isInteractive()) {
        auto again = prompter.askSecret(VtokenCli::tr("The new PIN again"), false);
        if (!again || *again != *pin) {
            *mismatch = true;
            return std::nullopt;
        }
    }
    return pin;
}

} // namespace

QString VtokenCli::name() const
{
    return QStringLiteral("vtoken");
}

void VtokenCli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(yesOption());
    parser.addOption(registerOption());
    parser.addOption(unregisterOption());
    parser.addOption(nssdbOption());
    parser.addPositionalArgument(
        QStringLiteral("list|create|delete|reset-pin|browsers"),
        QCoreApplication::translate(
            "CommandLine",
            "list: the virtual tokens; create LABEL: a new token (its PIN from the terminal or stdin); delete "
            "LABEL: the token and everything on it; reset-pin LABEL: a new PIN, set with the SO PIN TokenDesk "
            "keeps in the keyring; browsers: which programs see the virtual tokens, with --register or "
            "--unregister p11-kit-proxy in their NSS databases."));
    parser.addPositionalArgument(QStringLiteral("LABEL"), QCoreApplication::translate("CommandLine", "The token."));
}

int VtokenCli::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    const bool needsLabel =
        action == QLatin1String("create") || action == QLatin1String("delete") || action == QLatin1String("reset-pin");
    const bool alone = action == QLatin1String("list") || action == QLatin1String("browsers");
    if (!(alone && args.size() == 1) && !(needsLabel && args.size() == 2)) {
        return usage(context, tr("Usage: tokendesk vtoken list | create LABEL | delete LABEL | reset-pin LABEL | "
                                 "browsers [--register|--unregister] [--nssdb DIR]"));
    }
    if (action == QLatin1String("browsers")) {
        if (parser.isSet(registerOption()) && parser.isSet(unregisterOption())) {
            return usage(context, tr("Give --register or --unregister, not both."));
        }
        const auto change = parser.isSet(registerOption())     ? VtokenBrowsers::Change::Register
                            : parser.isSet(unregisterOption()) ? VtokenBrowsers::Change::Unregister
                                                               : VtokenBrowsers::Change::None;
        return VtokenBrowsers::run(change, parser.values(nssdbOption()), context);
    }
    if (action == QLatin1String("list") && !QFileInfo::exists(SoftHsmConfig::path())) {
        // No configuration yet: no virtual token yet, which is no error. Only `create` makes one.
        return list(VirtualTokens(nullptr), context);
    }
    if (action != QLatin1String("create") && !QFileInfo::exists(SoftHsmConfig::path())) {
        return failWith(context, VirtualTokenError::make(VirtualTokenError::Code::NotFound, args.at(1)));
    }
    auto tokens = VirtualTokens::open();
    if (!tokens) {
        return failWith(context, tokens.error());
    }
    if (action == QLatin1String("list")) {
        return list(tokens.value(), context);
    }
    if (action == QLatin1String("create")) {
        return create(tokens.value(), args.at(1), context);
    }
    if (action == QLatin1String("delete")) {
        return remove(tokens.value(), args.at(1), parser.isSet(yesOption()), context);
    }
    return resetPin(tokens.value(), args.at(1), context);
}

int VtokenCli::list(const VirtualTokens& tokens, CliContext& context)
{
    QList<VirtualToken> all;
    if (tokens.module()) {
        auto listed = tokens.list();
        if (!listed) {
            return failWith(context, listed.error());
        }
        all = listed.value();
    }
    if (context.json) {
        QJsonArray array;
        for (const VirtualToken& token : all) {
            array.append(QJsonObject{{QStringLiteral("label"), token.token.label},
                                     {QStringLiteral("serial"), token.token.serial},
                                     {QStringLiteral("uri"), token.token.uri},
                                     {QStringLiteral("so_pin_stored"), token.soPinStored}});
        }
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("config"), SoftHsmConfig::path()},
                                                 {QStringLiteral("tokens"), array}})
                           .toJson(QJsonDocument::Indented);
        return 0;
    }
    if (all.isEmpty()) {
        context.out << tr("No virtual tokens (SoftHSM2 configuration: %1).").arg(SoftHsmConfig::path()) << '\n';
        return 0;
    }
    for (const VirtualToken& token : all) {
        context.out << tr("\"%1\"  serial %2  %3")
                           .arg(PrintableText::escape(token.token.label), token.token.serial,
                                token.soPinStored ? tr("(SO PIN in the keyring)") : tr("(not made by TokenDesk)"))
                    << '\n'
                    << QStringLiteral("  ") << token.token.uri << '\n';
    }
    return 0;
}

int VtokenCli::create(const VirtualTokens& tokens, const QString& label, CliContext& context)
{
    if (!VirtualTokens::validLabel(label)) {
        return failWith(context, VirtualTokenError::make(VirtualTokenError::Code::BadLabel, label));
    }
    TerminalPinPrompter prompter(STDIN_FILENO, context.err);
    bool mismatch = false;
    auto pin =
        newPin(prompter, tr("PIN for the new virtual token \"%1\"").arg(PrintableText::escape(label)), &mismatch);
    if (!pin) {
        return CommandLine::fail(context.json, QStringLiteral("cancelled"),
                                 mismatch ? tr("The two PINs differ: no token was made.")
                                          : tr("No PIN given: no token was made."),
                                 context.out, context.err);
    }
    auto made = tokens.create(label, *pin);
    pin.reset();
    if (!made) {
        return failWith(context, made.error());
    }
    const TokenInfo& info = made.value().info();
    if (context.json) {
        context.out << QJsonDocument(
                           QJsonObject{{QStringLiteral("token"), QJsonObject{{QStringLiteral("label"), info.label},
                                                                             {QStringLiteral("serial"), info.serial},
                                                                             {QStringLiteral("uri"), info.uri}}}})
                           .toJson(QJsonDocument::Indented);
    } else {
        context.out << tr("Made the virtual token \"%1\" (serial %2): %3")
                           .arg(PrintableText::escape(info.label), info.serial, info.uri)
                    << '\n';
    }
    return 0;
}

int VtokenCli::remove(const VirtualTokens& tokens, const QString& label, bool yes, CliContext& context)
{
    auto found = tokens.find(label);
    if (!found) {
        return failWith(context, found.error());
    }
    const TokenInfo info = found.value().info();
    if (!yes) {
        TerminalPinPrompter prompter(STDIN_FILENO, context.err);
        if (!prompter.isInteractive()) {
            return usage(context, tr("delete removes the token with every key on it: give --yes in a script."));
        }
        context.err << tr("This deletes \"%1\" (serial %2) and every key and certificate on it, for good.")
                           .arg(PrintableText::escape(info.label), info.serial)
                    << '\n';
        // Typed back, not y/N: a key gone is gone. Echo is off, which does no harm here.
        auto typed = prompter.askSecret(tr("Type the token's label to delete it"), false);
        if (!typed || typed->bytes() != info.label.toUtf8()) {
            return CommandLine::fail(context.json, QStringLiteral("cancelled"), tr("Not deleted."), context.out,
                                     context.err);
        }
    }
    if (auto removed = tokens.remove(info); !removed) {
        return failWith(context, removed.error());
    }
    if (context.json) {
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("deleted"),
                                                  QJsonObject{{QStringLiteral("label"), info.label},
                                                              {QStringLiteral("serial"), info.serial}}}})
                           .toJson(QJsonDocument::Indented);
    } else {
        context.out
            << tr("Deleted the virtual token \"%1\" (serial %2).").arg(PrintableText::escape(info.label), info.serial)
            << '\n';
    }
    return 0;
}

int VtokenCli::resetPin(const VirtualTokens& tokens, const QString& label, CliContext& context)
{
    auto found = tokens.find(label);
    if (!found) {
        return failWith(context, found.error());
    }
    TerminalPinPrompter prompter(STDIN_FILENO, context.err);
    bool mismatch = false;
    auto pin = newPin(prompter, tr("New PIN for \"%1\"").arg(PrintableText::escape(label)), &mismatch);
    if (!pin) {
        return CommandLine::fail(context.json, QStringLiteral("cancelled"),
                                 mismatch ? tr("The two PINs differ: the PIN was not changed.")
                                          : tr("No PIN given: the PIN was not changed."),
                                 context.out, context.err);
    }
    if (auto done = tokens.resetUserPin(found.value().info(), *pin); !done) {
        return failWith(context, done.error());
    }
    if (context.json) {
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("reset"), true}}).toJson(QJsonDocument::Indented);
    } else {
        context.out << tr("The PIN of \"%1\" is set.").arg(PrintableText::escape(label)) << '\n';
    }
    return 0;
}

} // namespace tokendesk
