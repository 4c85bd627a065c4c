#pragma once

#include <QString>

namespace tokendesk {

/// A failed PKCS#11 call, module load or URI: which function, the CKR_* code
/// it returned and what kind of failure that is. The code is a plain integer
/// (CK_RV) so that this header carries no PKCS#11 types.
struct Pkcs11Error
{
    enum class Kind
    {
        ModuleNotLoaded, ///< the file is no PKCS#11 module (dlopen or C_GetFunctionList failed); see `detail`
        TokenNotPresent, ///< the token is not there (removed, or a URI names an absent token): see tokenLabel/Serial
        SessionClosed,   ///< the session went away under us (the token was removed or reset)
        PinIncorrect,
        PinLocked,
        PinInvalid, ///< not a valid PIN for this token (characters, length)
        PinExpired,
        NotLoggedIn,
        Cancelled,
        NotSupported,
        DeviceError,    ///< the token or its reader failed
        ObjectNotFound, ///< a URI matched no object on its token
        InvalidUri,     ///< p11-kit cannot parse the URI; `detail` is the URI
        ModuleCrashed,  ///< an isolated module's process died (ModuleHost): see `signal`; `detail` is the module's path
        ModuleHung,     ///< an isolated module's call did not return within `timeoutMs`: its process was stopped
        Other,
    };

    /// CK_RV; 0 (CKR_OK) when the failure did not come from a PKCS#11 call (a
    /// module file that does not load, a URI that does not parse).
    quint64 code = 0;
    QString function; ///< "C_Initialize", "p11_kit_module_load", "p11_kit_uri_parse", ...
    Kind kind = Kind::Other;
    QString detail;       ///< the loader's or p11-kit's own message, the module path, or the URI; never a secret
    QString tokenLabel;   ///< TokenNotPresent: the token asked for, as the URI or the snapshot names it
    QString tokenSerial;  ///< TokenNotPresent: its serial (may be empty when the URI has none)
    int signal = 0;       ///< ModuleCrashed: the signal that ended the module's process; 0 when it exited
    qint64 timeoutMs = 0; ///< ModuleHung: how long the call was given

    /// An error from a PKCS#11 call; the kind follows from the code.
    static Pkcs11Error fromCode(quint64 rv, const QString& function);
    /// The token named by label and serial is not present: no slot has it now.
    static Pkcs11Error tokenNotPresent(const QString& label, const QString& serial, const QString& function);
    static Kind kindOf(quint64 rv);

    /// The pkcs11.h name of the code, e.g. "CKR_PIN_INCORRECT"; "CKR_VENDOR_DEFINED+0x1" for
    /// vendor codes; for an error without a code (code 0) the kind's name, e.g. "module_not_loaded".
    QString codeName() const;
    static QString codeName(quint64 rv);
    /// "token_not_present", "pin_incorrect", ...: stable names for scripts (JSON "kind").
    static QString kindName(Kind kind);

    bool operator==(const Pkcs11Error& o) const
    {
        return code == o.code && function == o.function && kind == o.kind && detail == o.detail &&
               tokenLabel == o.tokenLabel && tokenSerial == o.tokenSerial && signal == o.signal &&
               timeoutMs == o.timeoutMs;
    }
    bool operator!=(const Pkcs11Error& o) const { return !(*this == o); }
};

} // namespace tokendesk
