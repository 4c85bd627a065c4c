#include "ReaderFeatures.h"

#include <iterator>

namespace tokendesk {

QString ReaderFeatures::featureName(quint8 tag)
{
    switch (tag) {
    case VerifyPinStart:
        return QStringLiteral("FEATURE_VERIFY_PIN_START");
    case VerifyPinFinish:
        return QStringLiteral("FEATURE_VERIFY_PIN_FINISH");
    case ModifyPinStart:
        return QStringLiteral("FEATURE_MODIFY_PIN_START");
    case ModifyPinFinish:
        return QStringLiteral("FEATURE_MODIFY_PIN_FINISH");
    case GetKeyPressed:
        return QStringLiteral("FEATURE_GET_KEY_PRESSED");
    case VerifyPinDirect:
        return QStringLiteral("FEATURE_VERIFY_PIN_DIRECT");
    case ModifyPinDirect:
        return QStringLiteral("FEATURE_MODIFY_PIN_DIRECT");
    case MctReaderDirect:
        return QStringLiteral("FEATURE_MCT_READER_DIRECT");
    case MctUniversal:
        return QStringLiteral("FEATURE_MCT_UNIVERSAL");
    case IfdPinProperties:
        return QStringLiteral("FEATURE_IFD_PIN_PROPERTIES");
    case Abort:
        return QStringLiteral("FEATURE_ABORT");
    case SetSpeMessage:
        return QStringLiteral("FEATURE_SET_SPE_MESSAGE");
    case VerifyPinDirectAppId:
        return QStringLiteral("FEATURE_VERIFY_PIN_DIRECT_APP_ID");
    case ModifyPinDirectAppId:
        return QStringLiteral("FEATURE_MODIFY_PIN_DIRECT_APP_ID");
    case WriteDisplay:
        return QStringLiteral("FEATURE_WRITE_DISPLAY");
    case GetKey:
        return QStringLiteral("FEATURE_GET_KEY");
    case IfdDisplayProperties:
        return QStringLiteral("FEATURE_IFD_DISPLAY_PROPERTIES");
    case GetTlvProperties:
        return QStringLiteral("FEATURE_GET_TLV_PROPERTIES");
    case CcidEscCommand:
        return QStringLiteral("FEATURE_CCID_ESC_COMMAND");
    case ExecutePace:
        return QStringLiteral("FEATURE_EXECUTE_PACE");
    default:
        return QStringLiteral("FEATURE_0x%1").arg(tag, 2, 16, QLatin1Char('0'));
    }
}

bool ReaderFeatures::parseFeatureRequest(const QByteArray& answer)
{
    const auto* p = reinterpret_cast<const quint8*>(answer.constData());
    const int size = static_cast<int>(answer.size());
    for (int i = 0; i < size;) {
        if (i + 2 > size || p[i + 1] != 4 || i + 6 > size) {
            return false;
        }
        const quint32 code =
            (quint32(p[i + 2]) << 24) | (quint32(p[i + 3]) << 16) | (quint32(p[i + 4]) << 8) | quint32(p[i + 5]);
        controlCodes.insert(p[i], code);
        i += 6;
    }
    return true;
}

bool ReaderFeatures::parseTlvProperties(const QByteArray& answer)
{
    static const char* const names[] = {nullptr,        "wLcdLayout",        "bEntryValidationCondition",
                                        "bTimeOut2",    "wLcdMaxCharacters", "wLcdMaxLines",
                                        "bMinPINSize",  "bMaxPINSize",       "sFirmwareID",
                                        "bPPDUSupport", "dwMaxAPDUDataSize", "wIdVendor",
                                        "wIdProduct"};
    constexpr int kFirmwareId = 8;
    const auto* p = reinterpret_cast<const quint8*>(answer.constData());
    const int size = static_cast<int>(answer.size());
    for (int i = 0; i < size;) {
        if (i + 2 > size) {
            return false;
        }
        const quint8 tag = p[i];
        const int length = p[i + 1];
        if (i + 2 + length > size) {
            return false;
        }
        const QByteArray value = answer.mid(i + 2, length);
        const bool known = tag > 0 && tag < std::size(names);
        const QString name =
            known ? QString::fromLatin1(names[tag]) : QStringLiteral("tag_0x%1").arg(tag, 2, 16, QLatin1Char('0'));
        if (!known) {
            properties.insert(name, value);
        } else if (tag == kFirmwareId) {
            properties.insert(name, QString::fromLatin1(value));
        } else if (length == 1 || length == 2 || length == 4) {
            quint32 n = 0;
            for (int b = length - 1; b >= 0; --b) {
                n = (n << 8) | quint8(value.at(b)); // little-endian
            }
            properties.insert(name, n);
        } else {
            return false;
        }
        i += 2 + length;
    }
    return true;
}

} // namespace tokendesk
