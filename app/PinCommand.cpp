#include "PinCommand.h"

#include "CommandLine.h"
#include "TerminalPinPrompter.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/PinManager.h"
#include "backend/pkcs11/Pkcs11Uri.h"
#include "models/ErrorText.h"
#include "models/PinText.h"

#include <QJsonDocument>
#include <unistd.h>

namespace tokendesk {

namespace {

/// On a terminal a new secret is typed twice; scripts give it once. A final try that
/// PinManager had confirmed (YES, or --final-try) is not confirmed a second time when
/// the secret is then asked for.
class ConfirmingPrompter : public PinPrompter
{
    Q_DECLARE_TR_FUNCTIONS(PinCommand)
public:
    ConfirmingPrompter(PinPrompter& inner, bool interactive, QTextStream& err)
        : m_inner(inner), m_interactive(interactive), m_err(err)
    {}

    std::optional<SecureBytes> askPin(const PinRequest& request) override
    {
        const bool isNew =
            request.secret == PinRequest::Secret::NewUserPin || request.secret == PinRequest::Secret::NewSoPin;
        PinRequest ask = request;
        if (ask.finalTry && m_finalTryConfirmed) {
            ask.finalTry = false; // agreed to already, just before
        }
        m_finalTryConfirmed = false;
        std::optional<SecureBytes> first = m_inner.askPin(ask);
        if (!first || !isNew || !m_interactive) {
            return first;
        }
        m_err << tr("Type it again to confirm.") << '\n';
        m_err.flush();
        std::optional<SecureBytes> again = m_inner.askPin(request);
        if (!again || *again != *first) {
            m_err << tr("The two entries differ; nothing was changed.") << '\n';
            return std::nullopt;
        }
        return first;
    }
    bool confirmFinalTry(const PinRequest& request) override
    {
        m_finalTryConfirmed = m_inner.confirmFinalTry(request);
        return m_finalTryConfirmed;
    }
    void pinpadStarted(const PinRequest& request) override { m_inner.pinpadStarted(request); }
    void pinpadFinished() override { m_inner.pinpadFinished(); }

private:
    PinPrompter& m_inner;
    bool m_interactive;
    QTextStream& m_err;
    bool m_finalTryConfirmed = false;
};

QJsonValue count(int value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}

} // namespace

QJsonObject PinCommand::pinJson(const PinState& state)
{
    return QJsonObject{{QStringLiteral("tries_left"), count(state.locked() ? 0 : state.triesLeft)},
                       {QStringLiteral("low"), state.flags.countLow},
                       {QStringLiteral("final_try"), state.finalTry()},
                       {QStringLiteral("locked"), state.locked()},
                       {QStringLiteral("to_be_changed"), state.flags.toBeChanged},
                       {QStringLiteral("verified"), state.verified}};
}

QJsonObject PinCommand::statusJson(const TokenPinStatus& status)
{
    return QJsonObject{{QStringLiteral("token"), QJsonObject{{QStringLiteral("label"), status.token.label},
                                                             {QStringLiteral("serial"), status.token.serial},
                                                             {QStringLiteral("uri"), status.token.uri}}},
                       {QStringLiteral("pin"), pinJson(status.user)},
                       {QStringLiteral("so_pin"), pinJson(status.so)},
                       {QStringLiteral("piv"), status.piv},
                       {QStringLiteral("protected_path"), status.protectedPath},
                       {QStringLiteral("min_length"), count(int(status.minLength))},
                       {QStringLiteral("max_length"), count(int(status.maxLength))}};
}

QString PinCommand::errorCode(const PinError& error)
{
    switch (error.kind) {
    case PinError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case PinError::Kind::RuleViolation:
        switch (error.rule) {
        case PinError::Rule::TooShort:
            return QStringLiteral("pin_too_short");
        case PinError::Rule::TooLong:
            return QStringLiteral("pin_too_long");
        case PinError::Rule::NotDigits:
            return QStringLiteral("pin_not_digits");
        case PinError::Rule::SameAsOld:
            return QStringLiteral("pin_same_as_old");
        case PinError::Rule::None:
            break;
        }
        return QStringLiteral("pin_invalid");
    case PinError::Kind::PinLocked:
        return QStringLiteral("pin_locked");
    case PinError::Kind::PukLocked:
        return QStringLiteral("puk_locked");
    case PinError::Kind::WrongSecret:
        return error.soPin ? QStringLiteral("puk_incorrect") : QStringLiteral("pin_incorrect");
    case PinError::Kind::Token:
        return error.pkcs11 ? Pkcs11Error::kindName(error.pkcs11->kind) : QStringLiteral("token_error");
    case PinError::Kind::Card:
        return QStringLiteral("card_error");
    case PinError::Kind::NotSupported:
        return QStringLiteral("not_supported");
    }
    return QStringLiteral("error");
}

int PinCommand::run(const Options& options, QTextStream& out, QTextStream& err)
{
    TerminalPinPrompter terminal(STDIN_FILENO, err, options.allowFinalTry);
    ConfirmingPrompter prompter(terminal, terminal.isInteractive(), err);
    return run(options, prompter, out, err);
}

int PinCommand::run(const Options& options, PinPrompter& prompter, QTextStream& out, QTextStream& err)
{
    const bool json = options.json;
    const auto uri = Pkcs11Uri::parse(options.uri);
    if (!uri) {
        return CommandLine::fail(json, uri.error(), out, err);
    }
    ModuleRegistry::Options moduleOptions;
    moduleOptions.paths = options.modules;
    const ModuleRegistry registry(moduleOptions);
    const auto tokens = registry.findTokens(uri.value());
    if (!tokens) {
        return CommandLine::fail(json, tokens.error(), out, err);
    }
    if (tokens.value().size() != 1) {
        return CommandLine::fail(
            json, QStringLiteral("ambiguous_uri"),
            tr("The URI names %n tokens; name one, e.g. with its serial=.", nullptr, int(tokens.value().size())), out,
            err);
    }
    const PinManager manager(tokens.value().constFirst());

    Result<TokenPinStatus, PinError> result = PinError{};
    if (options.action == QLatin1String("status")) {
        result = manager.status();
    } else if (options.action == QLatin1String("change")) {
        result = options.so ? manager.changeSoPin(prompter) : manager.changePin(prompter);
    } else if (options.action == QLatin1String("unblock")) {
        result = manager.unblockPin(prompter);
    } else {
        err << tr("Unknown action %1: status, change or unblock.").arg(options.action) << '\n';
        return 2;
    }
    if (!result) {
        const bool piv = PinManager::isPiv(tokens.value().constFirst().info());
        const PinError& error = result.error();
        if (json) {
            QJsonObject e = CommandLine::errorJson(errorCode(error), PinText::error(error, piv));
            e.insert(QStringLiteral("tries_left"), count(error.triesLeft));
            out << QJsonDocument(QJsonObject{{QStringLiteral("error"), e}}).toJson(QJsonDocument::Compact) << '\n';
        }
        err << PinText::error(error, piv) << '\n';
        return 1;
    }
    const TokenPinStatus& status = result.value();
    if (json) {
        out << QJsonDocument(statusJson(status)).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (options.action == QLatin1String("change")) {
        out << (options.so ? tr("The %1 was changed.").arg(status.piv ? tr("PUK") : tr("SO PIN"))
                           : tr("The PIN was changed."))
            << '\n';
    } else if (options.action == QLatin1String("unblock")) {
        out << tr("The PIN was set and unblocked.") << '\n';
    }
    const auto line = [&out](const QString& name, const PinState& state) {
        out << name << ": " << PinText::tries(state) << '\n';
    };
    out << tr("Token: %1 (serial %2)").arg(status.token.label, status.token.serial) << '\n';
    line(tr("PIN"), status.user);
    line(PinText::soName(status.piv), status.so);
    return 0;
}

} // namespace tokendesk
