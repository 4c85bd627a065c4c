#include "VirtualTokenError.h"

namespace tokendesk {

QString VirtualTokenError::codeName() const
{
    switch (code) {
    case Code::ModuleMissing:
        return QStringLiteral("module_missing");
    case Code::ConfigUnreadable:
        return QStringLiteral("config_unreadable");
    case Code::ConfigUnwritable:
        return QStringLiteral("config_unwritable");
    case Code::NoTokenDirectory:
        return QStringLiteral("no_token_directory");
    case Code::BadLabel:
        return QStringLiteral("bad_label");
    case Code::LabelTaken:
        return QStringLiteral("label_taken");
    case Code::NotFound:
        return QStringLiteral("not_found");
    case Code::NoFreeSlot:
        return QStringLiteral("no_free_slot");
    case Code::SecretService:
        return QStringLiteral("secret_service");
    case Code::SoPinMissing:
        return QStringLiteral("so_pin_missing");
    case Code::ToolFailed:
        return QStringLiteral("tool_failed");
    case Code::Pkcs11:
        break;
    }
    return pkcs11 ? Pkcs11Error::kindName(pkcs11->kind) : QStringLiteral("pkcs11");
}

} // namespace tokendesk
