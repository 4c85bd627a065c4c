#include "ReaderDrivers.h"

#include "backend/common/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace tokendesk {

namespace {

struct PlistDict
{
    QHash<QString, QString> strings;
    QHash<QString, int> arraySizes;
    QHash<QString, QString> firstOfArray;
};

/// The top-level <dict> of an Info.plist: string values, and the size and
/// first element of array values (the ifd* keys are arrays, one per reader).
bool readPlist(const QString& path, PlistDict& dict)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    QXmlStreamReader xml(&file);
    QString key;
    int depth = 0; // dict depth: only the top level is read
    bool sawDict = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("dict")) {
                ++depth;
                sawDict = true;
            } else if (depth == 1 && name == QLatin1String("key")) {
                key = xml.readElementText();
            } else if (depth == 1 && name == QLatin1String("string") && !key.isEmpty()) {
                dict.strings.insert(key, xml.readElementText().trimmed());
                key.clear();
            } else if (depth == 1 && name == QLatin1String("array") && !key.isEmpty()) {
                int count = 0;
                while (xml.readNextStartElement()) {
                    const QString value = xml.readElementText().trimmed();
                    if (count++ == 0) {
                        dict.firstOfArray.insert(key, value);
                    }
                }
                dict.arraySizes.insert(key, count);
                key.clear();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("dict")) {
            --depth;
        }
    }
    return sawDict && !xml.hasError();
}

QString value(const PlistDict& dict, const QString& key)
{
    return dict.strings.value(key, dict.firstOfArray.value(key));
}

} // namespace

QString ReaderDrivers::defaultBundleDir()
{
    return QStringLiteral(TOKENDESK_PCSC_USBDROPDIR);
}

QString ReaderDrivers::defaultSerialConfDir()
{
    return QStringLiteral(TOKENDESK_PCSC_SERIALCONFDIR);
}

QList<ReaderDriver> ReaderDrivers::scan(const QString& bundleDir, const QString& serialConfDir)
{
    QList<ReaderDriver> drivers;
    const QDir bundles(bundleDir);
    const auto bundleNames = bundles.entryList({QStringLiteral("*.bundle")}, QDir::Dirs, QDir::Name);
    for (const QString& name : bundleNames) {
        drivers << readBundle(bundles.filePath(name));
    }
    const QDir conf(serialConfDir);
    const auto confNames = conf.entryList(QDir::Files, QDir::Name);
    for (const QString& name : confNames) {
        drivers << readSerialConf(conf.filePath(name));
    }
    return drivers;
}

ReaderDriver ReaderDrivers::readBundle(const QString& bundlePath)
{
    ReaderDriver driver;
    driver.kind = ReaderDriver::Kind::Bundle;
    driver.path = bundlePath;
    PlistDict dict;
    if (!readPlist(bundlePath + QStringLiteral("/Contents/Info.plist"), dict)) {
        qCWarning(lcPcsc) << "unreadable Info.plist in" << bundlePath;
        driver.id = QFileInfo(bundlePath).completeBaseName();
        driver.problem = ReaderDriver::Problem::UnreadableInfo;
        return driver;
    }
    driver.id = value(dict, QStringLiteral("CFBundleIdentifier"));
    driver.version = value(dict, QStringLiteral("CFBundleShortVersionString"));
    if (driver.version.isEmpty()) {
        driver.version = value(dict, QStringLiteral("CFBundleVersion"));
    }
    driver.product = value(dict, QStringLiteral("ifdProductString"));
    driver.manufacturer = value(dict, QStringLiteral("ifdManufacturerString"));
    driver.supportedReaders = dict.arraySizes.value(QStringLiteral("ifdVendorID"));
    const QString executable = value(dict, QStringLiteral("CFBundleExecutable"));
    // pcsc-lite loads Contents/<platform>/<CFBundleExecutable>; Linux is the platform here.
    driver.library = bundlePath + QStringLiteral("/Contents/Linux/") + executable;
    if (executable.isEmpty() || !QFileInfo::exists(driver.library)) {
        driver.problem = ReaderDriver::Problem::MissingLibrary;
    }
    return driver;
}

QList<ReaderDriver> ReaderDrivers::readSerialConf(const QString& confPath)
{
    QList<ReaderDriver> drivers;
    QFile file(confPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return drivers;
    }
    // reader.conf: FRIENDLYNAME starts an entry; DEVICENAME, LIBPATH, CHANNELID complete it.
    // Values may be quoted; '#' starts a comment.
    while (!file.atEnd()) {
        QString line = QString::fromUtf8(file.readLine());
        const int hash = line.indexOf(QLatin1Char('#'));
        if (hash >= 0) {
            line.truncate(hash);
        }
        line = line.trimmed();
        const int space = line.indexOf(QRegularExpression(QStringLiteral("\\s")));
        if (space < 0) {
            continue;
        }
        const QString key = line.left(space).toUpper();
        QString val = line.mid(space).trimmed();
        if (val.size() >= 2 && val.startsWith(QLatin1Char('"')) && val.endsWith(QLatin1Char('"'))) {
            val = val.mid(1, val.size() - 2);
        }
        if (key == QLatin1String("FRIENDLYNAME")) {
            ReaderDriver d;
            d.kind = ReaderDriver::Kind::Serial;
            d.path = confPath;
            d.id = val;
            drivers << d;
        } else if (drivers.isEmpty()) {
            continue;
        } else if (key == QLatin1String("DEVICENAME")) {
            drivers.last().device = val;
        } else if (key == QLatin1String("LIBPATH")) {
            drivers.last().library = val;
            drivers.last().problem =
                QFileInfo::exists(val) ? ReaderDriver::Problem::None : ReaderDriver::Problem::MissingLibrary;
        } else if (key == QLatin1String("CHANNELID")) {
            bool ok = false;
            const quint32 channel = val.toUInt(&ok, 0);
            drivers.last().channelId = ok ? channel : 0;
        }
    }
    return drivers;
}

} // namespace tokendesk
