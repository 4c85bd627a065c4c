#pragma once

#include "Pkcs11Error.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace tokendesk {

/// A CK_VERSION: major.minor, each one byte.
struct Pkcs11Version
{
    int major = 0;
    int minor = 0;

    /// "2.40", "0.23": how pkcs11-tool and p11-kit print versions.
    QString toString() const { return QStringLiteral("%1.%2").arg(major).arg(minor); }
    bool operator==(const Pkcs11Version& o) const { return major == o.major && minor == o.minor; }
    bool operator!=(const Pkcs11Version& o) const { return !(*this == o); }
};

/// A snapshot of one PKCS#11 module, keyed by its library path. A module that
/// could not be loaded or initialized is still an entry, with `error` set, so
/// that it shows up (and does not hide the others).
struct ModuleInfo
{
    QString name;               ///< p11-kit's name of a registered module ("opensc-pkcs11"), else the file's base name
    QString path;               ///< the library file, symlinks resolved when it exists; the key
    bool registered = false;    ///< registered with p11-kit (else named by --module or TOKENDESK_MODULES)
    bool system = false;        ///< trust store or keyring: hidden from the token tree by default
    bool isolated = false;      ///< runs in a child process of its own (ModuleHost), not in TokenDesk
    QString description;        ///< CK_INFO.libraryDescription, trimmed
    QString manufacturer;       ///< CK_INFO.manufacturerID, trimmed
    QByteArray descriptionRaw;  ///< the fixed field as the module gave it (for URIs)
    QByteArray manufacturerRaw; ///< the fixed field as the module gave it (for URIs)
    Pkcs11Version libraryVersion;
    Pkcs11Version cryptokiVersion;
    quint64 flags = 0;                ///< CK_INFO.flags (none defined so far)
    QString uri;                      ///< pkcs11:library-description=...;library-manufacturer=...;library-version=...
    std::optional<Pkcs11Error> error; ///< why the module is not usable

    bool ok() const { return !error.has_value(); }

    bool operator==(const ModuleInfo& o) const
    {
        return name == o.name && path == o.path && registered == o.registered && system == o.system &&
               isolated == o.isolated && description == o.description && manufacturer == o.manufacturer &&
               descriptionRaw == o.descriptionRaw && manufacturerRaw == o.manufacturerRaw &&
               libraryVersion == o.libraryVersion && cryptokiVersion == o.cryptokiVersion && flags == o.flags &&
               uri == o.uri && error == o.error;
    }
    bool operator!=(const ModuleInfo& o) const { return !(*this == o); }
};

using ModuleList = QList<ModuleInfo>;

} // namespace tokendesk

Q_DECLARE_METATYPE(tokendesk::ModuleInfo)
