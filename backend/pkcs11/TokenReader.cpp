#include "TokenReader.h"

#include "ModuleRegistry.h"
#include "PinManager.h"
#include "PinPrompter.h"
#include "backend/common/Logging.h"
#include "backend/pcsc/PcscContext.h"
#include "backend/piv/PivCard.h"

#include <QScopeGuard>
#include <future>
#include <optional>
#include <vector>

namespace tokendesk {

namespace {
/// Modules tell a removal in the middle of a call in their own words (OpenSC: CKR_GENERAL_ERROR
/// from a C_Login whose VERIFY got no answer). Where the slot is empty now, say so, with the
/// token's name. C_GetSlotInfo only: it does not talk to a card.
Pkcs11Error explain(const Pkcs11Token& token, Pkcs11Error error)
{
    using Kind = Pkcs11Error::Kind;
    if (error.kind != Kind::Other && error.kind != Kind::DeviceError) {
        return error;
    }
    const auto slot = token.module()->slotInfo(token.info().slot.slotId);
    if (!slot || !slot.value().tokenPresent) {
        Pkcs11Error gone = Pkcs11Error::tokenNotPresent(token.info().label, token.info().serial, error.function);
        gone.code = error.code;
        gone.detail = error.codeName();
        return gone;
    }
    return error;
}
} // namespace

std::optional<PivPinStatus> TokenReader::readPivPin(const TokenInfo& token)
{
    if (!PinManager::isPiv(token) || token.slot.description.isEmpty()) {
        return std::nullopt;
    }
    auto context = PcscContext::establish();
    if (!context) {
        return std::nullopt;
    }
    bool noAnswer = false;
    return readPivPin(context.value(), token, &noAnswer);
}

std::optional<PivPinStatus> TokenReader::readPivPin(const PcscContext& context, const TokenInfo& token, bool* noAnswer)
{
    if (!PinManager::isPiv(token) || token.slot.description.isEmpty()) {
        return std::nullopt;
    }
    // OpenSC's slot description is the PC/SC reader's name.
    auto status = PivCard::readPinStatus(context, token.slot.description);
    if (!status) {
        const PivError& error = status.error();
        qCDebug(lcPkcs11) << "PIV PIN counter of" << token.serial << "unreadable:"
                          << (error.pcsc ? error.pcsc->codeName()
                                         : QStringLiteral("status word %1").arg(error.sw, 4, 16));
        if (error.kind == PivError::Kind::Pcsc && error.pcsc) {
            // Not UnknownReader: OpenSC cuts long reader names at 64 bytes, and such a
            // reader is simply not found by the name we have.
            using K = PcscError::Kind;
            const K kind = error.pcsc->kind();
            *noAnswer =
                kind == K::NoCard || kind == K::RemovedCard || error.pcsc->function == QLatin1String("SCardTransmit");
        }
        return std::nullopt;
    }
    return status.value();
}

namespace {

/// How long pcscd may take to notice a card gone: it polls readers without interrupts every 400 ms.
constexpr int kRemovalNoticeMs = 1000;

/// The card in the token's reader as pcscd sees it now; empty where the slot is not a
/// PC/SC reader (SoftHSM, NSS) or pcscd cannot tell.
std::optional<ReaderInfo> cardInReader(const PcscContext* context, const TokenInfo& token)
{
    if (!context || !token.slot.removable || token.slot.description.isEmpty()) {
        return std::nullopt;
    }
    auto states = context->readerStates({token.slot.description});
    if (!states || states.value().isEmpty()) {
        return std::nullopt;
    }
    return states.value().constFirst();
}

} // namespace

TokenContents TokenReader::read(const Pkcs11Token& token)
{
    TokenContents contents;
    contents.token = token.info();
    // A card pulled while the module reads it can leave the module answering from what it
    // had read so far: OpenSC lists a part of the objects with CKR_OK. What tells such a
    // snapshot from a whole one: the reader's card and event counter before and after the
    // read, and the PIV counter read (the last command to the card, ours).
    std::optional<PcscContext> context;
    if (contents.token.slot.removable) {
        if (auto established = PcscContext::establish()) {
            context.emplace(std::move(established).value());
        }
    }
    const auto before = cardInReader(context ? &*context : nullptr, contents.token);
    // Certificates are parsed while the rest is read.
    CertificateParseQueue parser;
    ObjectQuery query;
    query.onObject = [&parser](const ObjectInfo& object) {
        if (object.objectClass == ObjectInfo::Class::Certificate && !object.value.isEmpty()) {
            parser.add(object.value);
        }
    };
    auto objects = token.objects(query);
    if (!objects) {
        // Pulled mid-read, or the module failed: the snapshot says so, nothing half-read.
        qCDebug(lcPkcs11) << "reading" << token.info().serial << "failed:" << objects.error().codeName();
        contents.error = explain(token, objects.error());
        return contents;
    }
    contents.objects = std::move(objects).value();
    contents.certificates = IdentityMatcher::match(contents.token, contents.objects, false, parser.results());
    bool noAnswer = false;
    if (context) {
        contents.pivPin = readPivPin(*context, contents.token, &noAnswer);
    }
    auto after = cardInReader(context ? &*context : nullptr, contents.token);
    if (noAnswer && before && after && after->sameCardAs(*before)) {
        // The card did not answer our command, yet pcscd still has it: pcscd polls many
        // readers (400 ms) and may not have seen a removal yet. Give it the time to tell;
        // a card that is there (a reader that lost one exchange) keeps its snapshot.
        if (auto moved = context->waitForChange(*after, kRemovalNoticeMs)) {
            after = moved.value();
        }
    }
    const bool changed = before && (!before->cardPresent() || !after || !after->sameCardAs(*before));
    if (changed) {
        qCDebug(lcPkcs11) << "the card of" << contents.token.serial << "went while it was read: snapshot dropped";
        contents.objects.clear();
        contents.certificates.clear();
        contents.pivPin.reset();
        contents.error =
            Pkcs11Error::tokenNotPresent(contents.token.label, contents.token.serial, QStringLiteral("C_FindObjects"));
        contents.error->detail = QStringLiteral("the card was removed while it was read");
    }
    return contents;
}

Result<TokenContents, Pkcs11Error> TokenReader::readLoggedIn(const Pkcs11Token& token, PinPrompter& prompter)
{
    const TokenInfo& info = token.info();
    PinRequest request;
    request.secret = PinRequest::Secret::UserPin;
    request.purpose = PinRequest::Purpose::Login;
    request.token = info;
    request.finalTry = info.userPin.finalTry;

    // Asked before the token's lock is taken: a dialog left open must not block
    // other work on the token. A PIN pad asks on the reader, inside the login.
    const bool pinpad = info.protectedAuthenticationPath;
    SecureBytes pin;
    if (!pinpad) {
        auto answer = prompter.askPin(request);
        if (!answer) {
            Pkcs11Error cancelled;
            cancelled.kind = Pkcs11Error::Kind::Cancelled;
            cancelled.function = QStringLiteral("PinPrompter::askPin");
            return cancelled;
        }
        pin = std::move(*answer);
    }
    const auto wipe = qScopeGuard([&pin] { pin.wipe(); });

    if (pinpad && request.finalTry && !prompter.confirmFinalTry(request)) {
        Pkcs11Error cancelled;
        cancelled.kind = Pkcs11Error::Kind::Cancelled;
        cancelled.function = QStringLiteral("PinPrompter::confirmFinalTry");
        return cancelled;
    }
    auto result = token.withSession<TokenContents>([&](Pkcs11Session& session) -> Result<TokenContents, Pkcs11Error> {
        if (pinpad) {
            prompter.pinpadStarted(request);
        }
        const auto login = session.login(Pkcs11Session::User::User, pin.bytes(), pinpad);
        if (pinpad) {
            prompter.pinpadFinished();
        }
        pin.wipe();
        if (!login) {
            return login.error();
        }
        // The login holds for every session of this application on the token: end it
        // whatever happens, so that nothing else runs logged in by accident.
        const auto logout = qScopeGuard([&session] {
            if (auto done = session.logout(); !done) {
                qCDebug(lcPkcs11) << "C_Logout:" << done.error().codeName();
            }
        });
        auto objects = ObjectReader::read(session, info);
        if (!objects) {
            return objects.error();
        }
        TokenContents contents;
        contents.token = info;
        contents.loggedIn = true;
        contents.objects = std::move(objects).value();
        contents.certificates = IdentityMatcher::match(contents.token, contents.objects, true);
        return contents;
    });
    if (!result) {
        return explain(token, result.error());
    }
    TokenContents contents = std::move(result).value();
    contents.pivPin = readPivPin(info);
    return contents;
}

QList<TokenContents> TokenReader::readAll(const ModuleRegistry& registry, const TokenList& tokens)
{
    QStringList modules;
    for (const TokenInfo& token : tokens) {
        if (!modules.contains(token.modulePath)) {
            modules.append(token.modulePath);
        }
    }
    std::vector<std::optional<TokenContents>> read(static_cast<size_t>(tokens.size()));
    std::vector<std::future<void>> reads;
    for (const QString& path : std::as_const(modules)) {
        const auto module = registry.module(path);
        if (!module) {
            continue;
        }
        reads.push_back(std::async(std::launch::async, [&tokens, &read, module, path] {
            for (qsizetype i = 0; i < tokens.size(); ++i) { // each slot of `read` written by one thread
                if (tokens.at(i).modulePath == path) {
                    read[static_cast<size_t>(i)] = TokenReader::read(Pkcs11Token(module, tokens.at(i)));
                }
            }
        }));
    }
    for (auto& module : reads) {
        module.get();
    }
    QList<TokenContents> contents;
    for (auto& token : read) {
        if (token) {
            contents.append(std::move(*token));
        }
    }
    return contents;
}

} // namespace tokendesk
