#include "ObjectInfo.h"

namespace tokendesk {

QByteArray ObjectInfo::ecPointBytes() const
{
    // PKCS#11 says DER OCTET STRING; some modules (older OpenSC drivers) give the bare point.
    // A bare uncompressed point starts with 04 too, and its second byte (the first of X) can
    // look like a length that fits (04 3F + 63 bytes), so the wrapping is taken only when
    // its length matches the rest exactly and what it wraps is a point itself: 04 and two
    // coordinates (an odd length), or 02/03 and one (compressed).
    const auto* p = reinterpret_cast<const unsigned char*>(ecPoint.constData());
    const qsizetype n = ecPoint.size();
    if (n >= 2 && p[0] == 0x04) {
        qsizetype header = 2;
        qsizetype length = p[1];
        if (p[1] == 0x81 && n >= 3) {
            header = 3;
            length = p[2];
        } else if (p[1] == 0x82 && n >= 4) {
            header = 4;
            length = (qsizetype(p[2]) << 8) | p[3];
        } else if (p[1] >= 0x80) {
            length = -1;
        }
        if (length >= 0 && header + length == n && length > 0) {
            const unsigned char format = p[header];
            const bool point =
                (format == 0x04 && length % 2 == 1) || ((format == 0x02 || format == 0x03) && length > 1);
            if (point) {
                return ecPoint.mid(header);
            }
        }
    }
    return ecPoint;
}

QString ObjectInfo::className(Class c)
{
    // The words RFC 7512 uses for type=.
    switch (c) {
    case Class::Certificate:
        return QStringLiteral("cert");
    case Class::PublicKey:
        return QStringLiteral("public");
    case Class::PrivateKey:
        return QStringLiteral("private");
    case Class::SecretKey:
        return QStringLiteral("secret-key");
    case Class::Data:
        return QStringLiteral("data");
    case Class::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace tokendesk
