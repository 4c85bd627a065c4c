#include "ComponentVersions.h"

#include <PCSC/pcsclite.h>
#include <QFile>
#include <QHash>
#include <openssl/crypto.h>

namespace tokendesk {

namespace {
/// Every installed package's version from a dpkg status file (paragraphs of "Field: value").
QHash<QString, QString> installedPackages(const QString& path)
{
    QHash<QString, QString> versions;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return versions;
    }
    QString package;
    QString version;
    bool installed = false;
    const auto finish = [&] {
        if (!package.isEmpty() && installed && !version.isEmpty()) {
            versions.insert(package, version);
        }
        package.clear();
        version.clear();
        installed = false;
    };
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty()) {
            finish();
        } else if (line.startsWith("Package: ")) {
            package = QString::fromUtf8(line.mid(9));
        } else if (line.startsWith("Version: ")) {
            version = QString::fromUtf8(line.mid(9));
        } else if (line.startsWith("Status: ")) {
            installed = line.endsWith(" installed");
        }
    }
    finish();
    return versions;
}
} // namespace

QString ComponentVersions::openSsl()
{
    return QString::fromUtf8(OpenSSL_version(OPENSSL_VERSION));
}

QString ComponentVersions::packageVersion(const QString& package, const QString& dpkgStatus)
{
    return installedPackages(dpkgStatus).value(package);
}

QList<ComponentVersion> ComponentVersions::all(const QString& dpkgStatus)
{
    using Source = ComponentVersion::Source;
    QList<ComponentVersion> list;
    list.append({QStringLiteral("Qt"), QString::fromLatin1(qVersion()), Source::RunTime, {}});
    list.append({QStringLiteral("OpenSSL"), openSsl(), Source::RunTime, {}});
    const QHash<QString, QString> packages = installedPackages(dpkgStatus);
    const auto addPackage = [&](const QString& component, const QString& package) {
        if (packages.contains(package)) {
            list.append({component, packages.value(package), Source::Package, package});
        }
    };
    list.append({QStringLiteral("pcsc-lite"), QStringLiteral(PCSCLITE_VERSION_NUMBER), Source::BuildTime, {}});
    addPackage(QStringLiteral("pcsc-lite"), QStringLiteral("libpcsclite1"));
    addPackage(QStringLiteral("pcsc-lite"), QStringLiteral("pcscd"));
    list.append({QStringLiteral("p11-kit"), QStringLiteral(TOKENDESK_P11KIT_BUILD_VERSION), Source::BuildTime, {}});
    addPackage(QStringLiteral("p11-kit"), QStringLiteral("libp11-kit0"));
    return list;
}

} // namespace tokendesk
