#include "SoftHsmConfig.h"

#include "backend/common/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace tokendesk {

namespace {

/// Larger than any SoftHSM configuration; a bigger file is not one.
constexpr qint64 kMaxConfigSize = 64 * 1024;

QString userConfigPath()
{
    // SoftHSM asks getenv("HOME"), not the password database, and not XDG_CONFIG_HOME.
    const QByteArray home = qgetenv("HOME");
    if (home.isEmpty()) {
        return {};
    }
    return QFile::decodeName(home) + QStringLiteral("/.config/softhsm2/softhsm2.conf");
}

QString dataHome()
{
    const QByteArray xdg = qgetenv("XDG_DATA_HOME");
    if (!xdg.isEmpty() && xdg.startsWith('/')) {
        return QFile::decodeName(xdg);
    }
    return QFile::decodeName(qgetenv("HOME")) + QStringLiteral("/.local/share");
}

bool hasControlCharacters(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            return true;
        }
    }
    return false;
}

} // namespace

QString SoftHsmConfig::path()
{
    const QByteArray env = qgetenv("SOFTHSM2_CONF");
    if (!env.isEmpty()) {
        return QFile::decodeName(env);
    }
    return userConfigPath();
}

QString SoftHsmConfig::tokenDirectory(const QByteArray& text)
{
    QString found;
    for (const QByteArray& rawLine : text.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#')) {
            continue;
        }
        const int equals = line.indexOf('=');
        if (equals < 0) {
            continue;
        }
        if (line.left(equals).trimmed() == "directories.tokendir") {
            found = QString::fromUtf8(line.mid(equals + 1).trimmed()); // the last one wins, as in SoftHSM
        }
    }
    return found;
}

Result<SoftHsmConfig::Info, VirtualTokenError> SoftHsmConfig::read()
{
    Info info;
    info.path = path();
    info.fromEnvironment = !qgetenv("SOFTHSM2_CONF").isEmpty();
    if (info.path.isEmpty()) {
        return VirtualTokenError::make(VirtualTokenError::Code::ConfigUnreadable, QStringLiteral("HOME is not set"));
    }
    QFile file(info.path);
    const QFileInfo fileInfo(info.path);
    if (!fileInfo.exists()) {
        return VirtualTokenError::make(VirtualTokenError::Code::ConfigUnreadable, QStringLiteral("no such file"),
                                       info.path);
    }
    if (!fileInfo.isFile() || fileInfo.size() > kMaxConfigSize) {
        return VirtualTokenError::make(VirtualTokenError::Code::ConfigUnreadable,
                                       QStringLiteral("not a SoftHSM2 configuration file"), info.path);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return VirtualTokenError::make(VirtualTokenError::Code::ConfigUnreadable, file.errorString(), info.path);
    }
    info.tokenDir = tokenDirectory(file.read(kMaxConfigSize));
    if (info.tokenDir.isEmpty()) {
        return VirtualTokenError::make(VirtualTokenError::Code::NoTokenDirectory, QString(), info.path);
    }
    return info;
}

Result<SoftHsmConfig::Info, VirtualTokenError> SoftHsmConfig::ensure()
{
    const QString file = path();
    if (file.isEmpty() || !QFileInfo(file).isAbsolute()) {
        return VirtualTokenError::make(VirtualTokenError::Code::ConfigUnwritable, QStringLiteral("HOME is not set"));
    }
    if (QFileInfo::exists(file) || !qgetenv("SOFTHSM2_CONF").isEmpty()) {
        return read(); // never overwritten, never made where SOFTHSM2_CONF points
    }
    const QString tokenDir = dataHome() + QStringLiteral("/softhsm2/tokens");
    if (hasControlCharacters(tokenDir)) {
        // A line break would end the configuration's line and start another key.
        return VirtualTokenError::make(VirtualTokenError::Code::ConfigUnwritable,
                                       QStringLiteral("the home folder's path has control characters"), tokenDir);
    }
    if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
        return VirtualTokenError::make(VirtualTokenError::Code::ConfigUnwritable,
                                       QStringLiteral("cannot make the folder"), QFileInfo(file).absolutePath());
    }
    const bool newTokenDir = !QFileInfo::exists(tokenDir);
    if (!QDir().mkpath(tokenDir) || !QFileInfo(tokenDir).isDir()) {
        return VirtualTokenError::make(VirtualTokenError::Code::ConfigUnwritable,
                                       QStringLiteral("cannot make the folder"), tokenDir);
    }
    if (newTokenDir && ::chmod(QFile::encodeName(tokenDir).constData(), 0700) != 0) {
        return VirtualTokenError::make(VirtualTokenError::Code::ConfigUnwritable,
                                       QString::fromLocal8Bit(std::strerror(errno)), tokenDir);
    }
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (QFileInfo::exists(file)) {
            return read(); // made by someone else meanwhile: theirs is used
        }
        return VirtualTokenError::make(VirtualTokenError::Code::ConfigUnwritable, out.errorString(), file);
    }
    const QByteArray text = "# SoftHSM2 for this user, made by TokenDesk for its virtual tokens.\n"
                            "# libsofthsm2 reads this file when SOFTHSM2_CONF is not set.\n"
                            "directories.tokendir = " +
                            QFile::encodeName(tokenDir) +
                            "\n"
                            "objectstore.backend = file\n"
                            "log.level = ERROR\n"
                            "slots.removable = false\n";
    if (out.write(text) != text.size() || !out.flush()) {
        const QString reason = out.errorString();
        out.remove();
        return VirtualTokenError::make(VirtualTokenError::Code::ConfigUnwritable, reason, file);
    }
    out.close();
    qCInfo(lcPkcs11) << "made the SoftHSM2 configuration" << file << "with tokens in" << tokenDir;
    auto info = read();
    if (info) {
        info.value().created = true;
    }
    return info;
}

QString SoftHsmConfig::systemPath()
{
    // Debian's build; upstream's default (--sysconfdir=/etc) names /etc/softhsm2.conf.
    for (const char* candidate : {"/etc/softhsm/softhsm2.conf", "/etc/softhsm2.conf"}) {
        if (QFileInfo::exists(QString::fromLatin1(candidate))) {
            return QString::fromLatin1(candidate);
        }
    }
    return QStringLiteral("/etc/softhsm/softhsm2.conf");
}

void SoftHsmConfig::prepareForWindow()
{
    if (!qgetenv("SOFTHSM2_CONF").isEmpty() || modulePath().isEmpty() || path().isEmpty() ||
        QFileInfo::exists(path())) {
        return;
    }
    QFile system(systemPath());
    if (system.open(QIODevice::ReadOnly)) {
        const QString dir = tokenDirectory(system.read(kMaxConfigSize));
        if (!dir.isEmpty() && ::access(QFile::encodeName(dir).constData(), W_OK | X_OK) == 0) {
            return; // the system's token folder takes this user's tokens
        }
    }
    if (auto made = ensure(); !made) {
        qCWarning(lcPkcs11) << "no SoftHSM2 configuration for virtual tokens:" << made.error().codeName()
                            << made.error().path << made.error().detail;
    }
}

QString SoftHsmConfig::modulePath()
{
    static const char* const candidates[] = {
        "/usr/lib/softhsm/libsofthsm2.so",
        "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/lib64/pkcs11/libsofthsm2.so",
        "/usr/local/lib/softhsm/libsofthsm2.so",
    };
    for (const char* candidate : candidates) {
        if (QFileInfo(QString::fromLatin1(candidate)).isFile()) {
            return QString::fromLatin1(candidate);
        }
    }
    return {};
}

} // namespace tokendesk
