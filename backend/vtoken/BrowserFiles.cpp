#include "BrowserFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <cerrno>
#include <csignal>
#include <limits>
#include <unistd.h>

namespace tokendesk {

namespace {

/// The lines of a regular file of at most kMaxFileSize bytes, without their line ends.
QList<QByteArray> readLines(const QString& path)
{
    const QFileInfo info(path);
    // isFile() follows symlinks: a link to /dev/null or to a pipe is refused here, before open().
    if (!info.isFile() || info.size() > BrowserFiles::kMaxFileSize) {
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QList<QByteArray> lines = file.read(BrowserFiles::kMaxFileSize).split('\n');
    for (QByteArray& line : lines) {
        if (line.endsWith('\r')) {
            line.chop(1);
        }
    }
    return lines;
}

/// A pkcs11.txt value: as written, or NSS's quoted form ("...", backslash escapes).
QString nssValue(const QByteArray& raw)
{
    if (!raw.startsWith('"')) {
        return QString::fromUtf8(raw);
    }
    QByteArray value;
    for (qsizetype i = 1; i < raw.size() && raw.at(i) != '"'; ++i) {
        if (raw.at(i) == '\\' && i + 1 < raw.size()) {
            ++i;
        }
        value += raw.at(i);
    }
    return QString::fromUtf8(value);
}

} // namespace

QList<NssModuleEntry> BrowserFiles::nssModules(const QString& dir)
{
    QList<NssModuleEntry> modules;
    NssModuleEntry current;
    bool open = false;
    const auto finish = [&] {
        if (open) {
            modules.append(current);
        }
        current = {};
        open = false;
    };
    const QList<QByteArray> lines = readLines(QDir(dir).filePath(QStringLiteral("pkcs11.txt")));
    for (const QByteArray& line : lines) {
        if (line.isEmpty()) {
            finish();
            continue;
        }
        if (line.startsWith('#')) {
            continue;
        }
        open = true;
        const qsizetype equals = line.indexOf('=');
        const QByteArray key = line.left(equals).toLower();
        const QByteArray value = equals < 0 ? QByteArray() : line.mid(equals + 1);
        if (key == "name") {
            current.name = nssValue(value);
        } else if (key == "library") {
            current.library = nssValue(value);
        }
    }
    finish();
    return modules;
}

bool BrowserFiles::isNssDatabase(const QString& dir)
{
    const QDir folder(dir);
    return QFileInfo(folder.filePath(QStringLiteral("cert9.db"))).isFile() ||
           QFileInfo(folder.filePath(QStringLiteral("key4.db"))).isFile();
}

QList<FirefoxProfileEntry> BrowserFiles::firefoxProfiles(const QString& profilesFolder)
{
    struct Section
    {
        QString name;
        QByteArray path;
        bool relative = true;
        bool isProfile = false;
    };
    QList<Section> sections;
    const QList<QByteArray> lines = readLines(QDir(profilesFolder).filePath(QStringLiteral("profiles.ini")));
    for (const QByteArray& raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.startsWith('[')) {
            Section section;
            section.isProfile = line.startsWith("[Profile") && line.endsWith(']');
            sections.append(section);
            continue;
        }
        const qsizetype equals = line.indexOf('=');
        if (sections.isEmpty() || !sections.last().isProfile || equals <= 0) {
            continue;
        }
        const QByteArray key = line.left(equals);
        // Firefox keeps the value's bytes as they are: no quotes, no escapes.
        const QByteArray value = raw.mid(raw.indexOf('=') + 1);
        if (key == "Name") {
            sections.last().name = QString::fromUtf8(value);
        } else if (key == "Path") {
            sections.last().path = value;
        } else if (key == "IsRelative") {
            sections.last().relative = value.trimmed() == "1";
        }
    }
    QList<FirefoxProfileEntry> profiles;
    for (const Section& section : std::as_const(sections)) {
        if (!section.isProfile || section.path.isEmpty()) {
            continue;
        }
        QString path = QFile::decodeName(section.path);
        // Not cleaned: a ".." stays visible, and makes the path one that is never written to.
        if (section.relative || QFileInfo(path).isRelative()) {
            path = profilesFolder + QLatin1Char('/') + path;
        }
        profiles.append(FirefoxProfileEntry{section.name, path});
    }
    return profiles;
}

bool BrowserFiles::isProfileInUse(const QString& dir)
{
    const QByteArray lock = QFile::encodeName(QDir(dir).filePath(QStringLiteral("lock")));
    char target[256] = {};
    const ssize_t length = ::readlink(lock.constData(), target, sizeof(target) - 1);
    if (length <= 0) {
        return false;
    }
    const QByteArray text(target, length);
    const qsizetype plus = text.lastIndexOf(":+");
    bool number = false;
    const qint64 pid = plus < 0 ? 0 : text.mid(plus + 2).toLongLong(&number);
    if (!number || pid <= 0 || pid > std::numeric_limits<pid_t>::max()) {
        return false;
    }
    // Signal 0 only asks whether the process exists; EPERM: it does, as someone else.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

bool BrowserFiles::isSafePath(const QString& path)
{
    for (const QChar c : path) {
        if (c.category() == QChar::Other_Control) {
            return false;
        }
    }
    const QStringList parts = path.split(QLatin1Char('/'));
    return !path.isEmpty() && !parts.contains(QStringLiteral(".."));
}

bool BrowserFiles::enabledIn(const QString& program, const QString& enableIn, const QString& disableIn)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    if (!enableIn.isNull()) {
        return enableIn.split(separators, Qt::SkipEmptyParts).contains(program);
    }
    return disableIn.isNull() || !disableIn.split(separators, Qt::SkipEmptyParts).contains(program);
}

QString BrowserFiles::canonical(const QString& path)
{
    const QFileInfo info(path);
    const QString resolved = info.canonicalFilePath();
    return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
}

} // namespace tokendesk
