#pragma once

#include "backend/common/Result.h"
#include "backend/pkcs11/Identity.h"
#include "backend/pkcs11/Pkcs11Error.h"
#include "backend/pkcs11/Pkcs11Token.h"
#include "backend/pkcs11/Pkcs11Uri.h"

#include <QList>
#include <optional>

namespace tokendesk {

class ModuleRegistry;

/// Why a URI did not name exactly one token or certificate: a PKCS#11 error (none present,
/// no such object, a module failing), or several matches where one was wanted.
struct ResolveError
{
    std::optional<Pkcs11Error> pkcs11; ///< unset: the URI named `count` of them
    int count = 0;

    bool ambiguous() const { return !pkcs11.has_value(); }
};

/// A certificate on a token, with its key state (without login).
struct FoundCertificate
{
    TokenInfo token;
    CertificateEntry entry;
};

/// A certificate and the token to act on it with (test it, read its key after login).
struct ResolvedCertificate
{
    Pkcs11Token token;
    CertificateEntry entry;
};

/// From a PKCS#11 URI to the tokens and certificates it names, the same for every command
/// and for the window. Reads only what the URI names: a URI for one certificate costs one
/// certificate (and the keys beside it, to tell identities), not the whole token.
class UriResolver
{
public:
    explicit UriResolver(const ModuleRegistry& registry) : m_registry(registry) {}

    /// "pkcs11:..." rather than a file name.
    static bool isUri(const QString& text);

    /// Every present token the URI names; TokenNotPresent when there is none.
    [[nodiscard]] Result<QList<Pkcs11Token>, Pkcs11Error> tokens(const Pkcs11Uri& uri) const;
    /// The one token the URI names; ambiguous (with the count) when it names several.
    [[nodiscard]] Result<Pkcs11Token, ResolveError> token(const Pkcs11Uri& uri) const;

    /// The certificates the URI names: TokenNotPresent when no token it names is present,
    /// ObjectNotFound when none of them has such a certificate (or the URI names another
    /// class). `tokens` (may be null) receives the tokens the URI matched.
    [[nodiscard]] Result<QList<FoundCertificate>, Pkcs11Error> certificates(const Pkcs11Uri& uri,
                                                                            QList<Pkcs11Token>* tokens = nullptr) const;
    /// The one certificate the URI names, with its token; ambiguous when it names several.
    [[nodiscard]] Result<ResolvedCertificate, ResolveError> certificate(const Pkcs11Uri& uri) const;

private:
    const ModuleRegistry& m_registry;
};

} // namespace tokendesk
