#include "RowSupport.h"

#include <QGuiApplication>
#include <QStringBuilder>

namespace tokendesk {

QIcon RowSupport::themeIcon(const char* name)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        return {};
    }
    return QIcon::fromTheme(QLatin1String(name));
}

QString RowSupport::searchText(const QStringList& words)
{
    return words.join(QLatin1Char('\n')).toLower();
}

QDateTime RowSupport::now(const QDateTime& reference)
{
    return reference.isValid() ? reference : QDateTime::currentDateTimeUtc();
}

QString RowKeys::unique(const QString& base)
{
    const int n = m_seen[base]++;
    return n == 0 ? base : base % QLatin1Char('#') % QString::number(n);
}

} // namespace tokendesk
