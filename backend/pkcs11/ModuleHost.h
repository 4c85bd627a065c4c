#pragma once

#include <QString>
#include <optional>

// CK_FUNCTION_LIST of <p11-kit/pkcs11.h> (whose compatibility names make the tag _CK_FUNCTION_LIST).
struct _CK_FUNCTION_LIST;

namespace tokendesk {

/// Module isolation: a PKCS#11 module run in a child process of its own, spoken
/// to over p11-kit's RPC (docs/ISOLATION.md). p11-kit-client.so reads
/// P11_KIT_SERVER_ADDRESS each time its C_GetFunctionList runs and makes a new
/// function list for that address; an address "|COMMAND" is a program p11-kit
/// starts at C_Initialize (socketpair, fork, exec) and ends at C_Finalize. With
/// "|p11-kit-remote MODULE" every module gets a function list and a process of
/// its own. A call whose child died returns CKR_DEVICE_ERROR, and so does every
/// later call; C_Finalize and C_Initialize start a new child.
class ModuleHost
{
public:
    /// TOKENDESK_ISOLATE=1 in the environment.
    static bool enabledByEnvironment();
    /// p11-kit's module server (TOKENDESK_P11_KIT_REMOTE, else where distributions
    /// install it); empty when not installed.
    static QString remoteProgram();
    /// Whether `file` can be isolated: a file (a missing one fails in process, with the
    /// loader's message), p11-kit-remote and p11-kit-client.so installed, and a path
    /// p11-kit's command-line parser keeps as it is (no quote, no backslash).
    static bool canIsolate(const QString& file);

    /// p11_kit_module_load (managed) of p11-kit-client.so set to serve `file` from a
    /// child; the child starts at C_Initialize. Null on failure, with p11-kit's message.
    static _CK_FUNCTION_LIST* load(const QString& file, QString* message);

    /// The child of this process that serves `file`; 0 when none (call after C_Initialize).
    static qint64 findChild(const QString& file);

    /// How a child ended, read without reaping it (p11-kit reaps it at C_Finalize).
    struct Exit
    {
        int signal = 0; ///< the signal that ended it; 0 when it exited
        int status = 0; ///< its exit status when it exited
    };
    /// Empty while `pid` runs (or is no child of ours).
    static std::optional<Exit> peekExit(qint64 pid);
};

} // namespace tokendesk
