#pragma once

#include "Pkcs11Error.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace tokendesk {

/// A slot (a reader, for smart-card modules), with or without a token.
struct SlotInfo
{
    QString modulePath; ///< ModuleInfo::path of the module that has this slot
    quint64 slotId = 0; ///< CK_SLOT_ID: valid while the module stays initialized
    QString description;
    QString manufacturer;
    QByteArray descriptionRaw;  ///< the fixed field as the module gave it (for URIs)
    QByteArray manufacturerRaw; ///< the fixed field as the module gave it (for URIs)
    bool tokenPresent = false;
    bool removable = false; ///< a reader (the token can come and go)
    bool hardware = false;  ///< a hardware slot, not software
    quint64 flags = 0;      ///< CKF_* of CK_SLOT_INFO, as the module gave them
    /// A token is present but the module cannot read it (C_GetTokenInfo failed,
    /// e.g. CKR_TOKEN_NOT_RECOGNIZED for a card no driver knows).
    std::optional<Pkcs11Error> tokenError;

    bool operator==(const SlotInfo& o) const
    {
        return modulePath == o.modulePath && slotId == o.slotId && description == o.description &&
               manufacturer == o.manufacturer && descriptionRaw == o.descriptionRaw &&
               manufacturerRaw == o.manufacturerRaw && tokenPresent == o.tokenPresent && removable == o.removable &&
               hardware == o.hardware && flags == o.flags && tokenError == o.tokenError;
    }
    bool operator!=(const SlotInfo& o) const { return !(*this == o); }
};

/// The PIN state flags of CK_TOKEN_INFO for one PIN (user or SO).
struct PinFlags
{
    bool countLow = false;    ///< a wrong PIN was entered since the last right one
    bool finalTry = false;    ///< one more wrong PIN locks it
    bool locked = false;      ///< locked: the PUK / SO PIN unblocks it
    bool toBeChanged = false; ///< still the default, or expired

    bool operator==(const PinFlags& o) const
    {
        return countLow == o.countLow && finalTry == o.finalTry && locked == o.locked && toBeChanged == o.toBeChanged;
    }
    bool operator!=(const PinFlags& o) const { return !(*this == o); }
};

/// A snapshot of a token, keyed by module path + serial (TokenInfo::key()).
/// Text fields are decoded for people (UTF-8, else Latin-1); the raw fixed
/// fields are kept because URIs match on the bytes.
struct TokenInfo
{
    QString modulePath; ///< ModuleInfo::path; first half of the key
    QString moduleName; ///< ModuleInfo::name
    SlotInfo slot;      ///< where the token is now

    QString label;
    QString manufacturer;
    QString model;
    QString serial; ///< second half of the key
    QByteArray labelRaw;
    QByteArray manufacturerRaw;
    QByteArray modelRaw;
    QByteArray serialRaw;

    bool loginRequired = false;
    bool protectedAuthenticationPath = false; ///< the PIN is entered on the reader's PIN pad
    bool userPinInitialized = false;
    bool tokenInitialized = false;
    bool writeProtected = false;
    bool rng = false;
    PinFlags userPin;
    PinFlags soPin;
    quint64 flags = 0; ///< every CKF_* of CK_TOKEN_INFO, as the module gave them

    qint64 minPinLength = -1; ///< -1: the module does not say
    qint64 maxPinLength = -1; ///< -1: the module does not say
    QString hardwareVersion;  ///< "2.6"
    QString firmwareVersion;
    QString uri; ///< pkcs11:model=...;manufacturer=...;serial=...;token=...

    /// Module path and serial: stays the same while the token moves between readers.
    QString key() const { return modulePath + QLatin1Char('\n') + serial; }

    bool operator==(const TokenInfo& o) const
    {
        return modulePath == o.modulePath && moduleName == o.moduleName && slot == o.slot && label == o.label &&
               manufacturer == o.manufacturer && model == o.model && serial == o.serial && labelRaw == o.labelRaw &&
               manufacturerRaw == o.manufacturerRaw && modelRaw == o.modelRaw && serialRaw == o.serialRaw &&
               loginRequired == o.loginRequired && protectedAuthenticationPath == o.protectedAuthenticationPath &&
               userPinInitialized == o.userPinInitialized && tokenInitialized == o.tokenInitialized &&
               writeProtected == o.writeProtected && rng == o.rng && userPin == o.userPin && soPin == o.soPin &&
               flags == o.flags && minPinLength == o.minPinLength && maxPinLength == o.maxPinLength &&
               hardwareVersion == o.hardwareVersion && firmwareVersion == o.firmwareVersion && uri == o.uri;
    }
    bool operator!=(const TokenInfo& o) const { return !(*this == o); }
};

using TokenList = QList<TokenInfo>;

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::SlotInfo)
Q_DECLARE_METATYPE(tokendesk::TokenInfo)
