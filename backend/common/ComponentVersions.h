#pragma once

#include <QList>
#include <QString>

namespace tokendesk {

/// The versions of the libraries TokenDesk runs on, for the About dialog and bug reports. Each says
/// where it was learnt: the library itself at run time (Qt's qVersion, OpenSSL_version), the
/// headers it was built with (pcsc-lite's PCSCLITE_VERSION_NUMBER, p11-kit's pkg-config version:
/// neither library tells its version at run time), or the Debian package installed now (dpkg's
/// status file; absent elsewhere).
struct ComponentVersion
{
    enum class Source
    {
        RunTime,   ///< asked of the loaded library
        BuildTime, ///< from the headers TokenDesk was compiled against
        Package,   ///< the installed package's version (`package`)
    };

    QString component; ///< "Qt", "OpenSSL", "pcsc-lite", "p11-kit"
    QString version;
    Source source = Source::RunTime;
    QString package; ///< the Debian package, for Source::Package

    bool operator==(const ComponentVersion& o) const
    {
        return component == o.component && version == o.version && source == o.source && package == o.package;
    }
};

class ComponentVersions
{
public:
    /// Qt, OpenSSL, pcsc-lite (build time, and the libpcsclite1 and pcscd packages), p11-kit (build
    /// time, and the libp11-kit0 package), in that order; packages only where dpkg knows them.
    static QList<ComponentVersion> all(const QString& dpkgStatus = defaultDpkgStatus());
    /// OpenSSL_version(OPENSSL_VERSION): "OpenSSL 3.0.19 27 Jan 2026".
    static QString openSsl();
    /// The installed version of a Debian package in a dpkg status file; empty when not installed.
    static QString packageVersion(const QString& package, const QString& dpkgStatus = defaultDpkgStatus());
    static QString defaultDpkgStatus() { return QStringLiteral("/var/lib/dpkg/status"); }
};

} // namespace tokendesk
