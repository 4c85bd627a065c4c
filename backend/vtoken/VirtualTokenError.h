#pragma once

#include "backend/pkcs11/Pkcs11Error.h"

#include <QString>
#include <optional>

namespace tokendesk {

/// Why a virtual token could not be made, found, changed or removed. The code is for the UI's
/// sentence (models/VirtualTokenText), the rest names what it is about; never a secret.
struct VirtualTokenError
{
    enum class Code
    {
        ModuleMissing,    ///< SoftHSM2 (libsofthsm2.so) is not installed
        ConfigUnreadable, ///< the SoftHSM2 configuration exists but cannot be read (`path`)
        ConfigUnwritable, ///< the user configuration or its token folder cannot be made (`path`)
        NoTokenDirectory, ///< the configuration names no `directories.tokendir`
        BadLabel,         ///< empty, longer than 32 bytes, or with control characters
        LabelTaken,       ///< a token with this label exists (`detail`): labels name tokens
        NotFound,         ///< no virtual token with this label or serial (`detail`)
        NoFreeSlot,       ///< SoftHSM2 offers no slot for a new token
        SecretService,    ///< the Secret Service refused or is not there (`detail`: QtKeychain's reason)
        SoPinMissing,     ///< no SO PIN for this token in the Secret Service (not made by TokenDesk)
        ToolFailed,       ///< softhsm2-util failed (`detail`: what it printed)
        Pkcs11,           ///< a PKCS#11 call failed (`pkcs11`)
    };

    Code code = Code::Pkcs11;
    QString path;
    QString detail;
    std::optional<Pkcs11Error> pkcs11;

    static VirtualTokenError make(Code code, const QString& detail = QString(), const QString& path = QString())
    {
        VirtualTokenError e;
        e.code = code;
        e.detail = detail;
        e.path = path;
        return e;
    }
    static VirtualTokenError fromPkcs11(const Pkcs11Error& error)
    {
        VirtualTokenError e;
        e.code = Code::Pkcs11;
        e.pkcs11 = error;
        return e;
    }
    /// "module_missing", "label_taken", ...; for Pkcs11 the PKCS#11 kind ("pin_incorrect").
    QString codeName() const;

    bool operator==(const VirtualTokenError& o) const
    {
        return code == o.code && path == o.path && detail == o.detail && pkcs11 == o.pkcs11;
    }
};

} // namespace tokendesk
