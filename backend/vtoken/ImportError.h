#pragma once

#include "VirtualTokenError.h"
#include "backend/pkcs11/Pkcs11Error.h"
#include "backend/x509/Pkcs12Reader.h"

#include <QString>
#include <optional>

namespace tokendesk {

/// Why a .p12 was not imported. Whatever the reason, the import left nothing behind on the
/// token (ImportTransaction destroyed what it had made). The code is for the UI's sentence.
struct ImportError
{
    enum class Code
    {
        Pkcs12,                ///< the file could not be read or decrypted (`pkcs12`)
        NoPrivateKey,          ///< only certificates: nothing to make an identity of
        KeyWithoutCertificate, ///< a key whose public key no certificate in the file has (`detail`: its name)
        UnsupportedKey,        ///< a key type TokenDesk does not import (`detail`: "Ed25519", ...)
        AlreadyOnToken,        ///< the token already holds this certificate (`detail`: its subject)
        IdInUse,               ///< another key on the token has the CKA_ID this one would get
        Token,                 ///< making or finding the virtual token failed (`token`)
        Pkcs11,                ///< writing failed (`pkcs11`)
        NotVerified,           ///< the imported key signed, but its certificate did not verify it (`detail`)
        Cancelled,             ///< the user stopped it; nothing is left
    };

    Code code = Code::Pkcs11;
    QString detail;
    std::optional<Pkcs12Error> pkcs12;
    std::optional<VirtualTokenError> token;
    std::optional<Pkcs11Error> pkcs11;

    static ImportError make(Code code, const QString& detail = QString())
    {
        ImportError e;
        e.code = code;
        e.detail = detail;
        return e;
    }
    static ImportError from(const Pkcs12Error& error)
    {
        ImportError e = make(Code::Pkcs12);
        e.pkcs12 = error;
        return e;
    }
    static ImportError from(const VirtualTokenError& error)
    {
        ImportError e = make(Code::Token);
        e.token = error;
        return e;
    }
    static ImportError from(const Pkcs11Error& error)
    {
        ImportError e = make(error.kind == Pkcs11Error::Kind::Cancelled ? Code::Cancelled : Code::Pkcs11);
        e.pkcs11 = error;
        return e;
    }
    /// "wrong_password", "no_private_key", "pin_incorrect", ...: the most precise name there is.
    QString codeName() const;
};

} // namespace tokendesk
