#pragma once

#include <QSettings>
#include <QVariant>
#include <memory>

namespace tokendesk {

/// The user's settings, behind one table of keys, names and defaults.
/// Tests point it at a temporary file with useFile().
class Settings
{
public:
    enum class Key
    {
        NotifyCardEvents,  ///< bool: tray notification when a card is inserted or removed
        ShowTrustStores,   ///< bool: trust stores and keyrings (ModuleInfo::system) in the token tree
        IsolateModules,    ///< bool: each PKCS#11 module in a child process (ModuleHost), read at start
        SmartcardListPath, ///< QString: smartcard_list.txt to name cards; empty: the default
        WindowGeometry,    ///< QByteArray
        PamConfigPath,     ///< QString: pam_pkcs11.conf whose mappers and files pairing uses; empty: the system's
        PairingStores,     ///< QStringList: KIND:PATH stores instead of pam_pkcs11's; empty: pam_pkcs11's
        PairingAuditLog,   ///< QString: a file that gets each pair/unpair audit line besides syslog; empty: none
        PairingPrompts,    ///< bool: offer to pair an inserted card that nobody is paired with
        PairingDeclined,   ///< QStringList: SHA-256 (hex) of certificates the user said "don't ask again" for
        // The directory (ldap pairing store): see DirectoryOptions. Never a password.
        DirectoryBindDn,               ///< QString: empty: anonymous
        DirectoryCaFile,               ///< QString: empty: the system's CA store
        DirectoryStartTls,             ///< bool
        DirectoryUserFilter,           ///< QString: empty: DirectoryOptions' default
        DirectoryCertificateAttribute, ///< QString: empty: userCertificate;binary
        DirectoryTimeoutMs,            ///< int: connect and operation time-out; 0: 5000
        DirectoryRememberPassword,     ///< bool: the bind password is kept in the Secret Service
        SssdConfPath,                  ///< QString: sssd.conf with certmap rules; empty: /etc/sssd/sssd.conf
        Language, ///< QString: "en", "de", "fr" (Language::available()); empty: the system's, read at start
    };

    static Settings& instance();

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);
    bool boolValue(Key key) const { return value(key).toBool(); }

    /// Reads and writes `path` instead of the user's settings file.
    void useFile(const QString& path);
    /// Writes what is still pending now. A test whose settings file is in a temporary folder calls
    /// it before the folder goes: else QSettings writes at exit and makes the folder again.
    void sync();

private:
    Settings();
    std::unique_ptr<QSettings> m_settings;
};

} // namespace tokendesk
