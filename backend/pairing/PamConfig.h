#pragma once

#include "PairingError.h"
#include "Scconf.h"
#include "backend/common/Result.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace tokendesk {

/// A mapper's settings in pam_pkcs11.conf (`mapper NAME { ... }`), as far as pairing needs them.
struct PamMapper
{
    QString name;       ///< "digest", "subject", "opensc", "openssh", "cn", ...
    QString mapfile;    ///< a local path (the file:// URL's path); empty: none, or not a local file
    QString mapfileUrl; ///< as written ("file:///etc/pam_pkcs11/digest_mapping", "none", "http://...")
    QString algorithm;  ///< digest: "sha1" unless set
    bool ignoreCase = false;
    bool configured = false; ///< a `mapper NAME` block exists
};

/// pam_pkcs11's configuration (pam_pkcs11.conf(5)): which mappers it runs, in which order, and
/// each one's file. Read from the file pam_pkcs11 reads, or another one with --pam-config.
class PamConfig
{
public:
    static QString defaultPath() { return QStringLiteral("/etc/pam_pkcs11/pam_pkcs11.conf"); }

    /// ConfigUnreadable when the file cannot be read; ConfigInvalid when it is not scconf or has no
    /// `pam_pkcs11 { }` block.
    [[nodiscard]] static Result<PamConfig, PairingError> read(const QString& path);
    [[nodiscard]] static Result<PamConfig, PairingError> parse(const QByteArray& text, const QString& path);

    QString path() const { return m_path; }
    /// `use_mappers`, in order.
    QStringList useMappers() const { return m_useMappers; }
    /// The file a `mapfile` URL names, as pam_pkcs11 parses it; empty when it is not a file: URL.
    static QString localPath(const QString& url);
    /// The settings of mapper `name`, with pam_pkcs11's defaults where the block is silent.
    PamMapper mapper(const QString& name) const;

private:
    QString m_path;
    QStringList m_useMappers;
    ScconfBlock m_root; ///< the pam_pkcs11 block
};

} // namespace tokendesk
