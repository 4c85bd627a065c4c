#include "PinCommand.h"

#include "CommandLine.h"
#include "TerminalPinPrompter.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/PinManager.h"
#include "backend/pkcs11/Pkcs11Uri.h"
#include "backend/pkcs11/UriResolver.h"
#include "models/ErrorText.h"
#include "models/PinText.h"
#include "models/report/PinReport.h"

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

} // namespace

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
    const auto token = UriResolver(registry).token(uri.value());
    if (!token && token.error().ambiguous()) {
        return CommandLine::fail(
            json, QStringLiteral("ambiguous_uri"),
            tr("The URI names %n tokens; name one, e.g. with its serial=.", nullptr, token.error().count), out, err);
    }
    if (!token) {
        return CommandLine::fail(json, *token.error().pkcs11, out, err);
    }
    const PinManager manager(token.value());

    Result<TokenPinStatus, PinError> result = PinError{};
    if (options.action == QLatin1String("status")) {
        result = manager.status();
    } else if (options.action == QLatin1String("change")) {
        result = manager.run(options.so ? PinOperation::ChangeSoPin : PinOperation::ChangePin, prompter);
    } else if (options.action == QLatin1String("unblock")) {
        result = manager.run(PinOperation::UnblockPin, prompter);
    } else {
        err << tr("Unknown action %1: status, change or unblock.").arg(options.action) << '\n';
        return 2;
    }
    if (!result) {
        const bool piv = PinManager::isPiv(token.value().info());
        const PinError& error = result.error();
        if (json) {
            out << QJsonDocument(QJsonObject{{QStringLiteral("error"), PinReport::errorJson(error, piv)}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        }
        err << PinText::error(error, piv) << '\n';
        return 1;
    }
    const TokenPinStatus& status = result.value();
    if (json) {
        out << QJsonDocument(PinReport::statusJson(status)).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (options.action == QLatin1String("change")) {
        out << (options.so ? tr("The %1 was changed.").arg(status.piv ? tr("PUK") : tr("SO PIN"))
                           : tr("The PIN was changed."))
            << '\n';
    } else if (options.action == QLatin1String("unblock")) {
        out << tr("The PIN was set and unblocked.") << '\n';
    }
    PinReport::printStatusText(status, out);
    return 0;
}

} // namespace tokendesk
