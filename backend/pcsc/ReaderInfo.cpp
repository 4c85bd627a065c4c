#include "ReaderInfo.h"

namespace tokendesk {

QString atrToHex(const QByteArray& atr)
{
    return QString::fromLatin1(atr.toHex(' ').toUpper());
}

} // namespace tokendesk
