#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QVariant>
#include <optional>

namespace tokendesk {

/// What a reader can do beyond APDUs, from PC/SC part 10: pinpad and display
/// features (CM_IOCTL_GET_FEATURE_REQUEST) and their properties.
struct ReaderFeatures
{
    /// Part 10 feature tags (the FEATURE_* values of pcsc-lite's reader.h).
    enum Feature : quint8
    {
        VerifyPinStart = 0x01,
        VerifyPinFinish = 0x02,
        ModifyPinStart = 0x03,
        ModifyPinFinish = 0x04,
        GetKeyPressed = 0x05,
        VerifyPinDirect = 0x06,
        ModifyPinDirect = 0x07,
        MctReaderDirect = 0x08,
        MctUniversal = 0x09,
        IfdPinProperties = 0x0A,
        Abort = 0x0B,
        SetSpeMessage = 0x0C,
        VerifyPinDirectAppId = 0x0D,
        ModifyPinDirectAppId = 0x0E,
        WriteDisplay = 0x0F,
        GetKey = 0x10,
        IfdDisplayProperties = 0x11,
        GetTlvProperties = 0x12,
        CcidEscCommand = 0x13,
        ExecutePace = 0x20,
    };

    /// Feature tag -> the control code to use with SCardControl.
    QMap<quint8, quint32> controlCodes;
    /// GET_TLV_PROPERTIES, by property name ("wLcdLayout", "bMinPINSize", "sFirmwareID", ...).
    QMap<QString, QVariant> properties;

    bool has(Feature f) const { return controlCodes.contains(f); }
    /// The reader takes the PIN on its own keypad.
    bool hasPinpad() const { return has(VerifyPinDirect) || has(ModifyPinDirect); }
    std::optional<quint32> controlCode(Feature f) const
    {
        const auto it = controlCodes.constFind(f);
        return it == controlCodes.cend() ? std::nullopt : std::optional<quint32>(*it);
    }

    /// The part 10 name of a feature tag, e.g. "FEATURE_VERIFY_PIN_DIRECT"; hex for unknown tags.
    static QString featureName(quint8 tag);

    /// Parses the answer to CM_IOCTL_GET_FEATURE_REQUEST: tag, length 4, control code (big-endian).
    /// Returns false on a malformed answer (what was read before the fault is kept).
    bool parseFeatureRequest(const QByteArray& answer);
    /// Parses the answer to FEATURE_GET_TLV_PROPERTIES: tag, length, little-endian value
    /// (sFirmwareID is a string). Unknown tags are kept as "tag_0xNN" byte arrays.
    bool parseTlvProperties(const QByteArray& answer);

    bool operator==(const ReaderFeatures& o) const
    {
        return controlCodes == o.controlCodes && properties == o.properties;
    }
};

} // namespace tokendesk
