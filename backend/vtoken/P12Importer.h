#pragma once

#include "ImportError.h"
#include "ImportPlan.h"
#include "VirtualTokens.h"
#include "backend/common/Result.h"
#include "backend/common/SecureBytes.h"
#include "backend/pkcs11/IdentityTester.h"
#include "backend/pkcs11/TokenInfo.h"

#include <QList>
#include <functional>

namespace tokendesk {

/// One object an import wrote.
struct ImportedObject
{
    enum class Type
    {
        PrivateKey,
        PublicKey,
        Certificate,   ///< an identity's certificate
        CaCertificate, ///< one of the chain, stored, trusted for nothing
    };
    Type type = Type::Certificate;
    QString uri; ///< its PKCS#11 URI (token, id, object, type)
    QString label;
    QByteArray id;

    /// "private_key", "public_key", "certificate", "ca_certificate" (JSON `objects[].type`).
    static QString typeName(Type type);
    bool operator==(const ImportedObject& o) const
    {
        return type == o.type && uri == o.uri && label == o.label && id == o.id;
    }
};

/// What an import did: the token (made for it or not), the objects written, and the proof
/// that each identity works (a challenge signed on the token and verified with the certificate).
struct ImportResult
{
    TokenInfo token;
    bool tokenCreated = false;
    QList<ImportedObject> objects;
    QList<IdentityTestResult> verifications; ///< one per identity, in the plan's order
};

/// A .p12 into a virtual token, all or nothing: (make the token,) log in, write each identity's
/// private key (sensitive, never extractable, private), public key and certificate with one
/// CKA_ID and CKA_LABEL, then the chain's certificates that the token lacks (CKA_TRUSTED false),
/// then sign a challenge with each key and verify it with its certificate. When any step fails
/// or `cancelled` says so, every object written is destroyed and a token made for this import is
/// removed: the token is as it was.
///
/// Blocking, on a worker. Neither the .p12's bytes nor any secret is written anywhere but into
/// the token; the caller wipes what it holds.
class P12Importer
{
public:
    struct Request
    {
        QString tokenLabel;       ///< the virtual token's label
        bool createToken = false; ///< make it (the label must be free) rather than find it
        /// Asked between steps; true stops the import and undoes it (Cancelled).
        std::function<bool()> cancelled;
        /// Called after each step: steps done, of how many.
        std::function<void(int done, int total)> progress;
    };

    [[nodiscard]] static Result<ImportResult, ImportError> run(const VirtualTokens& tokens,
                                                               const Pkcs12Contents& contents, const ImportPlan& plan,
                                                               const SecureBytes& userPin, const Request& request);
};

} // namespace tokendesk
