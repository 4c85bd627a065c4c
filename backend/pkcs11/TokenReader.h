#pragma once

#include "Identity.h"
#include "IdentityMatcher.h"
#include "Pkcs11Token.h"

namespace tokendesk {

class PcscContext;
class PinPrompter;

/// Reads a token's contents: every object (ObjectReader), each certificate
/// parsed (CertificateParser) and joined with its keys (IdentityMatcher).
/// Blocking: call it on a worker.
class ModuleRegistry;

class TokenReader
{
public:
    /// What the token shows without login. A failure (card pulled mid-read)
    /// gives a snapshot with `error` set and no objects. A card in a PC/SC
    /// reader must be the same card, still answering, at the end of the read:
    /// else the snapshot is TokenNotPresent with nothing in it (the module may
    /// have answered from a half-read card).
    [[nodiscard]] static TokenContents read(const Pkcs11Token& token);
    /// read() of every token of `tokens` whose module `registry` has, in their order. Each
    /// module's tokens are read beside the other modules' (one after another within a module,
    /// which serves one call at a time when isolated): a module that hangs until its time-out
    /// delays no other.
    [[nodiscard]] static QList<TokenContents> readAll(const ModuleRegistry& registry, const TokenList& tokens);
    /// Logs in first with the PIN `prompter` gives (asked once, never retried),
    /// so private objects are read and "key expected" is settled. Cancelled,
    /// a wrong PIN or a removal: the error, nothing else changed.
    [[nodiscard]] static Result<TokenContents, Pkcs11Error> readLoggedIn(const Pkcs11Token& token,
                                                                         PinPrompter& prompter);
    /// A PIV card's PIN counter (PivCard over PC/SC, no try spent); empty for other tokens.
    static std::optional<PivPinStatus> readPivPin(const TokenInfo& token);

private:
    /// readPivPin on `context`; `noAnswer` is set when the card did not answer (maybe removed).
    static std::optional<PivPinStatus> readPivPin(const PcscContext& context, const TokenInfo& token, bool* noAnswer);
};

} // namespace tokendesk
