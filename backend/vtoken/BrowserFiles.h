#pragma once

#include <QList>
#include <QString>

namespace tokendesk {

/// A module line of an NSS database's pkcs11.txt.
struct NssModuleEntry
{
    QString name;
    QString library; ///< as written; empty for NSS's internal module
    bool operator==(const NssModuleEntry& o) const { return name == o.name && library == o.library; }
};

/// A profile that Firefox's profiles.ini lists.
struct FirefoxProfileEntry
{
    QString name; ///< Name=, as written
    QString path; ///< Path= made absolute (IsRelative=1: under the profiles folder), not cleaned
    bool operator==(const FirefoxProfileEntry& o) const { return name == o.name && path == o.path; }
};

/// The files browsers keep their PKCS#11 settings in, read without loading NSS and never
/// written: every reader takes regular files only (no device, pipe or folder behind a
/// name) and at most kMaxFileSize bytes, so a careless profiles.ini cannot make it hang.
class BrowserFiles
{
public:
    static constexpr qint64 kMaxFileSize = 1024 * 1024;

    /// The modules of the SQL NSS database in `dir`, from its pkcs11.txt: NSS keeps an
    /// sql: database's module list there (and only there), one "key=value" per line, a
    /// blank line between modules. An absent or unreadable file lists nothing.
    static QList<NssModuleEntry> nssModules(const QString& dir);
    /// Whether `dir` holds an SQL NSS database (cert9.db or key4.db).
    static bool isNssDatabase(const QString& dir);
    /// The [Profile*] sections of `profilesFolder`/profiles.ini, in file order.
    static QList<FirefoxProfileEntry> firefoxProfiles(const QString& profilesFolder);
    /// Firefox is running with this profile: its `lock` symlink names a live process
    /// ("ADDRESS:+PID", what Firefox writes on Linux).
    static bool isProfileInUse(const QString& dir);
    /// No control characters and no ".." component: a path TokenDesk may write under.
    static bool isSafePath(const QString& path);
    /// p11-kit's rule for a module's enable-in and disable-in options (pkcs11.conf(5)): names
    /// separated by commas or blanks; enable-in wins when both are set; null: not set.
    static bool enabledIn(const QString& program, const QString& enableIn, const QString& disableIn);
    /// The same file, symlinks resolved where it exists: for comparing library paths.
    static QString canonical(const QString& path);
};

} // namespace tokendesk
