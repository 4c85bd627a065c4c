#pragma once

#include "VirtualTokenError.h"
#include "backend/common/Result.h"

#include <QString>

namespace tokendesk {

/// The SoftHSM2 configuration that libsofthsm2 reads in this process: the file `SOFTHSM2_CONF`
/// names, else the user's own `~/.config/softhsm2/softhsm2.conf` (SoftHSM 2.6 looks there before
/// the system's /etc/softhsm/softhsm2.conf, whose token folder a user cannot write). Virtual
/// tokens live in that configuration's token folder.
///
/// ensure() makes the user configuration when neither exists: the file (never overwriting one
/// that appears meanwhile: O_EXCL) and a token folder of mode 0700 under
/// `$XDG_DATA_HOME/softhsm2/tokens`. libsofthsm2 reads its configuration in C_Initialize: make
/// sure of it before the module is loaded in this process.
class SoftHsmConfig
{
public:
    struct Info
    {
        QString path;                 ///< the configuration file
        QString tokenDir;             ///< its `directories.tokendir`
        bool fromEnvironment = false; ///< SOFTHSM2_CONF names it
        bool created = false;         ///< ensure() wrote it just now
    };

    /// The file libsofthsm2 reads: SOFTHSM2_CONF, else $HOME/.config/softhsm2/softhsm2.conf.
    static QString path();
    /// Reads the configuration in use; ConfigUnreadable when there is none.
    [[nodiscard]] static Result<Info, VirtualTokenError> read();
    /// read(), making the user configuration first when there is none (never with SOFTHSM2_CONF).
    [[nodiscard]] static Result<Info, VirtualTokenError> ensure();
    /// For the window, before it loads the modules (libsofthsm2 reads its configuration once,
    /// at C_Initialize, so a configuration made later would not be seen until a restart):
    /// ensure() when SOFTHSM2_CONF is unset, the user has no configuration, and the system's
    /// (/etc/softhsm/softhsm2.conf) gives this user no token folder to write. A user who can
    /// write the system's token folder (root, the softhsm group) keeps using it until they make
    /// a virtual token. Nothing happens otherwise; failures only go to the log.
    static void prepareForWindow();
    /// The system's configuration, which libsofthsm2 reads when neither of the above exists.
    static QString systemPath();
    /// `directories.tokendir` of a configuration's text ("key = value" lines, `#` comments), as
    /// SoftHSM's SimpleConfigLoader reads it; empty when absent.
    static QString tokenDirectory(const QByteArray& text);
    /// libsofthsm2.so where Debian and the upstream build install it; empty when not installed.
    static QString modulePath();
};

} // namespace tokendesk
