#include "CertTestCommand.h"

#include "CommandLine.h"
#include "TerminalPinPrompter.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/Pkcs11Uri.h"
#include "backend/pkcs11/UriResolver.h"
#include "models/ErrorText.h"

#include <QJsonDocument>
#include <unistd.h>

namespace tokendesk {

QJsonObject CertTestCommand::toJson(const IdentityTestResult& result, const CertificateEntry& entry,
                                    const TokenInfo& token)
{
    QJsonObject o;
    o[QStringLiteral("verified")] = result.verified;
    o[QStringLiteral("mechanism")] = result.mechanism;
    o[QStringLiteral("signature_length")] = result.signatureLength;
    o[QStringLiteral("elapsed_ms")] = result.elapsedMs;
    o[QStringLiteral("context_login")] = result.contextLogin;
    o[QStringLiteral("pinpad")] = result.pinpad;
    o[QStringLiteral("uri")] = entry.uri();
    o[QStringLiteral("subject")] = entry.info ? QJsonValue(entry.info->subject) : QJsonValue();
    o[QStringLiteral("token")] = QJsonObject{{QStringLiteral("label"), token.label},
                                             {QStringLiteral("serial"), token.serial},
                                             {QStringLiteral("uri"), token.uri}};
    return o;
}

int CertTestCommand::run(const Options& options, QTextStream& out, QTextStream& err)
{
    TerminalPinPrompter prompter(STDIN_FILENO, err, options.allowFinalTry);
    return run(options, prompter, out, err);
}

int CertTestCommand::run(const Options& options, PinPrompter& prompter, QTextStream& out, QTextStream& err)
{
    const bool json = options.json;
    const auto uri = Pkcs11Uri::parse(options.uri);
    if (!uri) {
        return CommandLine::fail(json, uri.error(), out, err);
    }
    ModuleRegistry::Options moduleOptions;
    moduleOptions.paths = options.modules;
    const ModuleRegistry registry(moduleOptions);
    const auto resolved = UriResolver(registry).certificate(uri.value());
    if (!resolved && resolved.error().ambiguous()) {
        return CommandLine::fail(json, QStringLiteral("ambiguous_uri"),
                                 tr("The URI names %n certificates; name one, e.g. with its id= or object=.", nullptr,
                                    resolved.error().count),
                                 out, err);
    }
    if (!resolved) {
        return CommandLine::fail(json, *resolved.error().pkcs11, out, err);
    }
    const ResolvedCertificate& identity = resolved.value();
    const TokenInfo& tokenInfo = identity.token.info();
    // Whatever the key state says without login (a token may hide its private keys until
    // then), the key is looked for by CKA_ID after login: ObjectNotFound when there is none.
    const auto result = IdentityTester::test(identity.token, identity.entry, prompter);
    if (!result) {
        const auto* terminal = dynamic_cast<const TerminalPinPrompter*>(&prompter);
        if (terminal && terminal->refusedFinalTry()) {
            return CommandLine::fail(
                json, QStringLiteral("final_try_refused"),
                tr("Not tested: one more wrong PIN would lock the card. Use --final-try to allow the last try."), out,
                err);
        }
        return CommandLine::fail(json, result.error(), out, err);
    }
    const IdentityTestResult& r = result.value();
    const QString subject = identity.entry.info ? identity.entry.info->subject : identity.entry.uri();
    if (!r.verified) {
        const QString message =
            tr("The token signed with %1, but the certificate's public key does not verify the signature (%2): "
               "the key on the token is not this certificate's.")
                .arg(r.mechanism, r.verifyError);
        err << message << '\n';
        if (json) {
            QJsonObject o = toJson(r, identity.entry, tokenInfo);
            o[QStringLiteral("error")] = CommandLine::errorJson(QStringLiteral("signature_not_verified"), message);
            out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        }
        return 1;
    }
    if (json) {
        out << QJsonDocument(toJson(r, identity.entry, tokenInfo)).toJson(QJsonDocument::Indented);
    } else {
        out << tr("Verified: %1 signed a random challenge with %2 (%3 bytes, %4 ms), and the certificate's public "
                  "key verifies the signature.")
                   .arg(subject, r.mechanism)
                   .arg(r.signatureLength)
                   .arg(r.elapsedMs)
            << '\n';
    }
    return 0;
}

} // namespace tokendesk
