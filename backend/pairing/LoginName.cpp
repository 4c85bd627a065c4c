#include "LoginName.h"

namespace tokendesk {

bool LoginName::valid(const QString& login)
{
    if (login.isEmpty() || login.size() > 256 || login == QLatin1String(".") || login == QLatin1String("..")) {
        return false;
    }
    for (const QChar c : login) {
        if (c == QLatin1Char('/') || c.isSpace() || c.category() == QChar::Other_Control ||
            c.category() == QChar::Other_Format) {
            return false;
        }
    }
    return true;
}

} // namespace tokendesk
