#include "PairingAudit.h"

#include "backend/common/FileName.h"

#include <QRegularExpression>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <syslog.h>
#include <unistd.h>

namespace tokendesk {

namespace {
/// A value as the line holds it: bare when it has nothing odd, else quoted with \" \\ \n \xNN.
QString quoted(const QString& value)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._:/@+=,~-]+$"));
    if (plain.match(value).hasMatch()) {
        return value;
    }
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            out += QLatin1Char('\\') + c;
        } else if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f) ||
                   c.category() == QChar::Other_Format) {
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString userName(uid_t uid)
{
    const struct passwd* pw = ::getpwuid(uid);
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QStringLiteral("uid %1").arg(uid);
}
} // namespace

QString PairingAudit::format(const Entry& entry, const QString& operatorName, const QDateTime& utc)
{
    QStringList parts;
    parts << QStringLiteral("time=") + utc.toUTC().toString(Qt::ISODate);
    parts << QStringLiteral("operator=") + quoted(operatorName);
    parts << QStringLiteral("action=") +
                 (entry.action == Action::Pair ? QStringLiteral("pair") : QStringLiteral("unpair"));
    parts << QStringLiteral("login=") + quoted(entry.login);
    parts << QStringLiteral("store=") + quoted(entry.store);
    parts << QStringLiteral("sha256=") + (entry.sha256.isEmpty() ? QStringLiteral("all") : quoted(entry.sha256));
    if (entry.action == Action::Unpair) {
        parts << QStringLiteral("removed=%1").arg(entry.count);
    }
    return parts.join(QLatin1Char(' '));
}

QString PairingAudit::operatorName()
{
    QString name = userName(::getuid());
    // Who ran sudo or pkexec: the environment tells, and is only a hint (the caller could set it).
    const QString sudoUser = qEnvironmentVariable("SUDO_USER");
    const QString pkexecUid = qEnvironmentVariable("PKEXEC_UID");
    if (!sudoUser.isEmpty()) {
        name += QStringLiteral(" (sudo: %1)").arg(sudoUser);
    } else if (!pkexecUid.isEmpty()) {
        name += QStringLiteral(" (pkexec: %1)").arg(userName(pkexecUid.toUInt()));
    }
    return name;
}

bool PairingAudit::appendToFile(const QString& path, const QString& line)
{
    const QByteArray bytes = (line + QLatin1Char('\n')).toUtf8();
    const int fd =
        ::open(FileName::toBytes(path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        return false;
    }
    // One write: with O_APPEND the line lands whole after whatever others appended.
    ssize_t n;
    do {
        n = ::write(fd, bytes.constData(), size_t(bytes.size()));
    } while (n < 0 && errno == EINTR);
    const bool ok = n == bytes.size();
    return ::close(fd) == 0 && ok;
}

bool PairingAudit::record(const Entry& entry, const QString& file)
{
    const QString line = format(entry, operatorName(), QDateTime::currentDateTimeUtc());
    ::openlog("tokendesk", LOG_PID, LOG_AUTHPRIV);
    ::syslog(LOG_NOTICE, "%s", line.toUtf8().constData());
    bool ok = true;
    if (!file.isEmpty() && !appendToFile(file, line)) {
        const int error = errno;
        ::syslog(LOG_ERR, "cannot append to the audit log %s: %s", FileName::toBytes(file).constData(),
                 ::strerror(error));
        ok = false;
    }
    ::closelog();
    return ok;
}

} // namespace tokendesk
