#include "Pkcs11Error.h"

#include <p11-kit/pkcs11.h>

namespace tokendesk {

Pkcs11Error Pkcs11Error::fromCode(quint64 rv, const QString& function)
{
    Pkcs11Error e;
    e.code = rv;
    e.function = function;
    e.kind = kindOf(rv);
    return e;
}

Pkcs11Error Pkcs11Error::tokenNotPresent(const QString& label, const QString& serial, const QString& function)
{
    Pkcs11Error e = fromCode(CKR_TOKEN_NOT_PRESENT, function);
    e.tokenLabel = label;
    e.tokenSerial = serial;
    return e;
}

Pkcs11Error::Kind Pkcs11Error::kindOf(quint64 rv)
{
    switch (rv) {
    case CKR_TOKEN_NOT_PRESENT:
    case CKR_DEVICE_REMOVED:
        return Kind::TokenNotPresent;
    case CKR_SESSION_CLOSED:
    case CKR_SESSION_HANDLE_INVALID:
        return Kind::SessionClosed;
    case CKR_PIN_INCORRECT:
        return Kind::PinIncorrect;
    case CKR_PIN_LOCKED:
        return Kind::PinLocked;
    case CKR_PIN_INVALID:
    case CKR_PIN_LEN_RANGE:
    case CKR_PIN_TOO_WEAK:
        return Kind::PinInvalid;
    case CKR_PIN_EXPIRED:
        return Kind::PinExpired;
    case CKR_USER_NOT_LOGGED_IN:
    case CKR_USER_PIN_NOT_INITIALIZED:
        return Kind::NotLoggedIn;
    case CKR_FUNCTION_CANCELED:
    case CKR_CANCEL:
        return Kind::Cancelled;
    case CKR_FUNCTION_NOT_SUPPORTED:
    case CKR_MECHANISM_INVALID:
        return Kind::NotSupported;
    case CKR_DEVICE_ERROR:
    case CKR_DEVICE_MEMORY:
    case CKR_TOKEN_NOT_RECOGNIZED:
        return Kind::DeviceError;
    case CKR_OBJECT_HANDLE_INVALID:
        return Kind::ObjectNotFound;
    case CKR_LIBRARY_LOAD_FAILED:
        return Kind::ModuleNotLoaded;
    default:
        return Kind::Other;
    }
}

QString Pkcs11Error::codeName() const
{
    return code == CKR_OK ? kindName(kind) : codeName(code);
}

QString Pkcs11Error::codeName(quint64 rv)
{
    // p11_kit_strerror() gives a sentence; scripts and logs want the constant.
    switch (rv) {
#define TOKENDESK_CKR(c)                                                                                               \
    case c:                                                                                                            \
        return QStringLiteral(#c);
        TOKENDESK_CKR(CKR_OK)
        TOKENDESK_CKR(CKR_CANCEL)
        TOKENDESK_CKR(CKR_HOST_MEMORY)
        TOKENDESK_CKR(CKR_SLOT_ID_INVALID)
        TOKENDESK_CKR(CKR_GENERAL_ERROR)
        TOKENDESK_CKR(CKR_FUNCTION_FAILED)
        TOKENDESK_CKR(CKR_ARGUMENTS_BAD)
        TOKENDESK_CKR(CKR_NO_EVENT)
        TOKENDESK_CKR(CKR_NEED_TO_CREATE_THREADS)
        TOKENDESK_CKR(CKR_CANT_LOCK)
        TOKENDESK_CKR(CKR_ATTRIBUTE_READ_ONLY)
        TOKENDESK_CKR(CKR_ATTRIBUTE_SENSITIVE)
        TOKENDESK_CKR(CKR_ATTRIBUTE_TYPE_INVALID)
        TOKENDESK_CKR(CKR_ATTRIBUTE_VALUE_INVALID)
        TOKENDESK_CKR(CKR_ACTION_PROHIBITED)
        TOKENDESK_CKR(CKR_DATA_INVALID)
        TOKENDESK_CKR(CKR_DATA_LEN_RANGE)
        TOKENDESK_CKR(CKR_DEVICE_ERROR)
        TOKENDESK_CKR(CKR_DEVICE_MEMORY)
        TOKENDESK_CKR(CKR_DEVICE_REMOVED)
        TOKENDESK_CKR(CKR_ENCRYPTED_DATA_INVALID)
        TOKENDESK_CKR(CKR_ENCRYPTED_DATA_LEN_RANGE)
        TOKENDESK_CKR(CKR_FUNCTION_CANCELED)
        TOKENDESK_CKR(CKR_FUNCTION_NOT_PARALLEL)
        TOKENDESK_CKR(CKR_FUNCTION_NOT_SUPPORTED)
        TOKENDESK_CKR(CKR_KEY_HANDLE_INVALID)
        TOKENDESK_CKR(CKR_KEY_SIZE_RANGE)
        TOKENDESK_CKR(CKR_KEY_TYPE_INCONSISTENT)
        TOKENDESK_CKR(CKR_KEY_NOT_NEEDED)
        TOKENDESK_CKR(CKR_KEY_CHANGED)
        TOKENDESK_CKR(CKR_KEY_NEEDED)
        TOKENDESK_CKR(CKR_KEY_INDIGESTIBLE)
        TOKENDESK_CKR(CKR_KEY_FUNCTION_NOT_PERMITTED)
        TOKENDESK_CKR(CKR_KEY_NOT_WRAPPABLE)
        TOKENDESK_CKR(CKR_KEY_UNEXTRACTABLE)
        TOKENDESK_CKR(CKR_MECHANISM_INVALID)
        TOKENDESK_CKR(CKR_MECHANISM_PARAM_INVALID)
        TOKENDESK_CKR(CKR_OBJECT_HANDLE_INVALID)
        TOKENDESK_CKR(CKR_OPERATION_ACTIVE)
        TOKENDESK_CKR(CKR_OPERATION_NOT_INITIALIZED)
        TOKENDESK_CKR(CKR_PIN_INCORRECT)
        TOKENDESK_CKR(CKR_PIN_INVALID)
        TOKENDESK_CKR(CKR_PIN_LEN_RANGE)
        TOKENDESK_CKR(CKR_PIN_EXPIRED)
        TOKENDESK_CKR(CKR_PIN_LOCKED)
        TOKENDESK_CKR(CKR_SESSION_CLOSED)
        TOKENDESK_CKR(CKR_SESSION_COUNT)
        TOKENDESK_CKR(CKR_SESSION_HANDLE_INVALID)
        TOKENDESK_CKR(CKR_SESSION_PARALLEL_NOT_SUPPORTED)
        TOKENDESK_CKR(CKR_SESSION_READ_ONLY)
        TOKENDESK_CKR(CKR_SESSION_EXISTS)
        TOKENDESK_CKR(CKR_SESSION_READ_ONLY_EXISTS)
        TOKENDESK_CKR(CKR_SESSION_READ_WRITE_SO_EXISTS)
        TOKENDESK_CKR(CKR_SIGNATURE_INVALID)
        TOKENDESK_CKR(CKR_SIGNATURE_LEN_RANGE)
        TOKENDESK_CKR(CKR_TEMPLATE_INCOMPLETE)
        TOKENDESK_CKR(CKR_TEMPLATE_INCONSISTENT)
        TOKENDESK_CKR(CKR_TOKEN_NOT_PRESENT)
        TOKENDESK_CKR(CKR_TOKEN_NOT_RECOGNIZED)
        TOKENDESK_CKR(CKR_TOKEN_WRITE_PROTECTED)
        TOKENDESK_CKR(CKR_UNWRAPPING_KEY_SIZE_RANGE)
        TOKENDESK_CKR(CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT)
        TOKENDESK_CKR(CKR_USER_ALREADY_LOGGED_IN)
        TOKENDESK_CKR(CKR_USER_NOT_LOGGED_IN)
        TOKENDESK_CKR(CKR_USER_PIN_NOT_INITIALIZED)
        TOKENDESK_CKR(CKR_USER_TYPE_INVALID)
        TOKENDESK_CKR(CKR_USER_ANOTHER_ALREADY_LOGGED_IN)
        TOKENDESK_CKR(CKR_USER_TOO_MANY_TYPES)
        TOKENDESK_CKR(CKR_WRAPPED_KEY_INVALID)
        TOKENDESK_CKR(CKR_WRAPPED_KEY_LEN_RANGE)
        TOKENDESK_CKR(CKR_WRAPPING_KEY_HANDLE_INVALID)
        TOKENDESK_CKR(CKR_WRAPPING_KEY_SIZE_RANGE)
        TOKENDESK_CKR(CKR_WRAPPING_KEY_TYPE_INCONSISTENT)
        TOKENDESK_CKR(CKR_RANDOM_SEED_NOT_SUPPORTED)
        TOKENDESK_CKR(CKR_RANDOM_NO_RNG)
        TOKENDESK_CKR(CKR_DOMAIN_PARAMS_INVALID)
        TOKENDESK_CKR(CKR_CURVE_NOT_SUPPORTED)
        TOKENDESK_CKR(CKR_BUFFER_TOO_SMALL)
        TOKENDESK_CKR(CKR_SAVED_STATE_INVALID)
        TOKENDESK_CKR(CKR_INFORMATION_SENSITIVE)
        TOKENDESK_CKR(CKR_STATE_UNSAVEABLE)
        TOKENDESK_CKR(CKR_CRYPTOKI_NOT_INITIALIZED)
        TOKENDESK_CKR(CKR_CRYPTOKI_ALREADY_INITIALIZED)
        TOKENDESK_CKR(CKR_MUTEX_BAD)
        TOKENDESK_CKR(CKR_MUTEX_NOT_LOCKED)
        TOKENDESK_CKR(CKR_NEW_PIN_MODE)
        TOKENDESK_CKR(CKR_NEXT_OTP)
        TOKENDESK_CKR(CKR_EXCEEDED_MAX_ITERATIONS)
        TOKENDESK_CKR(CKR_FIPS_SELF_TEST_FAILED)
        TOKENDESK_CKR(CKR_LIBRARY_LOAD_FAILED)
        TOKENDESK_CKR(CKR_PIN_TOO_WEAK)
        TOKENDESK_CKR(CKR_PUBLIC_KEY_INVALID)
        TOKENDESK_CKR(CKR_FUNCTION_REJECTED)
#undef TOKENDESK_CKR
    default:
        break;
    }
    if (rv >= CKR_VENDOR_DEFINED) {
        return QStringLiteral("CKR_VENDOR_DEFINED+0x%1").arg(rv - CKR_VENDOR_DEFINED, 0, 16);
    }
    return QStringLiteral("0x%1").arg(rv, 8, 16, QLatin1Char('0'));
}

QString Pkcs11Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::ModuleNotLoaded:
        return QStringLiteral("module_not_loaded");
    case Kind::ModuleCrashed:
        return QStringLiteral("module_crashed");
    case Kind::ModuleHung:
        return QStringLiteral("module_stopped_answering");
    case Kind::TokenNotPresent:
        return QStringLiteral("token_not_present");
    case Kind::SessionClosed:
        return QStringLiteral("session_closed");
    case Kind::PinIncorrect:
        return QStringLiteral("pin_incorrect");
    case Kind::PinLocked:
        return QStringLiteral("pin_locked");
    case Kind::PinInvalid:
        return QStringLiteral("pin_invalid");
    case Kind::PinExpired:
        return QStringLiteral("pin_expired");
    case Kind::NotLoggedIn:
        return QStringLiteral("not_logged_in");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::NotSupported:
        return QStringLiteral("not_supported");
    case Kind::DeviceError:
        return QStringLiteral("device_error");
    case Kind::ObjectNotFound:
        return QStringLiteral("object_not_found");
    case Kind::InvalidUri:
        return QStringLiteral("invalid_uri");
    case Kind::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace tokendesk
